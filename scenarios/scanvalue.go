package scenarios

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"losslab/i18n"
)

// The scan's reading of values: one scalar, a string on one or many lines,
// or a one-line array of strings. Nothing nests, so the decoder reads what
// passes in linear time.

// value skips one scalar value, counting the lines a multi-line string spans.
func (s *scanner) value(key string) error {
	if s.pos >= len(s.data) || s.data[s.pos] == '\n' || s.data[s.pos] == '#' {
		return s.fail(i18n.ScenNoValue, key)
	}
	rest := s.data[s.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte(`"""`)):
		return s.multiline('"')
	case bytes.HasPrefix(rest, []byte(`'''`)):
		return s.multiline('\'')
	case rest[0] == '"' || rest[0] == '\'':
		return s.singleLine(rest[0])
	case rest[0] == '{':
		return s.fail(i18n.ScenInlineTable, key)
	case rest[0] == '[' && slices.Contains(stringArrayKeys, key):
		return s.stringArray(key)
	case rest[0] == '[':
		return s.fail(i18n.ScenArray, key)
	}
	start := s.pos
	for s.pos < len(s.data) && !bytes.ContainsRune([]byte(" \t\r\n#"), rune(s.data[s.pos])) {
		s.pos++
	}
	if s.pos-start > maxBareValueBytes {
		return s.fail(i18n.ScenValueTooLong, key, maxBareValueBytes)
	}
	return nil
}

// singleLine skips a basic ("…", with \ escapes) or literal ('…') string.
func (s *scanner) singleLine(quote byte) error {
	for i := s.pos + 1; i < len(s.data); i++ {
		switch s.data[i] {
		case '\\':
			if quote == '"' {
				i++ // the escaped byte cannot end the string
			}
		case '\n':
			return s.fail(i18n.ScenStringOpenLine)
		case quote:
			s.pos = i + 1
			return nil
		}
	}
	return s.fail(i18n.ScenStringOpenEOF)
}

// multiline skips a """…""" or ”'…”' string: it ends at the first run of
// three or more quotes (up to two of which belong to the text).
func (s *scanner) multiline(quote byte) error {
	startLine := s.line
	for i := s.pos + 3; i < len(s.data); i++ {
		switch s.data[i] {
		case '\\':
			if quote == '"' && i+1 < len(s.data) {
				if s.data[i+1] == '\n' {
					s.line++
				}
				i++
			}
		case '\n':
			s.line++
		case quote:
			run := 1
			for i+run < len(s.data) && s.data[i+run] == quote && run < 5 {
				run++
			}
			if run >= 3 {
				s.pos = i + run
				return nil
			}
			i += run - 1
		}
	}
	s.line = startLine
	return s.fail(i18n.ScenTextOpenEOF, strings.Repeat(string(quote), 3))
}

// quoteKey shows a key from the file in an error: quoted, escaped and cut
// short.
func quoteKey(k string) string {
	const max = 40
	cut := ""
	if len(k) > max {
		k, cut = k[:max], "…"
	}
	for i := range len(k) {
		if !isBareKeyByte(k[i]) && k[i] != '.' {
			return fmt.Sprintf("%q%s", k, cut)
		}
	}
	return k + cut
}

// maxArrayItems bounds such an array.
const maxArrayItems = 16

// stringArray skips ["…", '…', …] on one line: strings only, at most
// maxArrayItems, a trailing comma allowed. Nothing nests, so the decoder
// reads it in linear time.
func (s *scanner) stringArray(key string) error {
	s.pos++ // '['
	for items := 0; ; {
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] == '\n' {
			return s.fail(i18n.LessonArrayOneLine, key)
		}
		switch c := s.data[s.pos]; {
		case c == ']':
			s.pos++
			return nil
		case c == '"' || c == '\'':
			if bytes.HasPrefix(s.data[s.pos:], []byte{c, c, c}) {
				return s.fail(i18n.LessonArrayStrings, key)
			}
			if err := s.singleLine(c); err != nil {
				return err
			}
			if items++; items > maxArrayItems {
				return s.fail(i18n.LessonArrayTooLong, key, maxArrayItems)
			}
		default:
			return s.fail(i18n.LessonArrayStrings, key)
		}
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return nil
		}
		return s.fail(i18n.LessonArrayOneLine, key)
	}
}
