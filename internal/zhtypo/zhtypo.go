// Package zhtypo is the typography rule of losslab's Chinese texts
// (docs/glossary-zh.md, "Punctuation"), as a check: the catalogue's and the
// scenarios' tests run it over every Chinese message, title, description,
// note, question, choice and explanation.
//
// Inside a Chinese sentence punctuation is full-width (，：；？！（）、 and
// “” for quotes), with no space after it; mathematics uses the real minus
// sign −; a Latin word, number or formula is set off from Chinese characters
// by a space, and two Chinese characters are never parted by one; the
// article's title is always in 《》. Formulas, identifiers
// and code keep their ASCII: what is inside ASCII brackets without a
// Chinese character, "d(a,p)", "[\"a\", \"b\"]" and file:line are not
// sentences.
package zhtypo

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// ArticleTitle is the source article's title, as published.
const ArticleTitle = "如何设计loss使得两个分布的差异更大"

// Problem is one breach of the rule: where (a byte offset), which rule and
// the text around it.
type Problem struct {
	At      int
	Rule    string
	Context string
}

func (p Problem) String() string { return fmt.Sprintf("%s at %d: …%s…", p.Rule, p.At, p.Context) }

// fullWidthAfter are marks that are never followed by a single space;
// fullWidthBefore never preceded by one.
const (
	fullWidthAfter  = "，。、；：？！）”》"
	fullWidthBefore = "，。、；：？！（“《"
)

// Check returns the problems of text, a Chinese text: one that holds a
// Chinese character (a text without one is checked for nothing). Format
// verbs (%s, %[2]d) count as neither Chinese nor Latin.
func Check(text string) []Problem {
	if !strings.ContainsFunc(text, isHan) {
		return nil
	}
	rs := []rune(text)
	code := codeSpans(rs)
	var out []Problem
	add := func(i int, rule string) {
		lo, hi := max(0, i-8), min(len(rs), i+9)
		out = append(out, Problem{At: len(string(rs[:i])), Rule: rule, Context: string(rs[lo:hi])})
	}
	at := func(i int) rune {
		if i < 0 || i >= len(rs) || isVerb(rs, i) {
			return 0
		}
		return rs[i]
	}
	for i, r := range rs {
		prev, next := at(i-1), at(i+1)
		switch {
		case strings.ContainsRune("「」『』", r):
			add(i, "quotes are “” in Simplified Chinese, not corner brackets")
		case r == '-' && isMinus(rs, i): // inside formulas too
			add(i, "ASCII hyphen as a minus sign: use −")
		case code[i]:
		case strings.ContainsRune(",:;?!", r) && (isHan(prev) || isHan(next) || next == ' ' && r != ':' || r == ':' && next == ' ' && !isASCIIWord(rs, i)):
			add(i, fmt.Sprintf("half-width %q in a Chinese sentence: use the full-width mark", r))
		case r == '(' || r == ')':
			add(i, fmt.Sprintf("half-width %q around Chinese or prose: use （）", r))
		case r == '"' && (isHan(prev) || isHan(next)):
			add(i, "ASCII quotes around Chinese: use “”")
		case r == ' ' && i+1 < len(rs) && rs[i+1] != ' ' && rs[i+1] != '·' && strings.ContainsRune(fullWidthAfter, prev) && (i < 2 || rs[i-2] != ' '):
			add(i, "space after full-width punctuation")
		case r == ' ' && strings.ContainsRune(fullWidthBefore, next) && i > 0 && rs[i-1] != ' ' && rs[i-1] != '·':
			add(i, "space before full-width punctuation")
		case r == ' ' && isHan(prev) && isHan(next) && (i < 2 || rs[i-2] != ' ') && (i+2 >= len(rs) || rs[i+2] != ' '):
			add(i, "space between two Chinese characters")
		case isHan(r) && (isLatin(prev) || isLatin(next)) && !inTitle(rs, i):
			add(i, "no space between Chinese and a Latin word or number")
		}
	}
	for i := 0; ; {
		j := strings.Index(text[i:], ArticleTitle)
		if j < 0 {
			break
		}
		j += i
		if !strings.HasSuffix(text[:j], "《") || !strings.HasPrefix(text[j+len(ArticleTitle):], "》") {
			out = append(out, Problem{At: j, Rule: "the article's title is always in 《》", Context: ArticleTitle})
		}
		i = j + len(ArticleTitle)
	}
	return out
}

