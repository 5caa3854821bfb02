package i18n

// Messages of the scenario format (errors in scenario files, recorded
// sessions) and of the scenarios and replay commands.
const (
	// Reading a scenario file.
	ScenIsDirectory    ID = "scen.is-directory"
	ScenNotRegular     ID = "scen.not-regular" // %s: what the file is
	ScenKindFIFO       ID = "scen.kind-fifo"
	ScenKindSocket     ID = "scen.kind-socket"
	ScenKindCharDevice ID = "scen.kind-char-device"
	ScenKindDevice     ID = "scen.kind-device"
	ScenKindOther      ID = "scen.kind-other"
	ScenTooLarge       ID = "scen.too-large"        // %s: the limit in bytes
	ScenSyntax         ID = "scen.syntax"           // %s: the decoder's message
	ScenAfterValue     ID = "scen.after-value"      // %s: what follows
	ScenHeaderOpen     ID = "scen.header-open"      // %s: the closing brackets
	ScenSubTable       ID = "scen.sub-table"        //
	ScenStartTwice     ID = "scen.start-twice"      // %d: first line
	ScenTooManySteps   ID = "scen.too-many-steps"   // %s: the limit
	ScenStartNotArray  ID = "scen.start-not-array"  //
	ScenStepNotTable   ID = "scen.step-not-table"   //
	ScenUnknownTable   ID = "scen.unknown-table"    // %s: the table
	ScenExpectedEquals ID = "scen.expected-equals"  // %s: the key
	ScenDottedKey      ID = "scen.dotted-key"       // %s: the key
	ScenMustBeTable    ID = "scen.must-be-table"    // %s: start or step
	ScenUnknownKey     ID = "scen.unknown-key"      // %s: the key, %s: the known keys
	ScenDuplicateKey   ID = "scen.duplicate-key"    // %s: the key, %d: first line
	ScenExpectedKey    ID = "scen.expected-key"     // %s: what was found
	ScenKeyAtEnd       ID = "scen.key-at-end"       //
	ScenKeyUnclosed    ID = "scen.key-unclosed"     //
	ScenKeyEscapes     ID = "scen.key-escapes"      //
	ScenKeyTooLong     ID = "scen.key-too-long"     // %d: the limit
	ScenNoValue        ID = "scen.no-value"         // %s: the key
	ScenInlineTable    ID = "scen.inline-table"     // %s: the key
	ScenArray          ID = "scen.array"            // %s: the key
	ScenValueTooLong   ID = "scen.value-too-long"   // %s: the key, %d: the limit
	ScenStringOpenLine ID = "scen.string-open-line" //
	ScenStringOpenEOF  ID = "scen.string-open-eof"  //
	ScenTextOpenEOF    ID = "scen.text-open-eof"    // %s: the opening quotes
	ScenNotSlug        ID = "scen.not-slug"         // %q: the name
	ScenMissingKey     ID = "scen.missing-key"      // %s: the key
	ScenEmptyText      ID = "scen.empty-text"       // %s: the key
	ScenNotString      ID = "scen.not-string"       // %s: the key, %s: the type found
	ScenMissingStart   ID = "scen.missing-start"    //
	ScenStartMissing   ID = "scen.start-missing"    // %s: the field
	ScenStepEmpty      ID = "scen.step-empty"       // %d: the step
	ScenLabelType      ID = "scen.label-type"       // %s: the key, %s: the type found
	ScenNumberType     ID = "scen.number-type"      // %s: the key, %s: the type found
	ScenBadNumber      ID = "scen.bad-number"       // %s: the key, %s: the reason
	ScenBadLabel       ID = "scen.bad-label"        // %s: the key, %s: the reason
	ScenTypeString     ID = "scen.type-string"
	ScenTypeNumber     ID = "scen.type-number"
	ScenTypeBool       ID = "scen.type-bool"
	ScenTypeDate       ID = "scen.type-date"
	ScenTypeOther      ID = "scen.type-other"
	ScenUnknown        ID = "scen.unknown"         // %q: the name
	ScenUnknownClosest ID = "scen.unknown-closest" // %q: the name, %s: the closest names

	// Recorded sessions.
	ScenSessionName         ID = "scen.session-title"           //
	ScenSessionNameFrom     ID = "scen.session-title-from"      // %s: the preset
	ScenSessionNameFromFile ID = "scen.session-title-from-file" // %[1]s: the scenario's name, %[2]s: its file
	ScenSessionDesc         ID = "scen.session-description"     // %s: the date and time
	ScenSessionSwitch       ID = "scen.session-switch"          // %s: the preset
	ScenSessionFull         ID = "scen.session-full"            // %s: the step limit
	ScenSessionTooMany      ID = "scen.session-too-many-files"  // %s: the name
	ScenSessionWrote        ID = "scen.session-wrote"           // %s: the path, %s: the steps
	ScenSessionWriteFail    ID = "scen.session-write-failed"    // %s: the reason

	// The scenarios and replay commands.
	ScenListHeader   ID = "scen.list-header"   // the table's column titles, tab-separated
	ScenReplayHeader ID = "scen.replay-header" // the table's column titles, tab-separated
	ScenReplayTitle  ID = "scen.replay-title"  // %s: the name, %s: the title
)

