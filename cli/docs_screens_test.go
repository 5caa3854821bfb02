package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"losslab/i18n"
)

// A captured screen in a page is a ```text block with a marker on the line
// before it, one of:
//
//	<!-- transcript -->          `$ losslab …` lines, each followed by what it
//	                             prints; the test runs them again
//	<!-- golden PATH -->         the golden file PATH of another test (a TUI
//	                             screen), relative to the repository's root
//	<!-- not checked: WHY -->    an illustration no test can make (a clock, a
//	                             network), saying why
//
// `go test ./cli -run TestDocs -update` rewrites transcripts and golden
// screens from what the program and the goldens hold now.

type docBlock struct {
	marker string   // the marker's text inside <!-- -->
	at     int      // the index of the block's first body line
	body   []string // the lines between the fences
}

// textBlocks returns the ```text blocks of a page's lines with their markers.
func textBlocks(lines []string) []docBlock {
	var out []docBlock
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		info := strings.TrimPrefix(lines[i], "```")
		end := i + 1
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		if info == "text" {
			b := docBlock{at: i + 1, body: lines[i+1 : min(end, len(lines))]}
			if j := prevNonBlank(lines, i); j >= 0 && strings.HasPrefix(lines[j], "<!--") && strings.HasSuffix(lines[j], "-->") {
				b.marker = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(lines[j], "<!--"), "-->"))
			}
			out = append(out, b)
		}
		i = end
	}
	return out
}

func prevNonBlank(lines []string, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return -1
}

// TestDocsScreens checks every captured screen of every page.
func TestDocsScreens(t *testing.T) {
	for _, pageName := range docPages(t) {
		t.Run(pageName, func(t *testing.T) {
			lines := strings.Split(readPage(t, pageName), "\n")
			blocks := textBlocks(lines)
			changed := false
			// From the last block up, so that rewriting one moves none still to check.
			for i := len(blocks) - 1; i >= 0; i-- {
				b := blocks[i]
				where := fmt.Sprintf("%s:%d", pageName, b.at)
				var got []string
				switch kind, arg, _ := strings.Cut(b.marker, " "); {
				case kind == "transcript":
					got = runTranscript(t, where, b.body)
				case kind == "golden":
					got = goldenScreen(t, where, arg)
				case strings.HasPrefix(b.marker, "not checked: "):
					continue
				default:
					t.Errorf("%s: a ```text block needs a marker on the line before it: "+
						"<!-- transcript -->, <!-- golden PATH --> or <!-- not checked: WHY --> (see cli/docs_screens_test.go)", where)
					continue
				}
				if got == nil || slices.Equal(got, trimLines(b.body)) {
					continue
				}
				if *update {
					lines = slices.Concat(lines[:b.at], got, lines[b.at+len(b.body):])
					changed = true
					continue
				}
				n, page, now := firstDifference(trimLines(b.body), got)
				t.Errorf("%s:%d: the captured screen differs from %s:\n  the page: %q\n  now:      %q\n"+
					"If the change is intended, rewrite the page's screens with: %s",
					pageName, b.at+n+1, source(b.marker), page, now, regenerate)
			}
			if changed {
				writePage(t, pageName, strings.Join(lines, "\n"))
			}
		})
	}
}

// firstDifference is the index of the first line where page and now differ,
// with the two lines ("" past the end of either).
func firstDifference(page, now []string) (int, string, string) {
	at := func(lines []string, i int) string {
		if i < len(lines) {
			return lines[i]
		}
		return ""
	}
	i := 0
	for i < min(len(page), len(now)) && page[i] == now[i] {
		i++
	}
	return i, at(page, i), at(now, i)
}

func source(marker string) string {
	if arg, ok := strings.CutPrefix(marker, "golden "); ok {
		return "its golden file " + arg
	}
	return "what the commands print"
}

// trimLines drops trailing spaces (goldens pad lines to the terminal's
// width; pages do not) and trailing empty lines.
func trimLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(l, " ")
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// goldenScreen is the golden file at path (from the root) as page lines.
func goldenScreen(t *testing.T, where, path string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Errorf("%s: the golden %s cannot be read (%v): if it moved, point the marker at its new path", where, path, err)
		return nil
	}
	return trimLines(strings.Split(string(b), "\n"))
}

