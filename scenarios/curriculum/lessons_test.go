package curriculum

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/scenarios/internal/textcheck"
)

// lessonValues are the values core/loss computes for a lesson's state beyond
// what preset notes quote: the five contrastive conventions and the triplet
// margin's scales (plain, squared, cosine similarity).
func lessonValues(t *testing.T, f textcheck.Facts) []float64 {
	t.Helper()
	vs := f.Values()
	cs, err := loss.Conventions(f.Setting)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		vs = append(vs, c.Loss)
	}
	ms, err := loss.MarginScales(f.Setting)
	if err != nil {
		t.Fatal(err)
	}
	return append(vs, ms.PlainGap, ms.SquaredGap, ms.SquaredMatching, ms.SimAP, ms.SimAN, ms.CosineTriplet)
}

// lessonConstants are numbers that belong to a formula or a citation, not
// to a state, keyed by lesson.
var lessonConstants = map[string][]float64{
	"squared-and-cosine": {1, 2, 3.1},     // s = 1 − d²/2; margin 2m; FaceNet §3.1
	"half-and-mean":      {1, 2, 4, 2006}, // N/2; Hadsell et al. 2006, eq. 4
	"regimes":            {-2},            // the squared form's gradient on d(a,n): −2·d(a,n)
	"batches":            {10},            // the example batch's size
	"scale":              {0.4, 3.1},
	"label-noise":        {3.2},                                        // FaceNet §3.2                                   // the article's first example at full size; FaceNet §3.1
	"mining":             {2, 2017, 3.2},                               // Hermans et al. 2017 §2; FaceNet §3.2
	"temperature":        {0, 1, 2, 10, 2017, 0.1, 0.9, 0.4, math.Ln2}, // τ values; the lesson's second negative and its gap; ln 2
	"metrics":            {1, 10, 2020},                                // Recall@1; the factor; Musgrave et al. 2020
}

// lessonDerived are numbers a lesson computes from core values by a rule
// the note states, keyed by lesson.
var lessonDerived = map[string]func(f textcheck.Facts) []float64{
	// one triplet with a loss among 10: batch-all's mean
	"batches": func(f textcheck.Facts) []float64 { return []float64{f.Triplet.Value / 10} },
	// τ times InfoNCE at its default τ, 0.1: near the margin-free hinge
	"temperature": func(f textcheck.Facts) []float64 {
		for _, r := range f.Evaluation.Results {
			if r.Loss.ID == loss.InfoNCEID {
				return []float64{0.1 * r.Value}
			}
		}
		return nil
	},
}

// lessonAllowed are the numbers a text of lesson s about a state with facts
// f may quote.
func lessonAllowed(t *testing.T, s *scenarios.Scenario, f textcheck.Facts) []float64 {
	vs := append(lessonValues(t, f), lessonConstants[s.Name]...)
	if d := lessonDerived[s.Name]; d != nil {
		vs = append(vs, d(f)...)
	}
	return vs
}

