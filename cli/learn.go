package cli

import (
	"bytes"
	"errors"
	"fmt"
	iofs "io/fs"
	"losslab/scenarios/curriculum"
	"os"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/scenarios"
	"losslab/tui"
	"losslab/tui/course"
)

// runLearn is `losslab learn [--reset] [FILE]`: the guided course, or the
// user's own lesson file; --reset clears the saved progress.
func runLearn(args []string, io IO) int {
	fs := newFlagSet("learn")
	reset := fs.Bool("reset", false, io.T(i18n.CLIFlagLearnReset))
	if done, status := parseFlagsAllowArgs(fs, args, i18n.CLISynopsisLearn, io); done {
		return status
	}
	if fs.NArg() > 1 {
		return fail(io, "losslab learn", usagef(i18n.CLIErrOneLesson, termsafe.Echo(fs.Arg(1))))
	}
	if *reset && fs.NArg() > 0 {
		return fail(io, "losslab learn", usagef(i18n.CLIErrResetWithFile, termsafe.Echo(fs.Arg(0))))
	}
	path, err := curriculum.ProgressPath()
	if err != nil && fs.NArg() == 0 {
		return failRun(io, "losslab learn", err)
	}
	if *reset {
		if err := curriculum.ResetProgress(path); err != nil {
			return failRun(io, "losslab learn", err)
		}
		return write(io, "learn", []byte(io.T(i18n.CLILearnReset, path)+"\n"))
	}
	cfg := course.Config{ProgressPath: path}
	command := "losslab learn"
	if fs.NArg() == 1 {
		arg := fs.Arg(0)
		command += " " + arg
		if _, statErr := os.Stat(arg); errors.Is(statErr, iofs.ErrNotExist) {
			if curriculum.Lesson(arg) == nil {
				return fail(io, "losslab learn", usagef(i18n.CLIErrNoLesson, termsafe.Echo(arg)))
			}
			cfg.OpenLesson = arg // a lesson of the course, with its progress
		} else {
			s, err := scenarios.LoadFile(arg)
			if err != nil {
				return fail(io, "losslab learn", err)
			}
			// A user's own file keeps no progress: it is not the course.
			cfg = course.Config{Lessons: []*scenarios.Scenario{s}, Open: true}
		}
	}
	if !io.OutIsTTY {
		return write(io, "learn", plainLessons(io, cfg, command))
	}
	status, fellBack := runApp(tui.Config{Start: tui.ModeLearn, Learn: cfg}, "losslab learn", io)
	if fellBack {
		return write(io, "learn", plainLessons(io, cfg, command))
	}
	return status
}

// plainLessons is the course as text, for output that is not a terminal:
// the lessons with their progress marks, and the command that takes them
// on a terminal.
func plainLessons(io IO, cfg course.Config, command string) []byte {
	lessons := cfg.Lessons
	if lessons == nil {
		lessons = curriculum.Lessons()
	}
	var progress curriculum.Progress
	if cfg.ProgressPath != "" {
		progress, _ = curriculum.LoadProgress(cfg.ProgressPath) // unreadable progress is no progress
	}
	rows := [][]string{strings.Split(io.T(i18n.CLILearnHeader), "\t")}
	for i, l := range lessons {
		mark := "·"
		if progress.Mastered(l.Name, l.Questions()) {
			mark = "✓"
		}
		score := "" // as the course's list: for a lesson answered or finished
		if progress.Scored(l.Name, l.Questions()) {
			score = fmt.Sprintf("%d/%d", progress.Correct(l.Name, l.Questions()), l.Questions())
		}
		rows = append(rows, []string{fmt.Sprintf("%s %d", mark, i+1), l.Name, numfmt.Count(int64(l.Questions())), score, l.In(io.Lang).Title})
	}
	return []byte(alignLeft(rows) + "\n" + io.T(i18n.CLILearnTerminal, termsafe.String(command)) + "\n")
}

// LessonEntry is one line of `losslab lessons --json`: the lesson, and the
// learner's state in it from the saved progress.
type LessonEntry struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Covers    []string `json:"covers"`
	Steps     int      `json:"steps"` // as the lesson header counts them: the description first
	Questions int      `json:"questions"`
	Completed bool     `json:"completed"` // the lesson's end was reached
	Mastered  bool     `json:"mastered"`  // completed with every question right: the list's ✓
	Correct   int      `json:"correct"`   // questions answered right, first try or retry
}

// runLessons is `losslab lessons [--json]`: the embedded course.
func runLessons(args []string, io IO) int {
	fs := newFlagSet("lessons")
	asJSON := fs.Bool("json", false, io.T(i18n.CLIFlagLessonsJSON))
	if done, status := parseFlags(fs, args, i18n.CLISynopsisLessons, io); done {
		return status
	}
	var out bytes.Buffer
	if *asJSON {
		progress := savedProgress(io)
		list := []LessonEntry{}
		for _, l := range curriculum.Lessons() {
			list = append(list, LessonEntry{l.Name, l.Title, append([]string{}, l.Covers...), l.StepsShown(), l.Questions(),
				progress.Done(l.Name), progress.Mastered(l.Name, l.Questions()), progress.Correct(l.Name, l.Questions())})
		}
		if err := encodeJSON(&out, list, true); err != nil {
			return fail(io, "losslab lessons", err)
		}
		return write(io, "lessons", out.Bytes())
	}
	rows := [][]string{strings.Split(io.T(i18n.CLILessonsHeader), "\t")}
	for i, l := range curriculum.Lessons() {
		rows = append(rows, []string{fmt.Sprint(i + 1), l.Name, numfmt.Count(int64(l.StepsShown())),
			numfmt.Count(int64(l.Questions())), l.In(io.Lang).Title, strings.Join(l.Covers, io.T(i18n.DataListSep))})
	}
	return write(io, "lessons", []byte(alignLeft(rows)))
}

// savedProgress is the learner's progress under the current
// $XDG_STATE_HOME; a file that cannot be read is said on stderr in one
// line and counts as no progress, as the course itself starts afresh.
func savedProgress(io IO) curriculum.Progress {
	path, err := curriculum.ProgressPath()
	if err != nil {
		return curriculum.Progress{}
	}
	p, err := curriculum.LoadProgress(path)
	if err != nil {
		fmt.Fprintln(io.Err, "losslab lessons: "+io.T(i18n.CLILessonsProgressUnreadable, err))
	}
	return p
}
