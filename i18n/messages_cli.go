package i18n

// Messages of the command line: usage, help, flag descriptions and usage
// errors. Flag names, command names and flag values inside the texts are
// identifiers and stay as they are in every language.
const (
	// The root usage: CLIUsage, then one CLICommandLine per command, then CLIUsageTail.
	CLIUsage             ID = "cli.usage"
	CLIEvalInvalidAnyway ID = "cli.eval.invalid-anyway"
	CLICommandLine       ID = "cli.usage.command" // %s name padded, %s summary
	CLIUsageTail         ID = "cli.usage.tail"

	CLISummaryEval      ID = "cli.summary.eval"
	CLISummaryScenarios ID = "cli.summary.scenarios"
	CLISummaryReplay    ID = "cli.summary.replay"
	CLISummaryBatch     ID = "cli.summary.batch"

	CLISynopsisEval      ID = "cli.synopsis.eval"
	CLISynopsisScenarios ID = "cli.synopsis.scenarios"
	CLISynopsisReplay    ID = "cli.synopsis.replay"
	CLISynopsisBatch     ID = "cli.synopsis.batch"

	// A command's help: its synopsis, CLIFlagsHeading, then each flag with
	// its description and, when it has one, CLIFlagDefault.
	CLIFlagsHeading ID = "cli.flags.heading"
	CLIFlagDefault  ID = "cli.flags.default" // %s default value
	// A flag's value where its help names none (pflag's type names).
	CLIMetaNumber ID = "cli.meta.number"
	CLIMetaInt    ID = "cli.meta.int"
	CLIMetaUint   ID = "cli.meta.uint"
	CLIMetaString ID = "cli.meta.string"
	CLIMetaName   ID = "cli.meta.name"
	CLIMetaLabel  ID = "cli.meta.label"
	CLIMetaVector ID = "cli.meta.vector"

	CLIVersion         ID = "cli.version"          // %[1]s version, %[2]s Go version
	CLIVersionCommit   ID = "cli.version.commit"   // %[1]s version, %[2]s Go version, %[3]s revision, %[4]s commit time
	CLIVersionRevision ID = "cli.version.revision" // %[1]s version, %[2]s Go version, %[3]s revision

	// Flag descriptions.
	CLIFlagHelp          ID = "cli.flag.help"
	CLIFlagVersion       ID = "cli.flag.version"
	CLIFlagScenario      ID = "cli.flag.scenario"
	CLIFlagDAP           ID = "cli.flag.dap"
	CLIFlagDAN           ID = "cli.flag.dan"
	CLIFlagMargin        ID = "cli.flag.margin"
	CLIFlagYAP           ID = "cli.flag.y-ap"
	CLIFlagYAN           ID = "cli.flag.y-an"
	CLIFlagAnchor        ID = "cli.flag.anchor"
	CLIFlagPositive      ID = "cli.flag.positive"
	CLIFlagNegative      ID = "cli.flag.negative"
	CLIFlagDistance      ID = "cli.flag.distance"
	CLIFlagEvalJSON      ID = "cli.flag.eval-json"
	CLIFlagScenariosJSON ID = "cli.flag.scenarios-json"
	CLIFlagReplayJSON    ID = "cli.flag.replay-json"
	CLIFlagBatchIn       ID = "cli.flag.batch-in"
	CLIFlagBatchLabels   ID = "cli.flag.batch-labels"
	CLIFlagBatchFormat   ID = "cli.flag.batch-format"
	CLIFlagBatchLabelCol ID = "cli.flag.batch-label-col"
	CLIFlagBatchDemo     ID = "cli.flag.batch-demo"
	CLIFlagBatchDistance ID = "cli.flag.batch-distance"
	CLIFlagBatchMargin   ID = "cli.flag.batch-margin"
	CLIFlagBatchNorm     ID = "cli.flag.batch-normalize"
	CLIFlagBatchJSON     ID = "cli.flag.batch-json"
	CLIFlagBatchPlain    ID = "cli.flag.batch-plain"
	CLIFlagBatchBins     ID = "cli.flag.batch-bins"

	// Every error is one CLIErrorLine; the messages below are its second part.
	CLIErrorLine           ID = "cli.err.line"              // %s command, %s message
	CLIErrUnknownCommand   ID = "cli.err.unknown-command"   // %q command
	CLIErrUnknownFlag      ID = "cli.err.unknown-flag"      // %s flag as typed, %s command
	CLIErrSingleDash       ID = "cli.err.single-dash"       // %s what was typed, %s the same with two dashes
	CLIErrNeedsValue       ID = "cli.err.needs-value"       // %s flag name
	CLIErrBadValue         ID = "cli.err.bad-value"         // %s flag name, %s reason
	CLIErrBadSyntax        ID = "cli.err.bad-syntax"        // %s argument
	CLIErrNoValueWanted    ID = "cli.err.no-value-wanted"   // %s flag name, %s value
	CLIErrUnexpectedArg    ID = "cli.err.unexpected-arg"    // %q argument
	CLIErrConflict         ID = "cli.err.conflict"          // %s flag, %s flag
	CLIErrDistancesVectors ID = "cli.err.distances-vectors" // %s flag, %s flag
	CLIErrVectorMissing    ID = "cli.err.vector-missing"    // %s flag
	CLIErrDistanceNoVecs   ID = "cli.err.distance-no-vectors"
	CLIErrNotFinite        ID = "cli.err.not-finite"  // %q text
	CLIErrNotInteger       ID = "cli.err.not-integer" // %q text
	CLIErrNegative         ID = "cli.err.negative"    // %s value
	CLIErrTooLarge         ID = "cli.err.too-large"   // %s value, %s limit
	CLIErrEmptyVector      ID = "cli.err.empty-vector"
	CLIErrComponent        ID = "cli.err.component"    // %d index (from 1), %s reason
	CLIErrFlagProblem      ID = "cli.err.flag-problem" // %s flag, %s reason
	CLIErrZeroVector       ID = "cli.err.zero-vector"
	CLIErrVectorUnderflow  ID = "cli.err.vector-underflow"
	CLIErrLengths          ID = "cli.err.lengths"         // %d length, %s other flag, %d its length
	CLIErrPairTooFar       ID = "cli.err.pair-too-far"    // %s flag, %s flag, %s metric, %s distance, %s limit
	CLIErrPairOverflow     ID = "cli.err.pair-overflow"   // %s flag, %s flag, %s metric
	CLIErrLossNotFinite    ID = "cli.err.loss-not-finite" // %s the loss's name
	CLIErrWrite            ID = "cli.err.write"           // %v the write error
	CLIErrJSONEncode       ID = "cli.err.json-encode"     // %s reason
	CLIErrMissingScenario  ID = "cli.err.missing-scenario"
	CLIErrOneScenario      ID = "cli.err.one-scenario"       // %q extra argument
	CLIErrScenarioFlag     ID = "cli.err.scenario-flag"      // %s reason
	CLIErrListen           ID = "cli.err.listen"             // %s the address, %s the system's words
	CLIErrBins             ID = "cli.err.bins"               // %d bins
	CLIErrHelpTakesOne     ID = "cli.err.help-takes-one"     // %q extra argument
	CLIErrUnknownMetricVal ID = "cli.err.unknown-metric"     // %q text, %s known names
	CLIErrUnknownHelpTopic ID = "cli.err.unknown-help-topic" // %q topic
	CLIErrDemoConflict     ID = "cli.err.demo-conflict"
	CLIErrDemoFormat       ID = "cli.err.demo-format"
	CLIErrNoInput          ID = "cli.err.no-input"
	CLIErrProjectorTSV     ID = "cli.err.projector-tsv"
	CLIErrStdinTwice       ID = "cli.err.stdin-twice"
	CLIErrNoStdin          ID = "cli.err.no-stdin" // flag
	CLIErrStdinFormat      ID = "cli.err.stdin-format"
	CLIErrTooManyRows      ID = "cli.err.too-many-rows"   // limit
	CLIErrTooMuchData      ID = "cli.err.too-much-data"   // limit (a size), --max-memory's value
	CLIErrNotFont          ID = "cli.err.not-font"        // file
	CLIErrFigureFormat     ID = "cli.err.figure-format"   // %q the extension
	CLIErrJSONNotFinite    ID = "cli.err.json-not-finite" // the field's path, its value
)