// Every number a lesson quotes — in its description, notes, questions and
// explanations — is computed by core/loss on that step's state, every
// regime or activity word holds there, and every answer is right.
func TestLessonsAreTrue(t *testing.T) {
	checked := 0
	for _, s := range Lessons() {
		fs := make([]textcheck.Facts, s.Len())
		var all []float64
		for i := range s.Len() {
			fs[i] = textcheck.FactsOf(t, s.StateAt(i))
			all = append(all, lessonAllowed(t, s, fs[i])...)
		}
		for _, p := range checker.Check("lesson:"+s.Name+"#0", s.Description, all, nil) {
			t.Errorf("%s description: %s", s.Name, p)
		}
		for i := 1; i < s.Len(); i++ {
			st := s.Steps[i-1]
			if s.TrainingAt(i) != nil { // texts about a training run (lessontrain_claims_test.go)
				checked += checkTrainTexts(t, s, i)
				continue
			}
			allowed := append(lessonAllowed(t, s, fs[i]), textcheck.Changes(fs[i-1], fs[i])...)
			key := fmt.Sprintf("lesson:%s#%d", s.Name, i)
			for _, p := range checker.Check(key, minerNames.ReplaceAllString(st.Note, " "), allowed, &fs[i]) {
				t.Errorf("%s step %d note: %s\n  %s", s.Name, i, p, st.Note)
			}
			if q := st.Question; q != nil {
				// The question is read before the state: it may quote this
				// state's inputs and the one before, and asserts nothing.
				before := append(allowed, lessonAllowed(t, s, fs[i-1])...)
				for _, p := range checker.Check(key, q.Text, before, nil) {
					t.Errorf("%s step %d question: %s\n  %s", s.Name, i, p, q.Text)
				}
				for _, p := range checker.Check(key, withoutGeneral(t, key, q.Explain), allowed, &fs[i]) {
					t.Errorf("%s step %d explanation: %s\n  %s", s.Name, i, p, q.Explain)
				}
				for _, p := range checkAnswer(q, fs[i], allowed) {
					t.Errorf("%s step %d answer: %s", s.Name, i, p)
				}
				// A diagnosis speaks of the revealed state and of the wrong
				// answer it diagnoses, which it may quote.
				for _, mk := range q.Mistakes {
					quoted, text := append(before, mk.Answer), mk.Diagnosis
					if len(q.Choices) > 0 {
						text = withoutChoice(text, q.Choices[mk.Choice])
					}
					text = minerNames.ReplaceAllString(text, " ")
					for _, p := range checker.Check(key, text, quoted, &fs[i]) {
						t.Errorf("%s step %d diagnosis: %s\n  %s", s.Name, i, p, mk.Diagnosis)
					}
					checked++
				}
				checked++
			}
			checked++
		}
	}
	if checked < 40 {
		t.Errorf("only %d lesson texts checked", checked)
	}
}

var regimeNames = []string{"hard", "semi-hard", "easy"}

// checkAnswer: a number answer is a value core computes in the revealed
// state and the explanation states it; a regime choice is the triplet's
// regime; any other choice is stated by the explanation's checked claims.
func checkAnswer(q *scenarios.Question, f textcheck.Facts, allowed []float64) []string {
	if len(q.Choices) == 0 {
		if !textcheck.QuotesAny(strconvG(q.Answer), allowed) {
			return []string{fmt.Sprintf("%v is none of the values core computes here", q.Answer)}
		}
		if !strings.Contains(q.Explain, numfmt.Input(q.Answer)) && !strings.Contains(q.Explain, strconvG(q.Answer)) {
			return []string{fmt.Sprintf("the explanation does not state the answer %v", q.Answer)}
		}
		return nil
	}
	if slices.ContainsFunc(q.Choices, func(c string) bool { return slices.Contains(regimeNames, c) }) {
		if got := textcheck.Regime(f.Triplet); q.RightAnswer() != got {
			return []string{fmt.Sprintf("the answer is %s but the triplet is %s", q.RightAnswer(), got)}
		}
	}
	if !strings.Contains(q.Explain, q.RightAnswer()) && !strings.Contains(strings.ToLower(q.Explain), strings.ToLower(q.RightAnswer())) {
		return []string{fmt.Sprintf("the explanation does not state the answer %q", q.RightAnswer())}
	}
	return nil
}

func strconvG(x float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.6f", x), "0"), ".")
}

// The course covers every teaching point, each lesson names what it covers,
// and lessons have distinct names.
func TestCourseCoversEveryTeachingPoint(t *testing.T) {
	covered := map[string]string{}
	for _, s := range Lessons() {
		if len(s.Covers) == 0 {
			t.Errorf("%s covers nothing", s.Name)
		}
		for _, c := range s.Covers {
			if !slices.Contains(TeachingPoints(), c) {
				t.Errorf("%s covers %q, which is not a teaching point", s.Name, c)
			}
			covered[c] = s.Name
		}
		if Lesson(s.Name) != s || s.Source != scenarios.SourceLesson {
			t.Errorf("%s: lookup or source wrong", s.Name)
		}
	}
	for _, p := range TeachingPoints() {
		if covered[p] == "" {
			t.Errorf("no lesson covers %s", p)
		}
	}
	if q := Lessons()[0].Questions(); q < 1 {
		t.Errorf("the first lesson asks %d questions", q)
	}
}

