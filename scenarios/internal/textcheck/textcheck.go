// Package textcheck holds the tests' checks of what scenario and lesson
// texts say: every number a note, question or explanation quotes is one
// core/loss computes in the state it speaks of, every regime or activity
// word holds there, and every translation quotes the same numbers. It is
// used by the tests of scenarios and scenarios/curriculum only.
package textcheck

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/zhtypo"
)

// Facts are what core/loss computes for one state, named the way texts
// speak of it.
type Facts struct {
	Setting                       loss.Setting
	Evaluation                    loss.Evaluation
	Triplet, Squared, Contrastive loss.Result
}

// FactsOf computes the facts of st, failing t if core/loss cannot.
func FactsOf(t testing.TB, st grid.State) Facts {
	t.Helper()
	ev, err := loss.Evaluate(st.Setting())
	if err != nil {
		t.Fatal(err)
	}
	f := Facts{Setting: st.Setting(), Evaluation: ev}
	for _, r := range ev.Results {
		switch r.Loss.ID {
		case loss.TripletID:
			f.Triplet = r
		case loss.SquaredTripletID:
			f.Squared = r
		case loss.ContrastiveID:
			f.Contrastive = r
		}
	}
	return f
}

// Values are the numbers a text about this state may quote: the inputs,
// every loss, term and gradient, and the quantities the formulas build.
func (f Facts) Values() []float64 {
	s := f.Setting
	vs := []float64{0, s.DAP, s.DAN, s.Margin,
		s.DAP - s.DAN + s.Margin, s.DAP*s.DAP - s.DAN*s.DAN + s.Margin, // hinge arguments
		s.DAP + s.Margin, s.DAN - s.DAP, s.Margin - s.DAP, s.Margin - s.DAN,
		s.DAP * s.DAP, s.DAN * s.DAN, s.DAN*s.DAN - s.DAP*s.DAP, s.Margin * (s.DAP + s.DAN), // squared form
	}
	for _, r := range f.Evaluation.Results {
		vs = append(vs, r.Value)
		for _, term := range r.Terms {
			vs = append(vs, term.Loss, term.Grad[0], term.Grad[1])
		}
	}
	return vs
}

// Changes are the amounts by which a step moved inputs and losses.
func Changes(prev, cur Facts) []float64 {
	return []float64{
		math.Abs(cur.Setting.DAP - prev.Setting.DAP), math.Abs(cur.Setting.DAN - prev.Setting.DAN), math.Abs(cur.Setting.Margin - prev.Setting.Margin),
		math.Abs(cur.Triplet.Value - prev.Triplet.Value), math.Abs(cur.Contrastive.Value - prev.Contrastive.Value),
	}
}

// Quotes reports whether the number as written, q, is v: exactly (within
// 1e-9), or rounded by numfmt when written with 4 or more decimals. A
// written sign must agree.
func Quotes(q string, v float64) bool {
	q = strings.Replace(q, "−", "-", 1)
	x, err := strconv.ParseFloat(q, 64)
	if err != nil || (x < 0) != (v < -1e-12) && x != 0 {
		return false
	}
	if math.Abs(x-v) <= 1e-9 {
		return true
	}
	_, frac, _ := strings.Cut(q, ".")
	return len(frac) >= 4 && numfmt.Fixed(v, len(frac)) == strings.TrimPrefix(q, "+")
}

// QuotesAny reports whether q quotes one of vs.
func QuotesAny(q string, vs []float64) bool {
	for _, v := range vs {
		if Quotes(q, v) {
			return true
		}
	}
	return false
}

// A claim is a phrase whose meaning the test knows: the number or word it
// captures must hold in the state. check returns "" or what is wrong.
type claim struct {
	re    *regexp.Regexp
	check func(f Facts, m []string) string
}

const regimeRE = `(easy|semi-hard|hard)`

// Regime is a triplet result's regime as texts name it.
func Regime(r loss.Result) string { return r.Terms[0].Regime.String() }

func valueClaim(name string, r func(Facts) loss.Result) func(Facts, []string) string {
	return func(f Facts, m []string) string {
		res := r(f)
		if !Quotes(m[1], res.Value) {
			return fmt.Sprintf("%s is %s, not %s", name, numfmt.Loss(res.Value), m[1])
		}
		if len(m) > 2 && m[2] != "" && m[2] != Regime(res) {
			return fmt.Sprintf("%s is %s, not %s", name, Regime(res), m[2])
		}
		return ""
	}
}

func regimeClaim(name string, r func(Facts) loss.Result) func(Facts, []string) string {
	return func(f Facts, m []string) string {
		if got := Regime(r(f)); got != m[1] {
			return fmt.Sprintf("%s is %s, not %s", name, got, m[1])
		}
		return ""
	}
}

func plain(f Facts) loss.Result   { return f.Triplet }
func squared(f Facts) loss.Result { return f.Squared }

