package scenarios

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
)

// The scan below checks a file's shape in one linear pass before the TOML
// decoder sees it. The decoder's cost grows with the square of nesting depth
// and of dotted-key length (a 40 KB dotted key took 19 s and 5 GB); a
// scenario needs neither, so the scan refuses every shape the format does not
// use, each with its line: inline tables, arrays, dotted keys, sub-tables,
// unknown keys and tables. What reaches the decoder is a flat list of
// scalars under [start] and [[step]] headers, decoded in linear time.

// maxKeyBytes bounds a key; the format's longest is "description_zh".
const maxKeyBytes = 64

// maxBareValueBytes bounds an unquoted value (a number, a boolean, a date).
const maxBareValueBytes = 64

// Sections of a scenario file.
const (
	sectionTop   = ""
	sectionStart = "start"
	sectionStep  = "step"
)

// layout is where things are in a file that passed the scan: the line of
// each header and key, so that later errors can name it.
type layout struct {
	lines map[position]int
	steps int // number of [[step]] headers
}

// position names a header (key "") or a key within the index-th occurrence
// of a section.
type position struct {
	section string
	index   int
	key     string
}

// line returns where key of the index-th section is, else the section's
// header, else the file's first line.
func (l *layout) line(section string, index int, key string) int {
	if n, ok := l.lines[position{section, index, key}]; ok {
		return n
	}
	if n, ok := l.lines[position{section, index, ""}]; ok {
		return n
	}
	return 1
}

type scanner struct {
	file    string
	data    []byte
	pos     int
	line    int
	section string
	index   int // occurrence of section: the step number from 0
	out     *layout
}

func (s *scanner) fail(id i18n.ID, args ...any) error {
	return &FileError{File: s.file, Line: s.line, ID: id, Args: args}
}

// scan checks data's shape and returns its layout.
func scan(file string, data []byte) (*layout, error) {
	s := &scanner{file: file, data: data, line: 1, out: &layout{lines: map[position]int{}}}
	s.data = bytes.TrimPrefix(s.data, []byte("\uFEFF"))
	for s.pos < len(s.data) {
		s.skipSpace()
		if s.pos >= len(s.data) {
			break
		}
		var err error
		switch c := s.data[s.pos]; {
		case c == '\n':
			s.pos++
			s.line++
			continue
		case c == '#':
			s.skipComment()
			continue
		case c == '[':
			err = s.header()
		default:
			err = s.keyValue()
		}
		if err != nil {
			return nil, err
		}
		if err := s.endOfLine(); err != nil {
			return nil, err
		}
	}
	return s.out, nil
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.data) && (s.data[s.pos] == ' ' || s.data[s.pos] == '\t' || s.data[s.pos] == '\r') {
		s.pos++
	}
}

func (s *scanner) skipComment() {
	if i := bytes.IndexByte(s.data[s.pos:], '\n'); i >= 0 {
		s.pos += i
	} else {
		s.pos = len(s.data)
	}
}

// endOfLine accepts spaces and a comment up to the line's end.
func (s *scanner) endOfLine() error {
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == '#' {
		s.skipComment()
	}
	if s.pos < len(s.data) && s.data[s.pos] != '\n' {
		return s.fail(i18n.ScenAfterValue, s.describeNext())
	}
	return nil
}

// describeNext quotes a little of what comes next, for an error.
func (s *scanner) describeNext() string {
	end := min(s.pos+16, len(s.data))
	if i := bytes.IndexByte(s.data[s.pos:end], '\n'); i >= 0 {
		end = s.pos + i
	}
	return fmt.Sprintf("%q", s.data[s.pos:end])
}

