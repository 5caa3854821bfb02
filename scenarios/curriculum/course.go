// Package curriculum is losslab's guided course, as data: the lessons, in order, each a
// scenario file with questions (scenarios' lesson format) embedded from
// lessons/, the teaching points they cover, and the learner's progress,
// kept in a small versioned JSON file under the XDG state directory.
package curriculum

import (
	"embed"
	"fmt"
	"path"
	"sync"

	"losslab/scenarios"
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
		"scale", "mining", "temperature", "generalisation", "label-noise",
	}
}

// Lessons returns the embedded course in order (files are named NN-name.toml
// and ReadDir sorts them), parsed once; callers must not modify them.
func Lessons() []*scenarios.Scenario { return lessons() }

var lessons = sync.OnceValue(func() []*scenarios.Scenario {
	entries, err := lessonFiles.ReadDir("lessons")
	if err != nil {
		panic(err)
	}
	var out []*scenarios.Scenario
	for _, e := range entries {
		data, err := lessonFiles.ReadFile(path.Join("lessons", e.Name()))
		if err != nil {
			panic(err)
		}
		s, err := scenarios.Parse("lessons/"+e.Name(), data)
		if err != nil { // a bug the tests catch, never a user's input
			panic(fmt.Sprintf("lesson %s: %v", e.Name(), err))
		}
		s.Source = scenarios.SourceLesson
		out = append(out, s)
	}
	return out
})

// Lesson returns the embedded lesson called name, or nil.
func Lesson(name string) *scenarios.Scenario {
	for _, s := range Lessons() {
		if s.Name == name {
			return s
		}
	}
	return nil
}
