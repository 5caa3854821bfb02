package common

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"losslab/i18n"
)

// Why a figure was not written is said in the interface's language (before,
// the system's error was quoted in English under Chinese).
func TestFigureStatusInChinese(t *testing.T) {
	msg := FigureWrittenMsg{By: 1, Err: &fs.PathError{Op: "open", Path: "f.svg", Err: syscall.EACCES}}
	got := FigureStatus(i18n.New(i18n.Chinese), msg)
	if !strings.Contains(got, "没有访问 f.svg 的权限") || strings.Contains(got, "permission denied") {
		t.Errorf("Chinese status %q", got)
	}
}