var cliEN = map[ID]string{
	CLIEvalInvalidAnyway: "(the triplet value above is computed from the distances anyway)",
	CLIUsage: `losslab: a playground for contrastive and triplet loss

Usage:
  losslab [--scenario NAME|FILE | --state STR] [--points]
      open the interactive playground (plain output when not a terminal);
      --points opens it in points mode, the anchor, positive and negative as
      points you move
  losslab COMMAND [flags] [arguments]
      flags may come before or after the arguments
  losslab help [COMMAND]
      this text, or a command's flags
  losslab --version
      print the version

Commands:`,
	CLICommandLine: "  %s  %s",
	CLIUsageTail:   "Run 'losslab help COMMAND' for a command's flags.",

	CLISummaryEval:      "compute every loss for one triplet (distances or vectors)",
	CLISummaryScenarios: "list the preset scenarios",
	CLISummaryReplay:    "print every state of a scenario with both losses",
	CLISummaryBatch:     "losses, mining and distances of a batch of labelled embeddings",

	CLISynopsisEval: `Usage: losslab eval [flags]

Computes the contrastive and triplet losses, their variants and gradients for
one anchor, positive and negative, from two distances (--dap, --dan) or from
three vectors (--anchor, --positive, --negative) under --distance.

Distances and margins are finite numbers from 0 to 1e150 (the losses square
them, and a larger square is not a number). Labels are same or different;
s and 1 also mean same, diff, d and 0 also mean different.

Examples:
  losslab eval                                  # the article's 0.7 / 0.5 / 0.2
  losslab eval --dap 0.1 --dan 0.6 --margin 0
  losslab eval --anchor 0,0 --positive 0.7,0 --negative 0.5,0 --json`,
	CLISynopsisScenarios: `Usage: losslab scenarios [--json]

Lists the preset scenarios. Open one with 'losslab --scenario NAME' or replay it
with 'losslab replay NAME'.`,
	CLISynopsisReplay: `Usage: losslab replay [--json] NAME|FILE

Prints every state of a scenario, step 0 being its start, with the values and
both losses. NAME is a preset ('losslab scenarios' lists them); FILE is a
scenario file (.toml). --json prints JSON Lines: one object per state with the
keys of 'losslab eval --json' plus "step" and "note".`,
	CLISynopsisBatch: `Usage: losslab batch (--in FILE [--labels METADATA] | --demo NAME) [flags]

Loads labelled embeddings and reports every batch loss (contrastive over all
pairs, batch-all, batch-hard and its soft form, TF Addons semi-hard), the
census of easy / semi-hard / hard triplets, and how separated the distances
of same-class and different-class pairs are (ROC AUC, best threshold, both
histograms). On a terminal it opens an interactive view; --json or --plain
print instead (one of them, not both).

Input: a CSV or TSV file (by extension or --format) whose numeric columns are
the embedding and whose label column is --label-col, else a column named
"label", else the last; a header row is detected. Or the Embedding Projector
pair: --in vectors.tsv --labels metadata.tsv. Or a demo: --demo iris (Fisher
1936, 150 × 4) or --demo digits (UCI, 1797 × 64).

Examples:
  losslab batch --demo iris --plain
  losslab batch --in embeddings.csv --distance cosine --margin 0.5 --json
  losslab batch --in vectors.tsv --labels metadata.tsv --normalize`,

	CLIFlagsHeading: "Flags:",
	CLIFlagDefault:  "(default %s)",
	CLIMetaNumber:   "number",
	CLIMetaInt:      "int",
	CLIMetaUint:     "uint",
	CLIMetaString:   "string",
	CLIMetaName:     "name",
	CLIMetaLabel:    "label",
	CLIMetaVector:   "vector",

	CLIVersion:         "losslab %[1]s (built with %[2]s)",
	CLIVersionCommit:   "losslab %[1]s, commit %[3]s of %[4]s (built with %[2]s)",
	CLIVersionRevision: "losslab %[1]s, commit %[3]s (built with %[2]s)",

	CLIFlagHelp:          "show this help",
	CLIFlagVersion:       "print the version and exit",
	CLIFlagScenario:      "open at this preset or scenario `NAME|FILE`",
	CLIFlagDAP:           "distance d(a,p) between anchor and positive",
	CLIFlagDAN:           "distance d(a,n) between anchor and negative",
	CLIFlagMargin:        "margin m ≥ 0",
	CLIFlagYAP:           "label of the pair (a,p): same|different (or s, 1 | diff, d, 0)",
	CLIFlagYAN:           "label of the pair (a,n): same|different (or s, 1 | diff, d, 0)",
	CLIFlagAnchor:        "anchor vector, comma-separated (instead of --dap/--dan)",
	CLIFlagPositive:      "positive vector, comma-separated",
	CLIFlagNegative:      "negative vector, comma-separated",
	CLIFlagDistance:      "distance between vectors: euclidean|sqeuclidean|manhattan|cosine",
	CLIFlagEvalJSON:      "print one JSON object instead of text",
	CLIFlagScenariosJSON: "print a JSON array instead of a table",
	CLIFlagReplayJSON:    "print JSON Lines, one object per state",
	CLIFlagBatchIn:       "embeddings `FILE` (CSV or TSV, gzipped or not; - for standard input; vectors.tsv with --labels)",
	CLIFlagBatchLabels:   "Embedding Projector `METADATA` file (metadata.tsv) with the labels of --in",
	CLIFlagBatchFormat:   "`csv|tsv` (default: from the extension of --in)",
	CLIFlagBatchLabelCol: "label column `NAME` (default: \"label\", else the last column)",
	CLIFlagBatchDemo:     "a shipped data set instead of --in: `iris|digits`",
	CLIFlagBatchDistance: "euclidean|sqeuclidean|manhattan|cosine",
	CLIFlagBatchMargin:   "margin m ≥ 0",
	CLIFlagBatchNorm:     "L2-normalise every row first (as FaceNet and pytorch-metric-learning do)",
	CLIFlagBatchJSON:     "print one JSON object",
	CLIFlagBatchPlain:    "print the text report even on a terminal",
	CLIFlagBatchBins:     "histogram bins, equal and from 0 (1 to 1000); the text shows at most 15, merging neighbours and saying so",

	CLIErrorLine:           "%s: %s",
	CLIErrUnknownCommand:   "unknown command %q (run 'losslab help' for the list)",
	CLIErrUnknownFlag:      "unknown flag %s (run '%s --help' for the flags)",
	CLIErrSingleDash:       "unknown flag %s: flags take two dashes, as in %s",
	CLIErrNeedsValue:       "--%s needs a value",
	CLIErrBadValue:         "--%s: %s",
	CLIErrBadSyntax:        "bad flag syntax %q",
	CLIErrNoValueWanted:    "--%s takes no value (got %q)",
	CLIErrUnexpectedArg:    "unexpected argument %q",
	CLIErrConflict:         "%s conflicts with %s: give one of them",
	CLIErrDistancesVectors: "%s conflicts with %s: give distances or vectors, not both",
	CLIErrVectorMissing:    "%s is missing: vectors need --anchor, --positive and --negative",
	CLIErrDistanceNoVecs:   "--distance applies to vectors: give --anchor, --positive and --negative",
	CLIErrNotInteger:       "%q is not a whole number in range",
	CLIErrNotFinite:        "%q is not a finite number",
	CLIErrNegative:         "%s must be ≥ 0",
	CLIErrTooLarge:         "%s is too large: at most %s, since the losses square it",
	CLIErrEmptyVector:      "empty vector: want comma-separated numbers such as 0.7,0",
	CLIErrComponent:        "component %d: %s",
	CLIErrFlagProblem:      "%s: %s",
	CLIErrZeroVector:       "a zero vector has no direction, so its cosine distance is undefined",
	CLIErrVectorUnderflow:  "its length underflows to 0 in float64, so its cosine distance cannot be computed",
	CLIErrLengths:          "%d components, but %s has %d",
	CLIErrPairTooFar:       "%s and %s are too far apart: their %s distance %s is above %s, and the losses square it",
	CLIErrPairOverflow:     "%s and %s: their %s distance overflows float64, so it cannot be computed",
	CLIErrLossNotFinite:    "%s: not a finite number for these inputs",
	CLIErrWrite:            "cannot write the output: %v",
	CLIErrJSONEncode:       "--json: cannot write the result: %s",
	CLIErrMissingScenario:  "missing scenario: give a preset name or a .toml file ('losslab scenarios' lists the presets)",
	CLIErrOneScenario:      "unexpected argument %q: replay takes one scenario",
	CLIErrScenarioFlag:     "--scenario: %s",
	CLIErrListen:           "cannot listen on %[1]s: %[2]s",
	CLIErrBins:             "--bins %d: want 1 to 1000",
	CLIErrHelpTakesOne:     "unexpected argument %q: help takes one command",
	CLIErrUnknownMetricVal: "%q is not a distance: want %s",
	CLIErrUnknownHelpTopic: "no help for %q: not a command (run 'losslab help' for the list)",
	CLIErrDemoConflict:     "--demo conflicts with --in and --labels: give one input",
	CLIErrDemoFormat:       "--format and --label-col apply to --in, not --demo",
	CLIErrNoInput:          "no input: give --in FILE or --demo iris|digits",
	CLIErrProjectorTSV:     "--format: the Embedding Projector pair is TSV",
	CLIErrStdinTwice:       "--in - and --labels - cannot both read standard input: give one of them as a file",
	CLIErrNoStdin:          "%s -: no standard input",
	CLIErrStdinFormat:      "--in -: give --format csv|tsv for standard input",
	CLIErrTooManyRows:      "more than %[1]s rows (the limit; --max-rows to raise it)",
	CLIErrTooMuchData:      "the embeddings and labels read so far take more than %[1]s (a quarter of --max-memory %[2]s): raise --max-memory to read more",
	CLIErrNotFont:          "%s: not a TrueType or OpenType font",
	CLIErrFigureFormat:     "%q is not a figure format: want .svg, .png or .pdf",
	CLIErrJSONNotFinite:    "--json: %[1]s is %[2]s, which JSON cannot hold",
}