// codeSpans marks the runes that are formula or code, where ASCII marks
// are right: the inside of ASCII brackets that holds no Chinese character
// and is not prose (a bracket after a space around a Latin word of two
// letters or more, as "InfoNCE (NT-Xent)", is prose), and backquotes. The
// brackets themselves count as code with what they hold.
func codeSpans(rs []rune) []bool {
	code := make([]bool, len(rs))
	mark := func(i, j int) {
		for k := i; k <= j; k++ {
			code[k] = true
		}
	}
	var stack []int
	tick := -1
	for i, r := range rs {
		if strings.ContainsRune(",.;:?", r) && (i == 0 || rs[i-1] == ' ') && (i+1 == len(rs) || rs[i+1] == ' ') {
			code[i] = true // a key's name standing alone ("按 , 后退")
			continue
		}
		switch r {
		case '(', '[', '{':
			stack = append(stack, i)
		case ')', ']', '}':
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inside := rs[o+1 : i]
			syntax := slices.ContainsFunc(inside, func(r rune) bool { return strings.ContainsRune("|=", r) }) || strings.Contains(string(inside), "--")
			prose := o > 0 && rs[o-1] == ' ' && r == ')' && hasLatinWord(inside) && !syntax
			if !containsHan(inside) && !prose {
				mark(o, i)
			}
		case '`':
			if tick < 0 {
				tick = i
				continue
			}
			mark(tick, i)
			tick = -1
		}
	}
	return code
}

// isMinus reports whether the hyphen at i stands for a minus: a sign
// before a number (start, space, bracket, = or a Chinese mark before it), or
// a binary minus between spaces. Hyphens inside words (batch-hard, a-p,
// --margin, blog-case-1) are not.
func isMinus(rs []rune, i int) bool {
	before, after := rune(' '), rune(0)
	if i > 0 {
		before = rs[i-1]
	}
	if i+1 < len(rs) {
		after = rs[i+1]
	}
	if before == ' ' && after == ' ' { // a binary minus, unless a name stands alone: "--in - 与"
		return i+2 >= len(rs) || !isHan(rs[i+2]) && rs[i+2] != '-'
	}
	signPlace := before == ' ' || before == '=' || strings.ContainsRune("([{", before) || isHan(before) || strings.ContainsRune(fullWidthBefore+fullWidthAfter, before)
	return signPlace && (unicode.IsDigit(after) || after == '.')
}

// isASCIIWord reports whether the colon at i joins ASCII text on both
// sides without a space (file:line, a URL), which is not punctuation.
func isASCIIWord(rs []rune, i int) bool {
	return i > 0 && i+1 < len(rs) && rs[i-1] < 0x80 && rs[i-1] != ' ' && rs[i+1] < 0x80 && rs[i+1] != ' '
}

// inTitle reports whether rune i is inside the article's title, which is
// quoted as published (no space around "loss").
func inTitle(rs []rune, i int) bool {
	title := []rune(ArticleTitle)
	for start := max(0, i-len(title)+1); start <= i && start+len(title) <= len(rs); start++ {
		if string(rs[start:start+len(title)]) == ArticleTitle {
			return true
		}
	}
	return false
}

// isVerb reports whether rune i belongs to a format verb (%s, %[2]d, %%).
func isVerb(rs []rune, i int) bool {
	for start := max(0, i-5); start <= i; start++ {
		if rs[start] != '%' {
			continue
		}
		end := start + 1
		for end < len(rs) && (rs[end] == '[' || rs[end] == ']' || unicode.IsDigit(rs[end]) || rs[end] == '.') {
			end++
		}
		if end < len(rs) && (unicode.IsLetter(rs[end]) || rs[end] == '%') && i <= end {
			return true
		}
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isLatin reports whether r is a Latin letter or a digit.
func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func containsHan(rs []rune) bool {
	for _, r := range rs {
		if isHan(r) {
			return true
		}
	}
	return false
}

// hasLatinWord reports whether rs holds a run of two Latin letters or more
// that is not a function's name before its bracket (max(, softplus().
func hasLatinWord(rs []rune) bool {
	run := 0
	for _, r := range rs {
		if r < 0x80 && unicode.IsLetter(r) {
			run++
			continue
		}
		if run >= 2 && r != '(' && r != '_' && r != '.' {
			return true
		}
		run = 0
	}
	return run >= 2
}
