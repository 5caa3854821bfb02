package textwrap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// A formula is one unit for wrapping: the words of a bracket's inside, a
// term and its value, a relation and its operands are glued before lines
// are made, and pulled apart again only where a formula is wider than the
// line.

// operators never start or end a line: "d(a,n) > d(a,p)" and "= -0.5" wrap
// as one unit.
var operators = map[string]bool{"=": true, "−": true, "-": true, "+": true, "×": true, "<": true, ">": true, "≤": true, "≥": true, "→": true, "≈": true, "≠": true}

// separator stands between the items of a list ("AUC 0.97 · 激活 12%").
const separator = "·"

// IsOperator reports whether word is one of the relations glued to both
// neighbours.
func IsOperator(word string) bool { return operators[word] }

// glueOperators joins each stand-alone relation with the words before and
// after it, and each separator with the word before it.
func glueOperators(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == separator && len(out) > 0 {
			out[len(out)-1] += " " + w
			continue
		}
		if operators[w] && len(out) > 0 {
			w = out[len(out)-1] + " " + w
			out = out[:len(out)-1]
		}
		for operators[words[i]] && i+1 < len(words) {
			i++
			w += " " + words[i]
		}
		out = append(out, w)
	}
	return out
}

// glueBrackets joins a word that opens a formula's bracket with the words
// up to the one that closes it: "max(0.7", "−", "0.5", "+", "0.2,", "0)"
// make one. A formula's bracket follows a letter, digit or symbol (max(,
// ½·(, d(), or holds mathematics only (the interval (0.5, 0.8)); a bracket
// around words or Chinese is prose, which wraps freely. A bracket not
// closed in the paragraph glues nothing.
func glueBrackets(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if bracketBalance(w) <= 0 {
			out = append(out, w)
			continue
		}
		depth, j := bracketBalance(w), i
		for depth > 0 && j+1 < len(words) {
			j++
			depth += bracketBalance(words[j])
		}
		group := strings.Join(words[i:j+1], " ")
		if depth > 0 || !opensFormula(w) && !isMath(inside(group)) { // never closed, or prose
			out = append(out, w)
			continue
		}
		out = append(out, group)
		i = j
	}
	return out
}

// inside is the bracketed part of text that its first word leaves open:
// from that word's outermost bracket still open to the bracket closing it
// (to the end of text when none does).
func inside(text string) string {
	first, _, _ := strings.Cut(text, " ")
	var open []int
	for i, r := range first {
		switch r {
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return text
	}
	rest, depth := text[open[0]:], 0
	for i, r := range rest {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth == 0 {
				return rest[:i+1]
			}
		}
	}
	return rest
}

// isMath reports whether text is mathematics only: no Chinese, and no run
// of Latin letters longer than one but a function's name before its
// bracket (max(, softplus().
func isMath(text string) bool {
	run := 0
	for _, r := range text + " " {
		switch {
		case IsCJK(r):
			return false
		case r < 0x80 && unicode.IsLetter(r):
			run++
			continue
		case run > 1 && r != '(':
			return false
		}
		run = 0
	}
	return true
}

// LeavesFormulaOpen reports whether line ends inside a formula's bracket
// (one a function or a product opens, or one around mathematics only): a
// line Wrap makes never does unless the formula is wider than the line.
func LeavesFormulaOpen(line string) bool {
	words := strings.Fields(line)
	depth, start := 0, 0
	for i, w := range words {
		if depth <= 0 {
			depth, start = 0, i
		}
		depth += bracketBalance(w)
	}
	return depth > 0 && (opensFormula(words[start]) || isMath(inside(strings.Join(words[start:], " "))))
}

// opensFormula reports whether word leaves open a bracket that follows a
// letter, digit or symbol of the same word.
func opensFormula(word string) bool {
	var stack []bool // for each bracket still open: does it open a formula
	var prev rune = -1
	for _, r := range word {
		switch r {
		case '(', '[', '{':
			stack = append(stack, prev >= 0 && !IsCJK(prev) && !strings.ContainsRune("([{", prev))
		case ')', ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		prev = r
	}
	return len(stack) > 0 && stack[0]
}

// glueTermValues joins a bracketed term and the number after it, as a
// panel writes a term with its value ("ℓ(A,N) 0.3574", "d(a,p) 0.70"), and
// an item's name and its value in a " · " list ("different 21.3115 ·",
// "loss 0.3494" at the end).
func glueTermValues(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		listed := isItemName(w) && (i+2 == len(words) || i+2 < len(words) && words[i+2] == "·")
		if i+1 < len(words) && (isTerm(lastWord(w)) || listed) && isNumber(words[i+1]) {
			w += " " + words[i+1]
			i++
		}
		out = append(out, w)
	}
	return out
}