// The collapse lesson says the gradient with respect to the embeddings is 0
// at exact collapse: core/loss on three equal vectors agrees, with the
// margin active (loss m).
func TestCollapseHasZeroEmbeddingGradient(t *testing.T) {
	a := []float64{0.3, -0.2}
	tr, ga, gp, gn, err := loss.TripletOnVectors(dist.Euclidean, a, a, a, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Loss != 0.2 {
		t.Errorf("loss at collapse = %v, want m = 0.2", tr.Loss)
	}
	for _, g := range [][]float64{ga, gp, gn} {
		for _, x := range g {
			if x != 0 {
				t.Errorf("gradient at collapse %v %v %v, want 0", ga, gp, gn)
			}
		}
	}
	// A stationary point, not a minimum: moving n away from a lowers the
	// loss below m, as the lesson says (issue 19, claim 3).
	n := []float64{0.3 + 0.05, -0.2}
	moved, _, _, _, err := loss.TripletOnVectors(dist.Euclidean, a, a, n, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	if !(moved.Loss < 0.2) {
		t.Errorf("moving n away gives loss %v, not below m", moved.Loss)
	}
	note := Lesson("why-margin").Steps[3].Note
	for _, want := range []string{"gradient with respect to the embeddings is 0", "under that convention", "stationary point, not a minimum", "moving n away from a lowers the loss below m"} {
		if !strings.Contains(note, want) {
			t.Errorf("the lesson no longer says %q, which this test checks", want)
		}
	}
}

// In a lesson ←, → and ↑/↓ step and scroll; they act on values only in the
// mode a step opens with e. A note that names those keys says to press e
// first, in every language.
func TestLessonNotesNameEBeforeModeKeys(t *testing.T) {
	for _, l := range Lessons() {
		for i, st := range l.Steps {
			notes := []string{st.Note}
			for _, tr := range st.NoteTranslations {
				notes = append(notes, tr)
			}
			for _, note := range notes {
				if strings.ContainsAny(note, "←→↑↓") && st.Mode.Kind == scenarios.ModeNone {
					t.Errorf("%s step %d names keys that only step the lesson: %q", l.Name, i+1, note)
				}
				if strings.ContainsAny(note, "←→↑↓") && !strings.Contains(note, "press e") && !strings.Contains(note, "Press e") && !strings.Contains(note, "按 e") {
					t.Errorf("%s step %d names the mode's keys without e: %q", l.Name, i+1, note)
				}
			}
		}
	}
}

// Every lesson carries its translations beside its English texts, in every
// language of i18n's table, quoting the English's numbers (which
// TestLessonsAreTrue checks against core/loss).
func TestEveryLessonTextIsTranslated(t *testing.T) {
	for _, s := range Lessons() {
		for _, tx := range s.Texts() {
			for _, p := range textcheck.Translation(tx.English, tx.Translations) {
				t.Errorf("%s %s: %s", s.Name, tx.Where, p)
			}
		}
	}
}

// checker checks lesson texts; the lessons' constants are in lessonAllowed.
// Its general statements are true of every state: definitions and
// conventions that name a regime without claiming it of the state shown.
var checker textcheck.Checker

// lessonGeneral are statements of an explanation that hold in every state:
// a convention that names a regime without claiming it of the state shown,
// by text key. Each must be found where it is listed.
var lessonGeneral = map[string][]string{
	"lesson:regimes#3": {"Exactly on the boundary, d(a,n) = d(a,p) + m, conventions differ: losslab counts it as easy, since the loss there is 0, while pytorch-metric-learning's miner calls it semi-hard (0 < d(a,n) − d(a,p) ≤ m)"},
	"lesson:regimes#4": {"pytorch-metric-learning agrees (hard: d(a,n) − d(a,p) ≤ 0)"},
}

// minerNames are the miners' names (batch-hard, batch-all, the semi-hard
// miner): names of methods, not claims about the triplet shown.
var minerNames = regexp.MustCompile(`\bbatch-(?:hard|all)\b|\bsemi-hard miner\b`)

// withoutGeneral is an explanation with its general statements and the
// miners' names blanked.
func withoutGeneral(t *testing.T, key, text string) string {
	text = minerNames.ReplaceAllString(text, " ")
	for _, g := range lessonGeneral[key] {
		if !strings.Contains(text, g) {
			t.Errorf("%s: general statement %q not found", key, g)
		}
		text = strings.ReplaceAll(text, g, " ")
	}
	return text
}

// withoutChoice is a diagnosis with the wrong choice it diagnoses blanked:
// it names what the learner said ("Semi-hard needs …"), not a claim about
// the state.
func withoutChoice(text, choice string) string {
	text = strings.ReplaceAll(text, choice, " ")
	if choice != "" {
		text = strings.ReplaceAll(text, strings.ToUpper(choice[:1])+choice[1:], " ")
	}
	return text
}

// Every question of the course diagnoses at least one typical wrong answer
// (issue 19), in every language the lesson is written in.
func TestEveryQuestionDiagnosesAMistake(t *testing.T) {
	for _, s := range Lessons() {
		for i, st := range s.Steps {
			q := st.Question
			if q == nil {
				continue
			}
			if len(q.Mistakes) == 0 {
				t.Errorf("%s step %d: no diagnosed wrong answer", s.Name, i+1)
			}
			for _, mk := range q.Mistakes {
				if len(mk.DiagnosisTranslations) != len(i18n.Targets()) {
					t.Errorf("%s step %d: diagnosis %q is not translated", s.Name, i+1, mk.Diagnosis)
				}
			}
		}
	}
}

// Before the retry a diagnosis never gives the answer away, in any
// language: what the learner sees of it says what went wrong, not what is
// right, as a number or as a logarithm (lesson 11's "−log ½ = ln 2").
func TestFirstTryDiagnosesKeepTheAnswer(t *testing.T) {
	for _, l := range i18n.Languages() {
		for _, s := range Lessons() {
			for i, st := range s.In(l).Steps {
				q := st.Question
				if q == nil {
					continue
				}
				for _, mk := range q.Mistakes {
					shown := q.FirstTry(mk.Diagnosis)
					if q.GivesAway(shown) {
						t.Errorf("%s %s step %d: %q gives the answer %s away", l.Code(), s.Name, i+1, shown, q.RightAnswer())
					}
					if shown == "" {
						t.Errorf("%s %s step %d: nothing of %q can be shown before the retry", l.Code(), s.Name, i+1, mk.Diagnosis)
					}
				}
			}
		}
	}
}

// A choice question opens with its first choice selected, so enter alone
// answers it: if the first choice were mostly the answer, pressing enter
// would earn most of the ✓s. At most a third of the course's choice
// questions have their answer first (18 of 22 did).
func TestChoiceAnswersAreNotMostlyFirst(t *testing.T) {
	n, first := 0, 0
	for _, l := range Lessons() {
		for _, st := range l.Steps {
			if q := st.Question; q != nil && len(q.Choices) > 0 {
				n++
				if q.Correct == 0 {
					first++
				}
			}
		}
	}
	if 3*first > n {
		t.Errorf("%d of %d choice questions have the answer as the first choice, the one enter picks", first, n)
	}
}

// The semi-hard miner (TensorFlow Addons' rule, core/batch's) takes for a
// positive pair the nearest negative farther than the positive, or, when
// none is farther, the farthest negative: a hard one. A text that states
// the rule states both halves, in every language (lessons 9 and 10 gave
// the first only, as if the miner never kept a hard negative).
func TestSemiHardRuleStatedWhole(t *testing.T) {
	rules := []struct{ rule, fallback string }{
		{"nearest negative farther than the positive", "farthest negative"},
		{"比正样本远的负样本中最近的", "最远的负样本"},
	}
	for _, s := range Lessons() {
		for _, tx := range s.Texts() {
			for _, text := range append([]string{tx.English}, slices.Collect(maps.Values(tx.Translations))...) {
				for _, r := range rules {
					if strings.Contains(text, r.rule) && !strings.Contains(text, r.fallback) {
						t.Errorf("%s %s states half the semi-hard rule: %q", s.Name, tx.Where, text)
					}
				}
			}
		}
	}
}

// A note sends the learner to what the training pane shows where it says:
// the pane puts its numbers (mean d, scale, held out) above the
// histograms, and side by side at 80×24 it has no room for histograms at
// all. Lesson 5 said "watch the numbers under the histograms".
func TestNotesPointAtWhatThePaneShows(t *testing.T) {
	for _, s := range Lessons() {
		for _, tx := range s.Texts() {
			for _, text := range append([]string{tx.English}, slices.Collect(maps.Values(tx.Translations))...) {
				for _, wrong := range []string{"numbers under the histogram", "直方图下方的数"} {
					if strings.Contains(text, wrong) {
						t.Errorf("%s %s: %q", s.Name, tx.Where, text)
					}
				}
			}
		}
	}
}
