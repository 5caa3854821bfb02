package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"losslab/core/grid"
)

// The file's shape for the TOML encoder: a step names only what it sets.
type (
	fileScenario struct {
		Name        string     `toml:"name"`
		Title       string     `toml:"title"`
		TitleZH     string     `toml:"title_zh,omitempty"`
		Description string     `toml:"description,omitempty"`
		DescZH      string     `toml:"description_zh,omitempty"`
		Covers      []string   `toml:"covers,omitempty"`
		Start       fileStart  `toml:"start"`
		Step        []fileStep `toml:"step,omitempty"`
	}
	fileStart struct {
		DAP    *float64 `toml:"dap,omitempty"` // left to the points in points mode
		DAN    *float64 `toml:"dan,omitempty"`
		Margin float64  `toml:"margin"`
		YAP    string   `toml:"y_ap"`
		YAN    string   `toml:"y_an"`
		filePoints
	}
	fileStep struct {
		DAP    *float64 `toml:"dap,omitempty"`
		DAN    *float64 `toml:"dan,omitempty"`
		Margin *float64 `toml:"margin,omitempty"`
		YAP    *string  `toml:"y_ap,omitempty"`
		YAN    *string  `toml:"y_an,omitempty"`
		filePoints
		Note   string `toml:"note,omitempty"`
		NoteZH string `toml:"note_zh,omitempty"`
		fileLessonStep
	}
)

// Encode writes s in the scenario file format with the TOML encoder (so a
// note's every character is written as TOML spells it), the Chinese texts
// beside the English ones. Each step names
// only the fields it set, so loading the result reproduces every state
// exactly. A scenario within the loader's limits (MaxSteps, MaxFileBytes)
// loads back; Session keeps recordings within them.
func Encode(s *Scenario) []byte {
	f := fileScenario{Name: s.Name, Title: s.Title, TitleZH: s.TitleZH, Description: s.Description, DescZH: s.DescriptionZH, Covers: s.Covers, Start: fileStart{
		Margin: s.Start.Margin.Float(), YAP: s.Start.YAP.String(), YAN: s.Start.YAN.String(),
	}}
	if s.Start.Points.On {
		f.Start.filePoints = encodePoints(s.Start.Points)
	} else {
		f.Start.DAP, f.Start.DAN = ptr(s.Start.DAP.Float()), ptr(s.Start.DAN.Float())
	}
	for _, st := range s.Steps {
		out := fileStep{Note: st.Note, NoteZH: st.NoteZH, fileLessonStep: encodeLessonStep(st)}
		if st.Points {
			out.filePoints = encodePoints(st.State.Points)
		}
		for _, field := range st.Set {
			if st.Points && st.State.Points.On && (field == grid.DAP || field == grid.DAN) {
				continue // the points give it
			}
			switch field {
			case grid.DAP:
				out.DAP = ptr(st.State.DAP.Float())
			case grid.DAN:
				out.DAN = ptr(st.State.DAN.Float())
			case grid.Margin:
				out.Margin = ptr(st.State.Margin.Float())
			case grid.YAP:
				out.YAP = ptr(st.State.YAP.String())
			case grid.YAN:
				out.YAN = ptr(st.State.YAN.String())
			}
		}
		f.Step = append(f.Step, out)
	}
	var b bytes.Buffer
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(f); err != nil {
		// Only unsupported Go types fail, and these types are fixed.
		panic(fmt.Sprintf("scenarios: encoding a scenario: %v", err))
	}
	return b.Bytes()
}

func ptr[T any](v T) *T { return &v }

// ErrExists is returned by WriteNew when the file is already there.
var ErrExists = errors.New("file exists")

// WriteNew writes data to a new file at path, complete or not at all, and
// never overwrites: a temporary file in the same directory (mode 0644 less
// the umask), synced, then hard-linked into place and the directory synced.
// Where the file system has no hard links it creates path exclusively
// instead (removed again if writing fails).
func WriteNew(path string, data []byte) error {
	return fileWriter{link: os.Link}.writeNew(path, data)
}

// SaveNew writes s into dir as NAME.toml, or NAME-2.toml … NAME-100.toml
// when that exists, and returns the path written.
func SaveNew(dir string, s *Scenario) (string, error) {
	data := Encode(s)
	for i := 1; i <= 100; i++ {
		file := s.Name + ".toml"
		if i > 1 {
			file = fmt.Sprintf("%s-%d.toml", s.Name, i)
		}
		path := filepath.Join(dir, file)
		err := WriteNew(path, data)
		if !errors.Is(err, ErrExists) {
			return path, err
		}
	}
	return "", fmt.Errorf("%s: %w", filepath.Join(dir, s.Name+".toml"), ErrExists)
}

// fileWriter lets tests stand in for a file system without hard links.
type fileWriter struct {
	link func(oldname, newname string) error
}

func (w fileWriter) writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := writeSyncClose(tmp, data); err != nil {
		return err
	}
	// A link fails if path exists, unlike a rename, which would replace it.
	switch err := w.link(tmp.Name(), path); {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, ErrExists)
	case linkUnsupported(err):
		if err := writeExclusive(path, data); err != nil {
			return err
		}
	default:
		return err
	}
	return syncDir(dir)
}

// createTemp is os.CreateTemp with mode 0644 (less the umask) instead of
// 0600: the link makes this very inode the written file.
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".losslab-%d.tmp", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: could not create a temporary file", dir)
}

// writeExclusive creates path (failing if it exists) and writes data; a
// failed write leaves no file behind.
func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	if err != nil {
		return err
	}
	if err := writeSyncClose(f, data); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

func writeSyncClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