// pairs tells whether some contrastive term with label y is active.
func anyActive(f Facts, y loss.Label) bool {
	for i, t := range f.Contrastive.Terms {
		if []loss.Label{f.Setting.YAP, f.Setting.YAN}[i] == y && t.Active {
			return true
		}
	}
	return false
}

func holds(ok bool, what string) string {
	if ok {
		return ""
	}
	return what + " is false here"
}

// claims are applied in order; each match is checked, then blanked so that
// a later, looser pattern does not read it again.
var claims = []claim{
	{regexp.MustCompile(`squared triplet loss (\d+(?:\.\d+)?)(?: \(` + regimeRE + `\))?`), valueClaim("the squared triplet loss", squared)},
	{regexp.MustCompile(`[Tt]he squared triplet is (?:now |still )?` + regimeRE), regimeClaim("the squared triplet", squared)},
	{regexp.MustCompile(`[Tt]riplet loss (?:is |grows to )?(\d+(?:\.\d+)?)(?: \(` + regimeRE + `\))?`), valueClaim("the triplet loss", plain)},
	{regexp.MustCompile(`(?:[Cc]ontrastive|[Cc]ontrastive loss) (\d+(?:\.\d+)?)`), valueClaim("the contrastive loss", func(f Facts) loss.Result { return f.Contrastive })},
	{regexp.MustCompile(`(?:triplet|negative) is (?:now |still |exactly )?` + regimeRE), regimeClaim("the triplet", plain)},
	{regexp.MustCompile(`(?:[Ss]till|stays|called) ` + regimeRE), regimeClaim("the triplet", plain)},
	{regexp.MustCompile(`a ` + regimeRE + ` negative`), regimeClaim("the triplet", plain)},
	{regexp.MustCompile(`(hard) wins the tie`), func(f Facts, m []string) string {
		return holds(f.Setting.DAN == f.Setting.DAP && Regime(f.Triplet) == "hard", "a tie")
	}},
	{regexp.MustCompile(`[Tt]he triplet pushes`), func(f Facts, _ []string) string { return holds(f.Triplet.Terms[0].Active, "an active triplet") }},
	{regexp.MustCompile(`loss wakes up`), func(f Facts, _ []string) string { return holds(f.Triplet.Terms[0].Active, "an active triplet") }},
	{regexp.MustCompile(`contrastive loss (?:still )?pushes`), func(f Facts, _ []string) string {
		return holds(anyActive(f, loss.Different), "an active push term")
	}},
	{regexp.MustCompile(`contrastive loss (?:still )?pulls`), func(f Facts, _ []string) string { return holds(anyActive(f, loss.Same), "an active pull term") }},
	{regexp.MustCompile(`contrastive loss ignores the negative`), func(f Facts, _ []string) string {
		return holds(!f.Contrastive.Terms[1].Active, "an inactive push on the negative")
	}},
	{regexp.MustCompile(`push term is 0`), func(f Facts, _ []string) string { return holds(!anyActive(f, loss.Different), "push terms of 0") }},
	{regexp.MustCompile(`both contrastive terms are exactly 0`), func(f Facts, _ []string) string {
		return holds(f.Contrastive.Terms[0].Loss == 0 && f.Contrastive.Terms[1].Loss == 0, "two zero contrastive terms")
	}},
	{regexp.MustCompile(`nothing pushes`), func(f Facts, _ []string) string {
		return holds(!f.Triplet.Terms[0].Active && !anyActive(f, loss.Different), "no push")
	}},
	{regexp.MustCompile(`more than a margin (?:away|farther)`), func(f Facts, _ []string) string {
		return holds(f.Setting.DAN > f.Setting.DAP+f.Setting.Margin+loss.Tol, "d(a,n) > d(a,p) + m")
	}},
	// The contrastive gradient ½·d(a,p) is the mean's (over the two pairs);
	// the panel's ∂L/∂d on the a-p row is that pair's own term's, d(a,p). A
	// note quoting ½·d(a,p) must say which L it is.
	{regexp.MustCompile(`([^.;:]*)½·d\(a,p\)`), func(f Facts, m []string) string {
		mean := f.Contrastive.Terms[0].Grad[0] / 2 // core's a-p term gradient, over the two pairs
		switch {
		case !strings.Contains(m[1], "mean"):
			return "½·d(a,p) is the gradient of the mean over the pairs, and the note does not say so"
		case math.Abs(mean-f.Setting.DAP/2) > 1e-12:
			return fmt.Sprintf("the mean's gradient on d(a,p) is %v, not ½·d(a,p)", mean)
		}
		return ""
	}},
	{regexp.MustCompile(`is not a valid triplet`), func(f Facts, _ []string) string { return holds(!f.Evaluation.Valid, "an invalid triplet") }},
	{regexp.MustCompile(`triplet is valid`), func(f Facts, _ []string) string { return holds(f.Evaluation.Valid, "a valid triplet") }},
}

