package scenarios

import (
	"embed"
	"fmt"
	"path"
	"sync"
)

//go:embed lessons/*.toml
var lessonFiles embed.FS

// TeachingPoints are the IDs of what the course teaches (issue 12), in the
// order the course reaches them. They are identifiers: `losslab lessons
// --json` prints them as they are.
func TeachingPoints() []string {
	return []string{
		"article-cases", "article-erratum", "two-losses", "regimes", "why-margin", "collapse",
		"squared-vs-plain", "cosine-margin", "half-and-mean", "label-convention",
		"batch-all-averaging", "distributions-separate",
	}
}

// Lessons returns the embedded course in order (files are named NN-name.toml
// and ReadDir sorts them), parsed once; callers must not modify them.
func Lessons() []*Scenario { return lessons() }

var lessons = sync.OnceValue(func() []*Scenario {
	entries, err := lessonFiles.ReadDir("lessons")
	if err != nil {
		panic(err)
	}
	var out []*Scenario
	for _, e := range entries {
		data, err := lessonFiles.ReadFile(path.Join("lessons", e.Name()))
		if err != nil {
			panic(err)
		}
		s, err := Parse("lessons/"+e.Name(), data)
		if err != nil { // a bug the tests catch, never a user's input
			panic(fmt.Sprintf("lesson %s: %v", e.Name(), err))
		}
		s.Source = SourceLesson
		out = append(out, s)
	}
	return out
})

// SourceLesson is the Source of an embedded lesson.
const SourceLesson = "lesson"

// Lesson returns the embedded lesson called name, or nil.
func Lesson(name string) *Scenario {
	for _, s := range Lessons() {
		if s.Name == name {
			return s
		}
	}
	return nil
}