// runTranscript runs the `$ ` lines of body in a fresh directory and returns
// the body with each command's output as it is now.
func runTranscript(t *testing.T, where string, body []string) []string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("HOME", dir)
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	var out []string
	status := 0
	for _, line := range body {
		cmd, ok := strings.CutPrefix(line, "$ ")
		if !ok {
			continue
		}
		out = append(out, line)
		for _, part := range strings.Split(stripComment(cmd), ";") {
			text, code, err := runShellLine(strings.TrimSpace(part), status)
			if err != nil {
				t.Errorf("%s: %q: %v", where, part, err)
				return nil
			}
			status = code
			out = append(out, text...)
		}
	}
	if len(out) == 0 {
		t.Errorf("%s: a transcript without a `$ losslab` line", where)
		return nil
	}
	return trimLines(out)
}

// stripComment drops a trailing " # comment" outside quotes.
func stripComment(s string) string {
	quote := rune(0)
	for i, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '\'' || r == '"'):
			quote = r
		case quote == 0 && r == '#' && (i == 0 || s[i-1] == ' '):
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// runShellLine runs one command of a transcript: `[NAME=VALUE …] losslab
// ARGS [> /dev/null] [| cat | grep [-o] RE | head -N | tail -N]` or
// `echo $?`.
func runShellLine(line string, lastStatus int) ([]string, int, error) {
	stages := strings.Split(line, "|")
	words, err := shellWords(stages[0])
	if err != nil {
		return nil, 0, err
	}
	if len(words) == 2 && words[0] == "echo" && words[1] == "$?" {
		return []string{strconv.Itoa(lastStatus)}, 0, nil
	}
	env := map[string]string{}
	for len(words) > 0 && strings.Contains(words[0], "=") {
		k, v, _ := strings.Cut(words[0], "=")
		env[k] = v
		words = words[1:]
	}
	discard := false
	if n := len(words); n >= 2 && words[n-2] == ">" && words[n-1] == "/dev/null" {
		words, discard = words[:n-2], true
	}
	if len(words) == 0 || words[0] != "losslab" {
		return nil, 0, fmt.Errorf("a transcript runs losslab, echo $? and the filters cat, grep, head and tail only")
	}
	_, noColor := env["NO_COLOR"]
	var stdout, stderr bytes.Buffer
	code := Run(words[1:], IO{
		In: strings.NewReader(""), Out: &stdout, Err: &stderr, NoColor: noColor,
		Lang: i18n.FromLocale(func(k string) string { return env[k] }),
	})
	outLines := splitOutput(stdout.String())
	if discard {
		outLines = nil
	}
	for _, stage := range stages[1:] {
		if outLines, err = filter(outLines, stage); err != nil {
			return nil, 0, err
		}
	}
	return append(outLines, splitOutput(stderr.String())...), code, nil
}

func splitOutput(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func filter(lines []string, stage string) ([]string, error) {
	words, err := shellWords(stage)
	if err == nil && len(words) == 1 && words[0] == "cat" {
		return lines, nil
	}
	if err != nil || len(words) < 2 {
		return nil, fmt.Errorf("filter %q: want cat, grep [-o] RE, head -N or tail -N", stage)
	}
	if words[0] == "grep" {
		return grep(lines, words[1:])
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(words[1], "-"))
	switch words[0] {
	case "head":
		return lines[:min(n, len(lines))], nil
	case "tail":
		return lines[max(0, len(lines)-n):], nil
	}
	return nil, fmt.Errorf("filter %q: want cat, grep [-o] RE, head -N or tail -N", stage)
}

// grep keeps the lines that match the regular expression, or with -o only
// the matches.
func grep(lines, args []string) ([]string, error) {
	only := len(args) == 2 && args[0] == "-o"
	if only {
		args = args[1:]
	}
	if len(args) != 1 {
		return nil, fmt.Errorf("grep %q: want grep [-o] RE", args)
	}
	re, err := regexp.Compile(args[0])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range lines {
		switch {
		case only:
			out = append(out, re.FindAllString(l, -1)...)
		case re.MatchString(l):
			out = append(out, l)
		}
	}
	return out, nil
}

// shellWords splits a command line as a shell would for the simple lines a
// page shows: words separated by spaces, single or double quotes grouping.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