var scenariosEN = map[ID]string{
	ScenIsDirectory:    "is a directory, not a scenario file",
	ScenNotRegular:     "is %s, not a regular file: give a scenario file (.toml)",
	ScenKindFIFO:       "a FIFO (named pipe)",
	ScenKindSocket:     "a socket",
	ScenKindCharDevice: "a character device",
	ScenKindDevice:     "a device",
	ScenKindOther:      "a special file",
	ScenTooLarge:       "larger than %s bytes (the limit for a scenario file)",
	ScenSyntax:         "TOML syntax: %s",
	ScenAfterValue:     "unexpected %s after the value: write one key = value per line",
	ScenHeaderOpen:     "table header not closed with %s",
	ScenSubTable:       "sub-tables are not part of the scenario format: use [start] and [[step]] with one key = value per line",
	ScenStartTwice:     "[start] appears twice (first at line %d)",
	ScenTooManySteps:   "more than %s steps: that is the limit",
	ScenStartNotArray:  "start is one table: write [start], not [[start]]",
	ScenStepNotTable:   "the steps are an array of tables: write [[step]], not [step]",
	ScenUnknownTable:   "unknown table %s (the scenario format has [start] and [[step]])",
	ScenExpectedEquals: "expected = after the key %s",
	ScenDottedKey:      "dotted keys are not part of the scenario format: write %s as a plain key under its table header",
	ScenMustBeTable:    "%s must be a table: write [start] or [[step]] on a line of its own, then one key = value per line",
	ScenUnknownKey:     "unknown key %s (known keys: %s)",
	ScenDuplicateKey:   "%s is given twice (first at line %d)",
	ScenExpectedKey:    "expected a key, found %s",
	ScenKeyAtEnd:       "expected a key before the end of the file",
	ScenKeyUnclosed:    "a quoted key is not closed on its line",
	ScenKeyEscapes:     "escapes in keys are not part of the scenario format",
	ScenKeyTooLong:     "a key longer than %d bytes: the scenario format's keys are name, title, description, dap, dan, margin, y_ap, y_an and note, title_zh, description_zh and note_zh for their Chinese texts, and the lesson keys",
	ScenNoValue:        "%s has no value",
	ScenInlineTable:    "%s is an inline table, which the scenario format does not use: give a number or a string",
	ScenArray:          "%s is an array, which the scenario format does not use: give a number or a string",
	ScenValueTooLong:   "the value of %s is longer than %d characters",
	ScenStringOpenLine: "a string is not closed on its line (use \"\"\" for text over several lines)",
	ScenStringOpenEOF:  "a string is not closed before the end of the file",
	ScenTextOpenEOF:    "text opened with %s is not closed before the end of the file",
	ScenNotSlug:        "name %q is not a slug: use lower-case letters, digits and single '-' (e.g. blog-case-1)",
	ScenMissingKey:     "missing %s: a scenario file needs name, title and a [start] table",
	ScenEmptyText:      "%s is empty",
	ScenNotString:      "%s must be a string, not %s",
	ScenMissingStart:   "missing [start] table (it needs dap, dan, margin, y_ap, y_an)",
	ScenStartMissing:   "[start] is missing %s (margin, y_ap, y_an are required, and dap and dan unless points gives them)",
	ScenStepEmpty:      "step %d sets nothing: give at least one of dap, dan, margin, y_ap, y_an, points and its coordinates (or a question or a mode)",
	ScenLabelType:      "%s must be \"same\" or \"different\", not %s",
	ScenNumberType:     "%s must be a number, not %s",
	ScenBadNumber:      "%s = %s",
	ScenBadLabel:       "%s: %s",
	ScenTypeString:     "a string",
	ScenTypeNumber:     "a number",
	ScenTypeBool:       "a boolean",
	ScenTypeDate:       "a date or time",
	ScenTypeOther:      "another kind of value",
	ScenUnknown:        "unknown scenario %q; 'losslab scenarios' lists them, or give a .toml file",
	ScenUnknownClosest: "unknown scenario %q (closest: %s); 'losslab scenarios' lists them, or give a .toml file",

	ScenSessionName:         "Recorded session",
	ScenSessionNameFrom:     "Recorded session (started from the preset %s)",
	ScenSessionNameFromFile: "Recorded session (started from the scenario %[1]s in %[2]s)",
	ScenSessionDesc:         "Recorded with losslab on %s.",
	ScenSessionSwitch:       "Switched to the preset %s: every value set to its start.",
	ScenSessionFull:         "recording stopped: a scenario holds at most %s steps; w writes what was recorded",
	ScenSessionTooMany:      "could not write the session: too many files named %s",
	ScenSessionWrote:        "wrote %s (%s steps)",
	ScenSessionWriteFail:    "could not write the session: %s",

	ScenListHeader:   "NAME\tSTEPS\tTITLE",
	ScenReplayHeader: "step\td(a,p)\td(a,n)\tmargin\ty(a,p)\ty(a,n)\ttriplet\tregime\tcontrastive",
	ScenReplayTitle:  "%s: %s",
}
