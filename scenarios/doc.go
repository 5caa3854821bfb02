// Package scenarios is losslab's scenario file format: a named starting state
// on the playground's 0.01 grid (core/grid) and steps that each change some of
// its five values, with a note; a lesson's steps may also ask a question or
// open a mode (lesson.go, lessontrain.go). It holds the loader, the encoder,
// the embedded presets and Session, the recorder that turns a playground
// session into a scenario. The course built from lessons is
// scenarios/curriculum; files are written whole by internal/atomicfile.
//
// Conventions:
//   - A file is TOML of one shape only: name, title, description, a [start]
//     table with all five values and [[step]] tables that set some of them
//     plus a note. Anything else (inline tables, arrays, dotted keys, other
//     tables) is refused by a linear scan before the TOML decoder runs, so a
//     file's cost is bounded by its size (at most MaxFileBytes).
//   - A text may have its translations beside it, under the same key with
//     each language's code (title_zh, description_zh, note_zh, question_zh,
//     choices_zh, explain_zh): the keys follow from i18n's table of
//     languages. Scenario.In picks a language's texts, falling back to the
//     English.
//   - Every error in a file is a *FileError "file:line: reason", its text a
//     catalogue message (i18n) so that front ends can translate it.
//   - Titles, descriptions and notes are sanitised (internal/termsafe) when
//     loaded or recorded: no control character reaches a terminal.
//   - What Session records always loads again: it stops at MaxSteps steps
//     and MaxFileBytes bytes with ErrSessionFull.
//   - Every number a preset's note quotes is checked against core/loss by
//     the package's tests (scenarios/internal/textcheck).
package scenarios