// lastWord is the Latin word s ends with: after its last space or Chinese
// character ("留出集：AUC" ends with AUC).
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return r == ' ' || IsCJK(r) })
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// isTerm reports whether word is a mathematical term that takes a value:
// Latin, not opening with a bracket, and ending with a closed bracket or a
// norm's bar (d(a,p), ℓ(A,N), |∂ℓ/∂x|), or a metric's capitalised name
// (AUC, R@1, MAP@R).
func isTerm(word string) bool {
	if word == "" || strings.ContainsAny(word[:1], "([{") || strings.ContainsFunc(word, IsCJK) {
		return false
	}
	if isMetricName(word) {
		return true
	}
	switch word[len(word)-1] {
	case ')', ']':
		return bracketBalance(word) == 0 && strings.ContainsAny(word, "([")
	case '|':
		return strings.Count(word, "|") >= 2
	}
	return false
}

// isItemName reports whether word is a lowercase Latin word naming an
// item of a " · " list (same, different, loss, step, active).
func isItemName(word string) bool {
	if len(word) < 2 {
		return false
	}
	for i := range len(word) {
		if c := word[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isMetricName reports whether word is a metric's name as the panes write
// it: capitals, digits and @, starting with a capital, at least two long.
func isMetricName(word string) bool {
	if len(word) < 2 || word[0] < 'A' || word[0] > 'Z' {
		return false
	}
	for i := 1; i < len(word); i++ {
		if c := word[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '@') {
			return false
		}
	}
	return true
}

// isNumber reports whether word starts with a number, signed or not.
func isNumber(word string) bool {
	for _, sign := range []string{"−", "-", "+"} {
		word = strings.TrimPrefix(word, sign)
	}
	return word != "" && '0' <= word[0] && word[0] <= '9'
}

// loosen breaks a glued formula wider than w, where it binds least: before
// a relation outside its brackets, else before a plus or minus, else at any
// space outside brackets, else at any space. A formula across two lines is better than one cut inside a token;
// its pieces after the first hang indented.
func loosen(segs []segment, w int) []segment {
	var out []segment
	for _, s := range segs {
		out = append(out, split(s, w, 0)...)
	}
	return out
}

// breakLevels are the places split may break a formula, the most preferred
// first: the operators it may break before (outside brackets), then nil
// for any space outside brackets, then nil for any space.
var breakLevels = []map[string]bool{
	{"=": true, "<": true, ">": true, "≤": true, "≥": true, "→": true, "≈": true, "≠": true},
	{"+": true, "−": true, "-": true, "×": true},
	nil,
	nil,
}

// split breaks s at the spaces that level allows, and each piece still
// wider than w at the next levels'.
func split(s segment, w, level int) []segment {
	if s.width <= w || !strings.Contains(s.text, " ") || level == len(breakLevels) {
		return []segment{s}
	}
	pieces := breakFormula(s.text, level)
	if len(pieces) == 1 {
		return split(s, w, level+1)
	}
	var out []segment
	for i, p := range pieces {
		piece := segment{text: p, width: ansi.StringWidth(p), spaced: i > 0 || s.spaced, hang: i > 0 || s.hang}
		out = append(out, split(piece, w, level+1)...)
	}
	return out
}

// breakFormula cuts text at the spaces that breakLevels[level] allows.
func breakFormula(text string, level int) []string {
	words := strings.Split(text, " ")
	anywhere := level == len(breakLevels)-1
	var out []string
	depth := 0
	for i, word := range words {
		top := depth <= 0
		depth += bracketBalance(word)
		before := breakLevels[level]
		if i == 0 || !(anywhere || top && (before == nil || before[word])) {
			if i == 0 {
				out = append(out, word)
			} else {
				out[len(out)-1] += " " + word
			}
			continue
		}
		out = append(out, word)
	}
	return out
}

// bracketBalance is how many ASCII brackets word opens minus how many it closes.
func bracketBalance(word string) int {
	n := 0
	for _, r := range word {
		switch r {
		case '(', '[', '{':
			n++
		case ')', ']', '}':
			n--
		}
	}
	return n
}
