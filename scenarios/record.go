package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"losslab/core/grid"
)

// Encode writes s in the scenario file format. Each step names only the
// fields it set, so loading the result reproduces every state exactly.
func Encode(s *Scenario) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "name = %s\ntitle = %s\n", strconv.Quote(s.Name), strconv.Quote(s.Title))
	if s.Description != "" {
		fmt.Fprintf(&b, "description = %s\n", strconv.Quote(s.Description))
	}
	b.WriteString("\n[start]\n")
	writeFields(&b, s.Start, []grid.Field{grid.DAP, grid.DAN, grid.Margin, grid.YAP, grid.YAN})
	for _, st := range s.Steps {
		b.WriteString("\n[[step]]\n")
		writeFields(&b, st.State, st.Set)
		if st.Note != "" {
			fmt.Fprintf(&b, "note = %s\n", strconv.Quote(st.Note))
		}
	}
	return b.Bytes()
}

func writeFields(b *bytes.Buffer, s grid.State, fields []grid.Field) {
	for _, f := range fields {
		if f.IsLabel() {
			fmt.Fprintf(b, "%s = %q\n", f.Key(), s.Label(f).String())
		} else {
			fmt.Fprintf(b, "%s = %s\n", f.Key(), s.Value(f))
		}
	}
}

// ErrExists is returned by WriteNew when the file is already there.
var ErrExists = errors.New("file exists")

// WriteNew writes data to path atomically (a temporary file in the same
// directory, then a link into place) and never overwrites an existing file.
func WriteNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".losslab-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// os.Link fails if path exists, unlike os.Rename, which would replace it.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		return err
	}
	return nil
}
