// Package scenarios is losslab's scenario file format: a named starting state
// on the playground's 0.01 grid (core/grid) and steps that each change some of
// its five values, with a note. It holds the loader, the embedded presets and
// Session, the recorder that turns a playground session into a scenario.
//
// Conventions:
//   - A file is TOML of one shape only: name, title, description, a [start]
//     table with all five values and [[step]] tables that set some of them
//     plus a note. Anything else (inline tables, arrays, dotted keys, other
//     tables) is refused by a linear scan before the TOML decoder runs, so a
//     file's cost is bounded by its size (at most MaxFileBytes).
//   - A text may have its Chinese translation beside it, under the same key
//     with _zh (title_zh, description_zh, note_zh): one place per text.
//     Scenario.In picks a language's texts, falling back to the English.
//   - Every error in a file is a *FileError "file:line: reason", its text a
//     catalogue message (i18n) so that front ends can translate it.
//   - Titles, descriptions and notes are sanitised (internal/termsafe) when
//     loaded or recorded: no control character reaches a terminal.
//   - What Session records always loads again: it stops at MaxSteps steps
//     and MaxFileBytes bytes with ErrSessionFull.
//   - Every number a preset's note quotes is checked against core/loss by
//     the package's tests.
package scenarios
