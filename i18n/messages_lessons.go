package i18n

// Messages of the guided course: lesson file errors, the learn mode, the
// conventions panel and the learn and lessons commands.
const (
	// Lesson keys in a scenario file.
	LessonArrayOneLine     ID = "lesson.array-one-line"     // %s: the key
	LessonArrayStrings     ID = "lesson.array-strings"      // %s: the key
	LessonArrayTooLong     ID = "lesson.array-too-long"     // %s: the key, %d: the limit
	LessonCoverNotSlug     ID = "lesson.cover-not-slug"     // %q: the value
	LessonUnknownMode      ID = "lesson.unknown-mode"       // %q: the value
	LessonDemoWithoutBatch ID = "lesson.demo-without-batch" //
	LessonUnknownDemo      ID = "lesson.unknown-demo"       // %q: the value, %s: the demos
	LessonNeedsQuestion    ID = "lesson.needs-question"     // %s: the key
	LessonQuestionAndMode  ID = "lesson.question-and-mode"  //
	LessonNeedsExplain     ID = "lesson.needs-explain"      //
	LessonNeedsAnswer      ID = "lesson.needs-answer"       //
	LessonChoicesCount     ID = "lesson.choices-count"      // %d: the limit
	LessonChoiceTwice      ID = "lesson.choice-twice"       // %s: the choice
	LessonToleranceChoice  ID = "lesson.tolerance-choice"   //
	LessonAnswerChoice     ID = "lesson.answer-choice"      // %s: the choices
	LessonAnswerNumber     ID = "lesson.answer-number"      //
	LessonBadTolerance     ID = "lesson.bad-tolerance"      //

	// The playground's keys for the course and the conventions panel.
	KeyConventions ID = "lesson.key.conventions"
	KeyLearn       ID = "lesson.key.learn"

	// The conventions panel.
	ConvTitle        ID = "lesson.conv.title"         // %d page, %d pages
	MarginTitle      ID = "lesson.margin.title"       // %s m, %d page, %d pages
	ConvIntro        ID = "lesson.conv.intro"         //
	ConvLabelArticle ID = "lesson.conv.label-article" //
	ConvLabelHadsell ID = "lesson.conv.label-hadsell" //
	ConvLabelTFA     ID = "lesson.conv.label-tfa"     //
	ConvLabelPML     ID = "lesson.conv.label-pml"     //
	ConvLabelTorch   ID = "lesson.conv.label-torch"   //
	MarginIntro      ID = "lesson.margin.intro"       // %s: m
	MarginPlain      ID = "lesson.margin.plain"       // %s gap, %s m, %s loss
	MarginSquared    ID = "lesson.margin.squared"     // %s gap, %s m, %s loss, %s equivalent margin
	MarginCosine     ID = "lesson.margin.cosine"      // %s s(a,p), %s s(a,n), %s m, %s loss
	MarginCosineFar  ID = "lesson.margin.cosine-far"  //
	MarginCosineNote ID = "lesson.margin.cosine-note" //
	// The rows' labels, set in a column of their own (measured in cells).
	MarginLabelPlain   ID = "lesson.margin.label.plain"
	MarginLabelSquared ID = "lesson.margin.label.squared"
	MarginLabelCosine  ID = "lesson.margin.label.cosine"

	// The learn and lessons commands.
	CLISummaryLearn     ID = "lesson.cli.summary-learn"
	CLISummaryLessons   ID = "lesson.cli.summary-lessons"
	CLISynopsisLearn    ID = "lesson.cli.synopsis-learn"
	CLISynopsisLessons  ID = "lesson.cli.synopsis-lessons"
	CLIFlagLearnReset   ID = "lesson.cli.flag-reset"
	CLIFlagLessonsJSON  ID = "lesson.cli.flag-lessons-json"
	CLIErrOneLesson     ID = "lesson.cli.err-one-lesson"      // %s: the extra argument
	CLIErrResetWithFile ID = "lesson.cli.err-reset-with-file" // %s: the file
	CLILearnReset       ID = "lesson.cli.reset"               // %s: the progress file
	CLILearnHeader      ID = "lesson.cli.learn-header"        // column titles, tab-separated
	CLILearnTerminal    ID = "lesson.cli.learn-terminal"      // %s: the command line to run
	CLIErrNoLesson      ID = "lesson.cli.err-no-lesson"       // %s: the argument
	CLILessonsHeader    ID = "lesson.cli.lessons-header"      // column titles, tab-separated
	ConvTextHeader      ID = "lesson.cli.conv-header"         // column titles, tab-separated
	ConvTextTitle       ID = "lesson.cli.conv-title"
	ConvTextNote        ID = "lesson.cli.conv-note"
	// ConvPairs is the labels a convention gives the two pairs: %s a-p's, %s a-n's.
	ConvPairs ID = "lesson.conv.pairs"

	// The learn mode.
	LearnKeyOpen            ID = "lesson.key.open"
	LearnKeyNext            ID = "lesson.key.next"
	LearnKeyPrev            ID = "lesson.key.prev"
	LearnKeyExplore         ID = "lesson.key.explore"
	LearnKeyNextLesson      ID = "lesson.key.next-lesson"
	LearnKeyAnswer          ID = "lesson.key.answer"
	LearnKeySkip            ID = "lesson.key.skip"
	LearnKeyBack            ID = "lesson.key.back"
	LearnKeyReturn          ID = "lesson.key.return"
	LearnKeyScroll          ID = "lesson.key.scroll"
	LearnKeyPick            ID = "lesson.key.pick"
	LearnPlaceholder        ID = "lesson.placeholder"
	LearnProgressUnreadable ID = "lesson.progress-unreadable" // %v: the error
	LearnProgressNotSaved   ID = "lesson.progress-not-saved"  // %v: the error
	LearnSkipped            ID = "lesson.skipped"             // %s: the answer
	LearnNotANumber         ID = "lesson.not-a-number"        // %q: what was typed
	LearnRight              ID = "lesson.right"               // %s: the answer
	LearnWrong              ID = "lesson.wrong"               // %s: what was said, %s: the answer
	// The same verdicts for a choice question, whose choices Chinese quotes.
	LearnSkippedChoice     ID = "lesson.skipped-choice" // %s: the answer
	LearnRightChoice       ID = "lesson.right-choice"   // %s: the answer
	LearnWrongChoice       ID = "lesson.wrong-choice"   // %s: what was said, %s: the answer
	LearnHeader            ID = "lesson.header"         // %s: the lesson's title
	LearnPosition          ID = "lesson.position"       // %d lesson, %d lessons, %d step, %d steps
	LearnListHeader        ID = "lesson.list-header"
	LearnListDone          ID = "lesson.list-done" // %d marked ✓ (every question right), %d lessons
	LearnListIntro         ID = "lesson.list-intro"
	LearnStateTriplet      ID = "lesson.state-triplet"     // %s: the formula with values, %s: the regime
	LearnStateSquared      ID = "lesson.state-squared"     // %s: the loss, %s: its regime
	LearnStateContrastive  ID = "lesson.state-contrastive" // %s, %s: the pair terms, %s: the mean (a list, never "x + y", which read as an equation)
	LearnStateHidden       ID = "lesson.state-hidden"
	LearnStateHiddenNext   ID = "lesson.state-hidden-next"
	LearnExplorePlayground ID = "lesson.explore-playground"
	LearnExploreBatch      ID = "lesson.explore-batch" // %s: the demo
	LearnExploring         ID = "lesson.exploring"     // %s: the position
	LearnEndNext           ID = "lesson.end-next"      // %s: the next lesson's title
	LearnEndLast           ID = "lesson.end-last"
	LearnHintNumber        ID = "lesson.hint-number"
	LearnHintChoice        ID = "lesson.hint-choice"
	LearnMore              ID = "lesson.more"
)