// header reads [start] or [[step]].
func (s *scanner) header() error {
	array := strings.HasPrefix(string(s.data[s.pos:min(s.pos+2, len(s.data))]), "[[")
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	keys, err := s.key()
	if err != nil {
		return err
	}
	s.skipSpace()
	closing := "]"
	if array {
		closing = "]]"
	}
	if !bytes.HasPrefix(s.data[s.pos:], []byte(closing)) {
		return s.fail(i18n.ScenHeaderOpen, closing)
	}
	s.pos += len(closing)
	name := strings.Join(keys, ".")
	switch {
	case len(keys) > 1:
		return s.fail(i18n.ScenSubTable)
	case name == sectionStart && !array:
		if _, dup := s.out.lines[position{sectionStart, 0, ""}]; dup {
			return s.fail(i18n.ScenStartTwice, s.out.line(sectionStart, 0, ""))
		}
		s.section, s.index = sectionStart, 0
	case name == sectionStep && array:
		if s.out.steps == MaxSteps {
			return s.fail(i18n.ScenTooManySteps, numfmt.Count(MaxSteps))
		}
		s.section, s.index = sectionStep, s.out.steps
		s.out.steps++
	case name == sectionStart:
		return s.fail(i18n.ScenStartNotArray)
	case name == sectionStep:
		return s.fail(i18n.ScenStepNotTable)
	default:
		return s.fail(i18n.ScenUnknownTable, quoteKey(name))
	}
	s.out.lines[position{s.section, s.index, ""}] = s.line
	return nil
}

// keyValue reads one key = value line and records the key's line.
func (s *scanner) keyValue() error {
	keys, err := s.key()
	if err != nil {
		return err
	}
	s.skipSpace()
	if s.pos >= len(s.data) || s.data[s.pos] != '=' {
		return s.fail(i18n.ScenExpectedEquals, quoteKey(keys[0]))
	}
	s.pos++
	if len(keys) > 1 {
		return s.fail(i18n.ScenDottedKey, quoteKey(strings.Join(keys, ".")))
	}
	key := keys[0]
	known := knownKeys(s.section)
	if !slices.Contains(known, key) {
		if s.section == sectionTop && (key == sectionStart || key == sectionStep) {
			return s.fail(i18n.ScenMustBeTable, key)
		}
		name := key
		if s.section != sectionTop {
			name = s.section + "." + key
		}
		return s.fail(i18n.ScenUnknownKey, quoteKey(name), knownList(s.section))
	}
	at := position{s.section, s.index, key}
	if first, dup := s.out.lines[at]; dup {
		return s.fail(i18n.ScenDuplicateKey, key, first)
	}
	s.out.lines[at] = s.line
	s.skipSpace()
	return s.value(key)
}

// key reads a possibly dotted key; segments are bare or quoted.
func (s *scanner) key() ([]string, error) {
	var keys []string
	total := 0
	for {
		s.skipSpace()
		if s.pos >= len(s.data) {
			return nil, s.fail(i18n.ScenKeyAtEnd)
		}
		var seg string
		switch c := s.data[s.pos]; {
		case c == '"' || c == '\'':
			end := bytes.IndexAny(s.data[s.pos+1:], string(c)+"\n")
			if end < 0 || s.data[s.pos+1+end] != c {
				return nil, s.fail(i18n.ScenKeyUnclosed)
			}
			seg = string(s.data[s.pos+1 : s.pos+1+end])
			if c == '"' && strings.ContainsRune(seg, '\\') {
				return nil, s.fail(i18n.ScenKeyEscapes)
			}
			s.pos += end + 2
		case isBareKeyByte(c):
			start := s.pos
			for s.pos < len(s.data) && isBareKeyByte(s.data[s.pos]) {
				s.pos++
			}
			seg = string(s.data[start:s.pos])
		default:
			return nil, s.fail(i18n.ScenExpectedKey, s.describeNext())
		}
		total += len(seg) + 1
		if total > maxKeyBytes {
			return nil, s.fail(i18n.ScenKeyTooLong, maxKeyBytes)
		}
		keys = append(keys, seg)
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '.' {
			return keys, nil
		}
		s.pos++
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
