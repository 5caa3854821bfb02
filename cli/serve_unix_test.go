//go:build unix

package cli

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"losslab/i18n"
)

// The files serve's flags name are read as the other readers read theirs:
// regular files only, up to a size, each refusal one line naming the flag
// and the file, before anything listens. (--host-key /dev/zero used to
// read until memory ran out, and a FIFO to wait forever.)
func TestServeFileFlags(t *testing.T) {
	dir := t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	pub, _ := gossh.NewPublicKey(priv.Public())
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
	hostKey := filepath.Join(dir, "host")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := writeFile(t, dir, "big", strings.Repeat("x", maxHostKeyBytes+1))
	notKey := writeFile(t, dir, "notkey", "-----BEGIN NOTHING-----\n")
	keysBad := writeFile(t, dir, "keys-bad", key+"\nssh-ed25519 AAAA!!\n")
	keysOpts := writeFile(t, dir, "keys-opts", `command="rm -rf /" `+key+"\n")
	keysNone := writeFile(t, dir, "keys-none", "# the class list, to come\n")
	passEmpty := writeFile(t, dir, "pass-empty", "\n")
	passTwo := writeFile(t, dir, "pass-two", "first\nsecond\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--host-key", "/dev/zero"}, "--host-key: /dev/zero: not a regular file (a device)"},
		{[]string{"--host-key", fifo}, "--host-key: " + fifo + ": not a regular file (a FIFO)"},
		{[]string{"--host-key", dir}, "--host-key: " + dir + ": not a regular file (a directory)"},
		{[]string{"--host-key", big}, "--host-key: " + big + ": larger than 64 KiB (the limit)"},
		{[]string{"--host-key", notKey}, "--host-key: " + notKey + " is not an SSH private key without a passphrase"},
		{[]string{"--authorized-keys", "/dev/zero"}, "--authorized-keys: /dev/zero: not a regular file (a device)"},
		{[]string{"--authorized-keys", fifo}, "--authorized-keys: " + fifo + ": not a regular file (a FIFO)"},
		{[]string{"--authorized-keys", keysBad}, "--authorized-keys: " + keysBad + " line 2: not an OpenSSH public key"},
		{[]string{"--authorized-keys", keysOpts}, "--authorized-keys: " + keysOpts + " line 1: key options (from=, command=, …) are not supported"},
		{[]string{"--authorized-keys", keysNone}, "--authorized-keys: " + keysNone + " holds no public key"},
		{[]string{"--passphrase-file", fifo}, "--passphrase-file: " + fifo + ": not a regular file (a FIFO)"},
		{[]string{"--passphrase-file", passEmpty}, "--passphrase-file: " + passEmpty + " holds no passphrase"},
		{[]string{"--passphrase-file", passTwo}, "--passphrase-file: " + passTwo + " has more than one line"},
		{[]string{"--passphrase-file", filepath.Join(dir, "missing")}, "--passphrase-file: " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{[]string{"--lang", "zh", "--host-key", "/dev/zero"}, "--host-key：/dev/zero 不是普通文件（而是设备文件）"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append([]string{"serve", "--host-key", hostKey}, tc.args...)
			if tc.args[0] == "--lang" {
				args = append([]string{"--lang", "zh", "serve"}, tc.args[2:]...)
			}
			done := make(chan struct{})
			var code int
			var out, errOut string
			go func() { code, out, errOut = run(t, args...); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("serve did not return (waiting on the file?)")
			}
			if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want one line with %q", code, out, errOut, tc.want)
			}
		})
	}
	if _, err := os.Stat(hostKey); err == nil {
		t.Error("a refused flag let serve create its host key")
	}
}

// Serving beyond loopback with neither --authorized-keys nor
// --passphrase-file prints one warning line at start; loopback, or either
// flag, prints none. The server runs until SIGINT, as a teacher stops it.
func TestServeWarnsWhenOpenToAll(t *testing.T) {
	dir := t.TempDir()
	pass := writeFile(t, dir, "pass", "triplet margin\n")
	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{[]string{"--listen", "0.0.0.0:0"}, true},
		{[]string{"--listen", "127.0.0.1:0"}, false},
		{[]string{"--listen", "0.0.0.0:0", "--passphrase-file", pass}, false},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append([]string{"serve", "--host-key", filepath.Join(dir, "host")}, tc.args...)
			errR, errW := io.Pipe()
			done := make(chan int, 1)
			go func() {
				done <- Run(args, IO{In: strings.NewReader(""), Out: io.Discard, Err: errW})
				errW.Close()
			}()
			var lines []string
			for scan := bufio.NewScanner(errR); scan.Scan(); {
				lines = append(lines, scan.Text())
				if strings.Contains(scan.Text(), "students connect with") {
					syscall.Kill(os.Getpid(), syscall.SIGINT) // caught since the server listens
				}
			}
			if code := <-done; code != 0 {
				t.Errorf("exit %d after SIGINT", code)
			}
			warning := i18n.New(i18n.English).T(i18n.ServeOpenWarning, "")
			warning = warning[:strings.Index(warning, "anyone")]
			warned := 0
			for _, l := range lines {
				if strings.HasPrefix(l, warning) {
					warned++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[tc.warn]; warned != want {
				t.Errorf("%d warning lines, want %d:\n%s", warned, want, strings.Join(lines, "\n"))
			}
		})
	}
}
