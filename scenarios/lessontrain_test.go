package scenarios

import (
	"errors"
	"strings"
	"testing"

	"losslab/core/train"
)

const trainStep = `
[[step]]
mode = "train"
train_data = "overlap"
train_model = "linear"
train_loss = "contrastive"
train_margin = 0.0
train_compare = "contrastive"
train_compare_margin = 1
train_lr = 0.1
train_batch = 32
train_seed = 7
train_normalize = false
train_steps = 20
train_label_noise = 0.2
note = "watch"
`

// A train step's keys become a core/train configuration; what a step does
// not give is core/train's default; the step re-encodes to itself.
func TestTrainStepParses(t *testing.T) {
	s, err := Parse("l.toml", []byte(lessonHead+trainStep+"\n[[step]]\nmode = \"train\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := train.Config{Data: train.Overlap, Model: train.Linear, Loss: train.Contrastive, Margin: 0,
		Compare: train.Contrastive, CompareMargin: 1, LR: 0.1, Batch: 32, Seed: 7,
		Temperature: train.DefaultTemperature, Similarity: train.Cosine, Holdout: train.DefaultHoldout, LabelNoise: 0.2}
	if got := s.Steps[0].Mode; got.Kind != ModeTrain || got.Train.Config != want || got.Train.Steps != 20 {
		t.Errorf("train step: %+v", got)
	}
	if got := s.Steps[1].Mode.Train; got.Config != train.NewConfig() || got.Steps != 0 {
		t.Errorf("a bare train step: %+v, want core/train's defaults", got)
	}
	back, err := Parse("again.toml", Encode(s))
	if err != nil {
		t.Fatalf("does not re-encode: %v\n%s", err, Encode(s))
	}
	if d := roundTripDiff(s, back); d != "" {
		t.Errorf("re-encoded: %s\n%s", d, Encode(s))
	}
}

// Every mistake in a train step is one error at its key's line, in the
// words of core/train's check.
func TestTrainStepErrors(t *testing.T) {
	head := strings.Count(lessonHead, "\n")
	for _, c := range []struct{ step, want string }{
		{"train_loss = \"batch-hard\"", "train_loss is only read with mode = \"train\""},
		{"mode = \"batch\"\ntrain_steps = 3", "train_steps is only read with mode"},
		{"mode = \"train\"\ntrain_data = \"mnist\"", "train_data = \"mnist\": want one of blobs, overlap"},
		{"mode = \"train\"\ntrain_data = \"file\"", "want one of blobs"},
		{"mode = \"train\"\ntrain_model = \"cnn\"", "train_model = \"cnn\": want one of free, linear, mlp"},
		{"mode = \"train\"\ntrain_loss = \"triplet\"", "train_loss = \"triplet\": want one of contrastive"},
		{"mode = \"train\"\ntrain_compare = \"x\"", "train_compare = \"x\""},
		{"mode = \"train\"\ntrain_loss = \"infonce\"\ntrain_compare = \"infonce\"", "infonce reads no margin, so a second run of it would be the same run"},
		{"mode = \"train\"\ntrain_margin = -1", "train_margin = -1 is out of range: want 0 to 100"},
		{"mode = \"train\"\ntrain_compare = \"contrastive\"\ntrain_compare_margin = 101", "train_compare_margin = 101 is out of range"},
		{"mode = \"train\"\ntrain_compare_margin = 1", "needs train_compare"},
		{"mode = \"train\"\ntrain_lr = 0", "train_lr = 0 is out of range: want more than 0"},
		{"mode = \"train\"\ntrain_lr = \"fast\"", "train_lr must be a number"},
		{"mode = \"train\"\ntrain_batch = 2", "train_batch = 2 is out of range: want 4 to 1024"},
		{"mode = \"train\"\ntrain_batch = 9223372036854775807", "train_batch = 9223372036854775807 is out of range"},
		{"mode = \"train\"\ntrain_batch = 8.5", "train_batch must be a whole number"},
		{"mode = \"train\"\ntrain_seed = -1", "train_seed = -1 is out of range"},
		{"mode = \"train\"\ntrain_steps = 2001", "train_steps = 2001 is out of range: want 0 to 2000"},
		{"mode = \"train\"\ntrain_normalize = 1", "train_normalize must be true or false"},
		{"mode = \"train\"\ntrain_label_noise = 0.6", "train_label_noise = 0.6 is out of range: want 0 to 0.5"},
		{"mode = \"train\"\ntrain_label_noise = \"some\"", "train_label_noise must be a number"},
		{"mode = \"train\"\ntrain_data = 1", "train_data must be a string"},
		{"mode = \"train\"\ntrain_extra = 1", "unknown key"},
		{"mode = \"train\"\nquestion = \"q\"\nexplain = \"e\"\nanswer = 1", "not both"},
	} {
		_, err := Parse("l.toml", []byte(lessonHead+"[[step]]\n"+c.step+"\n"))
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.step, err, c.want)
			continue
		}
		if fe.Line <= head+1 && !strings.Contains(c.want, "not both") {
			t.Errorf("%q: line %d is not the key's", c.step, fe.Line)
		}
	}
}

func FuzzParseTrainStep(f *testing.F) {
	f.Add([]byte(lessonHead + trainStep))
	f.Add([]byte(lessonHead + "[[step]]\nmode = 'train'\ntrain_margin = 1e400\n"))
	f.Add([]byte(lessonHead + "[[step]]\nmode = \"train\"\ntrain_normalize = true\ntrain_seed = 0\ntrain_steps = 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.toml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		checkLayoutMatchesDecoder(t, data)
		for _, st := range s.Steps {
			if st.Mode.Kind == ModeTrain {
				if err := st.Mode.Train.Config.Check(); err != nil {
					t.Fatalf("a train step core/train refuses: %v", err)
				}
			}
		}
		back, err := Parse("again.toml", Encode(s))
		if err != nil {
			t.Fatalf("does not re-encode: %v", err)
		}
		if d := roundTripDiff(s, back); d != "" {
			t.Fatalf("changed on re-encoding: %s", d)
		}
	})
}