var (
	// NumberRE finds the numbers a text quotes.
	NumberRE = regexp.MustCompile(`(?:^|[^\w.])([-−+]?\d+(?:\.\d+)?)`)
	// FalseRE matches wording issue 8 found false in every state: one
	// triplet's gradient is never noisier, hard does not depend on m, the
	// margin-free loss is satisfied from d(a,n) ≥ d(a,p) on.
	FalseRE = regexp.MustCompile(`noisy|look hard|escapes? collapse|as soon as d\(a,n\) > d\(a,p\)`)
	wordRE  = regexp.MustCompile(`\b(semi-hard|hard|easy|active|inactive|wakes up|pushes|pulls|ignores)\b`)
)

// Checker checks texts about states.
type Checker struct {
	// General are sentences about losses in general, not about the state
	// shown, by text key; they are true everywhere and read as a whole.
	General map[string][]string
	// Constants are numbers that are facts of a text, not of the state
	// (a learning rate, a library's default), by text key.
	Constants map[string][]float64
}

// Check returns what is false in text (at key) for the state with facts
// cur: each claim it makes, and each number, which must be one of allowed.
// With cur nil (a description, a question) words are not checked and any
// allowed number may be quoted.
func (c Checker) Check(key, text string, allowed []float64, cur *Facts) []string {
	var problems []string
	for _, g := range c.General[key] {
		if !strings.Contains(text, g) {
			problems = append(problems, fmt.Sprintf("general statement %q not found", g))
		}
		text = strings.ReplaceAll(text, g, " ")
	}
	for _, m := range FalseRE.FindAllString(text, -1) {
		problems = append(problems, fmt.Sprintf("%q is false in every state", m))
	}
	if cur != nil {
		for _, cl := range claims {
			text = cl.re.ReplaceAllStringFunc(text, func(match string) string {
				if p := cl.check(*cur, cl.re.FindStringSubmatch(match)); p != "" {
					problems = append(problems, fmt.Sprintf("%q: %s", match, p))
				}
				return " "
			})
		}
		for _, w := range wordRE.FindAllString(text, -1) {
			problems = append(problems, fmt.Sprintf("%q is not part of a claim the test can check", w))
		}
	}
	for _, m := range NumberRE.FindAllStringSubmatch(text, -1) {
		if !QuotesAny(m[1], append(allowed, c.Constants[key]...)) {
			problems = append(problems, fmt.Sprintf("%s is none of the values core/loss computes here", m[1]))
		}
	}
	return problems
}

var numberPattern = regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)

// Translation returns what is wrong with one text's translations: a
// language of i18n's table without one (where the English is not empty), a
// translation without English, or a translation that quotes other numbers
// than the English, which is checked against core and so checks them.
func Translation(english string, tr i18n.Translations) []string {
	var problems []string
	for _, l := range i18n.Targets() {
		t := tr[l]
		switch {
		case english != "" && t == "":
			problems = append(problems, fmt.Sprintf("%q has no %s text", english, l.Name()))
		case english == "" && t != "":
			problems = append(problems, fmt.Sprintf("%s text %q without English", l.Name(), t))
		}
		a, b := numberPattern.FindAllString(english, -1), numberPattern.FindAllString(t, -1)
		slices.Sort(a)
		slices.Sort(b)
		if t != "" && !slices.Equal(a, b) {
			problems = append(problems, fmt.Sprintf("English quotes %v, %s %v\n  %s\n  %s", a, l.Name(), b, english, t))
		}
		if check := languageChecks[l]; check != nil && t != "" {
			problems = append(problems, check(english, t)...)
		}
	}
	return problems
}

// languageChecks are the rules of one language's texts beyond the numbers.
var languageChecks = map[i18n.Lang]func(english, translation string) []string{
	i18n.Chinese: chineseProblems,
}

// chineseProblems are a Chinese text's breaches of the punctuation rule of
// docs/glossary-zh.md (internal/zhtypo), and its verdicts where they differ
// from the English's: every "(hard)", "(semi-hard)" and "(easy)" is a
// （困难）, （半困难） or （简单）, as many times.
func chineseProblems(english, zh string) []string {
	var problems []string
	for _, p := range zhtypo.Check(zh) {
		problems = append(problems, fmt.Sprintf("%s\n  %s", p, zh))
	}
	for _, v := range [...][2]string{{"(hard)", "（困难）"}, {"(semi-hard)", "（半困难）"}, {"(easy)", "（简单）"}} {
		if a, b := strings.Count(english, v[0]), strings.Count(zh, v[1]); a != b {
			problems = append(problems, fmt.Sprintf("English says %s %d times, Chinese %s %d times\n  %s\n  %s", v[0], a, v[1], b, english, zh))
		}
	}
	return problems
}