var lessonsEN = map[ID]string{
	LessonArrayOneLine:     "%s is an array of strings written on one line: [\"a\", \"b\"]",
	LessonArrayStrings:     "%s must be an array of strings: [\"a\", \"b\"]",
	LessonArrayTooLong:     "%s has more than %d items",
	LessonCoverNotSlug:     "covers %q is not a slug: use lower-case letters, digits and single '-' (e.g. why-margin)",
	LessonUnknownMode:      "mode = %q: want \"playground\", \"batch\" or \"train\"",
	LessonDemoWithoutBatch: "demo is only read with mode = \"batch\"",
	LessonUnknownDemo:      "demo = %q: want one of %s",
	LessonNeedsQuestion:    "%s belongs to a question: give question = \"…\" in the same step",
	LessonQuestionAndMode:  "a step either asks a question or opens a mode, not both",
	LessonNeedsExplain:     "a question needs explain = \"…\": the explanation shown after the answer",
	LessonNeedsAnswer:      "a question needs answer = a number, or one of its choices",
	LessonChoicesCount:     "choices must list 2 to %d strings",
	LessonChoiceTwice:      "the choice %q is given twice",
	LessonToleranceChoice:  "tolerance is for number answers, not for choices",
	LessonAnswerChoice:     "answer must be one of the choices: %s",
	LessonAnswerNumber:     "answer must be a number (or give choices and pick one of them)",
	LessonBadTolerance:     "tolerance must be a number above 0 and at most 1",

	CLISummaryLearn:   "the guided course: lessons that ask before they show",
	CLISummaryLessons: "list the course's lessons",
	CLISynopsisLearn: `Usage: losslab learn [--reset] [ID | FILE]

Opens the guided course: lessons in order, each a few states of the
playground with notes, and questions that ask you to predict a loss or a
regime before the state is revealed. Progress is saved in
$XDG_STATE_HOME/losslab/progress.json (default ~/.local/state/losslab/).
ID opens that lesson of the course ('losslab lessons' lists the IDs).
FILE runs your own lesson, a scenario file with question steps (see
docs/course.md); its errors name file:line and exit 2. Off a terminal it
prints the list of lessons.`,
	CLISynopsisLessons: `Usage: losslab lessons [--json]

Lists the course's lessons: id, title, the teaching points each covers,
its steps and its questions.`,
	CLIFlagLearnReset:            "forget the saved progress and exit",
	CLIFlagLessonsJSON:           "print a JSON array instead of a table",
	CLIErrOneLesson:              "one lesson file at a time (%s is one too many)",
	CLIErrResetWithFile:          "--reset clears the course's progress; it takes no file (%s)",
	CLILearnReset:                "progress cleared (%s)",
	CLILearnHeader:               "  	LESSON	QUESTIONS	RIGHT	TITLE",
	CLILearnTerminal:             "Run '%s' on a terminal to take the lessons.",
	CLIErrNoLesson:               "%s is neither a lesson file nor a lesson ID ('losslab lessons' lists the IDs)",
	CLILessonsHeader:             "#	ID	STEPS	QUESTIONS	TITLE	COVERS",
	ConvTextHeader:               "  convention	loss	formula	labels",
	ConvTextTitle:                "contrastive loss of the two pairs under five conventions",
	ConvTextNote:                 "[x]+ = max(x, 0); nzmean = the mean of the terms above 0 (0 when none)",
	ConvPairs:                    "a-p %s, a-n %s",
	"lesson.conv.label.positive": "positive",
	"lesson.conv.label.negative": "negative",

	KeyConventions: "conventions: the contrastive loss five ways, the margin three ways",
	KeyLearn:       "learn",

	ConvTitle:          "contrastive loss under five conventions (%d/%d) · v next",
	MarginTitle:        "the triplet margin m = %s under three measures (%d/%d) · v next",
	ConvIntro:          "the same two pairs as each paper or library computes them; [x]+ = max(x, 0):",
	ConvLabelArticle:   "y=1 same",
	ConvLabelHadsell:   "Y=0 similar",
	ConvLabelTFA:       "y=1 similar",
	ConvLabelPML:       "class labels",
	ConvLabelTorch:     "y=±1, 1 similar",
	MarginPlain:        "d(a,n) − d(a,p) = %s must reach m: triplet loss %s",
	MarginSquared:      "d(a,n)² − d(a,p)² = %s must reach m: loss %s (a squared margin m·(2d(a,p) + m) = %s puts the boundary at d(a,p) + m)",
	MarginCosine:       "unit vectors, s = 1 − d²/2: s(a,p) = %s, s(a,n) = %s; s(a,p) − s(a,n) must reach m: loss %s",
	MarginCosineFar:    "no two unit vectors are more than 2 apart: pick distances up to 2.00 to compare",
	MarginLabelPlain:   "plain",
	MarginLabelSquared: "squared",
	MarginLabelCosine:  "cosine",
	MarginCosineNote:   "similarities flip the inequality: the positive must be more similar, by m",

	LearnKeyOpen:            "open lesson",
	LearnKeyNext:            "next step",
	LearnKeyPrev:            "previous step",
	LearnKeyExplore:         "explore",
	LearnKeyNextLesson:      "next lesson",
	LearnKeyAnswer:          "check",
	LearnKeySkip:            "skip",
	LearnKeyBack:            "lesson list",
	LearnKeyReturn:          "back to the lesson",
	LearnKeyScroll:          "scroll",
	LearnKeyPick:            "pick",
	LearnPlaceholder:        "a number",
	LearnProgressUnreadable: "could not read your progress, starting afresh: %v",
	LearnProgressNotSaved:   "progress not saved: %v",
	LearnSkipped:            "Skipped. The answer is %s.",
	LearnNotANumber:         "%q is not a number: type one such as 0.25, or press tab to skip.",
	LearnRight:              "✓ Right: %s.",
	LearnWrong:              "✗ You said %s; the answer is %s.",
	LearnSkippedChoice:      "Skipped. The answer is %s.",
	LearnRightChoice:        "✓ Right: %s.",
	LearnWrongChoice:        "✗ You said %s; the answer is %s.",
	LearnHeader:             "losslab learn · %s",
	LearnPosition:           "lesson %d/%d · step %d/%d",
	LearnListHeader:         "losslab learn · the course",
	LearnListDone:           "✓ %d of %d lessons",
	LearnListIntro:          "Lessons run in order. Each shows a state of the playground and asks you to predict before it reveals the answer. ✓ marks a lesson finished with every question answered right (first try or retry), and a score shows how many were. enter opens the selected lesson where you left it; a finished one asks where.",
	LearnStateTriplet:       "triplet          %s · %s",
	LearnStateSquared:       "squared triplet  max(d(a,p)² − d(a,n)² + m, 0) = %s · %s",
	LearnStateContrastive:   "contrastive      a-p %s · a-n %s · mean %s",
	LearnStateHidden:        "losses hidden until you answer",
	LearnStateHiddenNext:    "losses hidden: they would answer the next step's question",
	LearnExplorePlayground:  "Press e to explore this state in the playground; esc there brings you back here.",
	LearnExploreBatch:       "Press e to open the batch view of the %s demo at this margin; esc there brings you back here.",
	LearnExploring:          "%s · exploring · esc returns to the lesson",
	LearnEndNext:            "This lesson is done. Next: %s (press enter).",
	LearnEndLast:            "That was the last lesson. Press enter for the list, q to quit.",
	LearnHintNumber:         "Type a number and press enter, or press tab to skip.",
	LearnHintChoice:         "Pick with ↑/↓ or a digit and press enter, or press tab to skip.",
	LearnMore:               "↓ more",
}

// ConventionLabel is a convention's label for a pair (core/loss's
// Convention.Labels) in p's language: a word is translated ("positive"),
// notation (y=1, Y=0) stays as it is.
func (p Printer) ConventionLabel(label string) string {
	if _, ok := tables(English)[ID("lesson.conv.label."+label)]; ok {
		return p.T(ID("lesson.conv.label." + label))
	}
	return label
}
