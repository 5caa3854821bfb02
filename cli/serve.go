package cli

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"losslab/i18n"
	"losslab/internal/regfile"
	"losslab/internal/termsafe"
	"losslab/scenarios"
	"losslab/scenarios/curriculum"
	"losslab/serve"
	"losslab/tui"
	"losslab/tui/common"
	"losslab/tui/course"
	"losslab/tui/playground"
)

type serveFlags struct {
	listen, hostKey, scenario, state, hide string
	lesson                                 string
	authorizedKeys, passphraseFile         string
	maxSessions                            int
	idle, maxTime                          time.Duration
}

// The largest files serve's flags read: an OpenSSH private key (RSA 4096
// is 3.4 KB), a class's public keys, a passphrase.
const (
	maxHostKeyBytes        = 64 << 10
	maxAuthorizedKeysBytes = 1 << 20
	maxPassphraseBytes     = 4 << 10
)

func runServe(args []string, io IO) int {
	f := serveFlags{listen: "127.0.0.1:2222", hostKey: defaultHostKey(), maxSessions: 40, idle: 15 * time.Minute, maxTime: 3 * time.Hour}
	fs := newFlagSet("serve")
	fs.StringVar(&f.listen, "listen", f.listen, io.T(i18n.CLIFlagServeListen))
	fs.StringVar(&f.hostKey, "host-key", f.hostKey, io.T(i18n.CLIFlagServeHostKey))
	fs.IntVar(&f.maxSessions, "max-sessions", f.maxSessions, io.T(i18n.CLIFlagServeMax))
	fs.DurationVar(&f.idle, "idle", f.idle, io.T(i18n.CLIFlagServeIdle))
	fs.DurationVar(&f.maxTime, "max-time", f.maxTime, io.T(i18n.CLIFlagServeMaxTime))
	fs.StringVar(&f.lesson, "lesson", "", io.T(i18n.CLIFlagServeLesson))
	fs.StringVar(&f.scenario, "scenario", "", io.T(i18n.CLIFlagServeScenario))
	fs.StringVar(&f.state, "state", "", io.T(i18n.CLIFlagServeState))
	fs.StringVar(&f.hide, "hide", "", io.T(i18n.CLIFlagServeHide, strings.Join(playground.Panels(), ","), strings.Join(common.Controls(), ",")))
	fs.StringVar(&f.authorizedKeys, "authorized-keys", "", io.T(i18n.CLIFlagServeAuthorizedKeys))
	fs.StringVar(&f.passphraseFile, "passphrase-file", "", io.T(i18n.CLIFlagServePassphrase))
	if done, status := parseFlags(fs, args, i18n.CLISynopsisServe, io); done {
		return status
	}
	for _, pair := range [][2]string{{"state", "scenario"}, {"lesson", "scenario"}, {"lesson", "state"}} {
		if err := conflict(fs, pair[0], pair[1]); err != nil {
			return fail(io, "losslab serve", err)
		}
	}
	cfg, err := serveConfig(f, fs.Changed("state"))
	if err != nil {
		return fail(io, "losslab serve", err)
	}
	if err := readAuth(f, &cfg); err != nil {
		return fail(io, "losslab serve", err)
	}
	signer, created, err := hostKey(f.hostKey)
	if errors.Is(err, errNotHostKey) {
		return fail(io, "losslab serve", usagef(i18n.CLIErrBadValue, "host-key", usagef(i18n.CLIErrNotHostKey, f.hostKey)))
	} else if err != nil {
		return fail(io, "losslab serve", usagef(i18n.CLIErrBadValue, "host-key", err))
	}
	cfg.HostKey, cfg.Log = signer, io.Err
	srv, err := serve.New(cfg)
	if err != nil {
		return failRun(io, "losslab serve", err)
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fail(io, "losslab serve", usagef(i18n.CLIErrBadValue, "listen", usagef(i18n.CLIErrListen, termsafe.Echo(f.listen), err.Error())))
	}
	// Signals are caught from here on: a signal while the lines below are
	// printed stops the server as well as one later.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	if created {
		fmt.Fprintln(io.Err, io.T(i18n.ServeKeyCreated, f.hostKey))
	}
	fmt.Fprintln(io.Err, io.T(i18n.ServeListening, ln.Addr(), gossh.FingerprintSHA256(signer.PublicKey())))
	fmt.Fprintln(io.Err, io.T(i18n.ServeHowToConnect, sshCommand(ln.Addr())))
	if openToAll(ln.Addr(), cfg) {
		fmt.Fprintln(io.Err, io.T(i18n.ServeOpenWarning, ln.Addr()))
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil {
			return failRun(io, "losslab serve", err)
		}
		return ExitOK
	case s := <-sigs:
		fmt.Fprintln(io.Err, io.T(i18n.ServeStopping, s, srv.Sessions()))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
		return ExitOK
	}
}

// serveConfig checks the flags that say where sessions start and what they hide.
func serveConfig(f serveFlags, stateGiven bool) (serve.Config, error) {
	cfg := serve.Config{MaxSessions: f.maxSessions, Idle: f.idle, MaxTime: f.maxTime, Hide: tui.HideSet{}}
	switch {
	case f.maxSessions < 1:
		return cfg, usagef(i18n.CLIErrBadValue, "max-sessions", usagef(i18n.CLIErrAtLeastOne))
	case f.idle < 0:
		return cfg, usagef(i18n.CLIErrBadValue, "idle", usagef(i18n.CLIErrNegativeDuration))
	case f.maxTime < 0:
		return cfg, usagef(i18n.CLIErrBadValue, "max-time", usagef(i18n.CLIErrNegativeDuration))
	}
	cfg.App = tui.Config{Start: tui.ModePlayground}
	if f.lesson != "" {
		l := curriculum.Lesson(f.lesson)
		if l == nil {
			var names []string
			for _, l := range curriculum.Lessons() {
				names = append(names, l.Name)
			}
			return cfg, usagef(i18n.CLIErrBadValue, "lesson", usagef(i18n.CLIErrUnknownLessonID, termsafe.Echo(f.lesson), nameList(names)))
		}
		// No ProgressPath: a served course keeps progress for the session only.
		cfg.App = tui.Config{Start: tui.ModeLearn, Learn: course.Config{Lessons: []*scenarios.Scenario{l}, Open: true}}
	}
	if f.scenario != "" {
		s, err := scenarios.Resolve(f.scenario)
		if err != nil {
			return cfg, usagef(i18n.CLIErrScenarioFlag, err)
		}
		cfg.App.Playground.Scenario = s
	}
	if stateGiven {
		r, err := decodeStateFlag(f.state)
		if err != nil {
			return cfg, err
		}
		cfg.App.Playground.Restore = r
	}
	if f.hide != "" {
		fixed := 0
		for _, name := range strings.Split(f.hide, ",") {
			name = strings.TrimSpace(name)
			switch {
			case slices.Contains(common.Controls(), name):
				if !cfg.Hide[name] {
					fixed++
				}
			case !slices.Contains(playground.Panels(), name):
				return cfg, usagef(i18n.CLIErrBadValue, "hide", usagef(i18n.CLIErrUnknownPanel, termsafe.Echo(name),
					nameList(playground.Panels()), nameList(common.Controls())))
			}
			cfg.Hide[name] = true
		}
		if fixed == len(common.Controls()) {
			return cfg, usagef(i18n.CLIErrBadValue, "hide", usagef(i18n.CLIErrAllControls))
		}
		if f.lesson != "" && playground.ValuesHidden(cfg.Hide) {
			return cfg, usagef(i18n.CLIErrBadValue, "hide", usagef(i18n.CLIErrHideLesson))
		}
	}
	return cfg, nil
}

// readAuth reads --authorized-keys and --passphrase-file into cfg.
func readAuth(f serveFlags, cfg *serve.Config) error {
	if f.authorizedKeys != "" {
		data, err := regfile.ReadFile(f.authorizedKeys, maxAuthorizedKeysBytes)
		if err != nil {
			return usagef(i18n.CLIErrBadValue, "authorized-keys", err)
		}
		keys, err := serve.ParseAuthorizedKeys(data)
		var line *serve.KeyLineError
		switch {
		case errors.As(err, &line) && line.Err != nil:
			return usagef(i18n.CLIErrBadValue, "authorized-keys", usagef(i18n.CLIErrKeyLine, f.authorizedKeys, line.Line))
		case errors.As(err, &line):
			return usagef(i18n.CLIErrBadValue, "authorized-keys", usagef(i18n.CLIErrKeyOptions, f.authorizedKeys, line.Line))
		case err != nil:
			return usagef(i18n.CLIErrBadValue, "authorized-keys", usagef(i18n.CLIErrNoKeys, f.authorizedKeys))
		}
		cfg.AuthorizedKeys = keys
	}
	if f.passphraseFile != "" {
		data, err := regfile.ReadFile(f.passphraseFile, maxPassphraseBytes)
		if err != nil {
			return usagef(i18n.CLIErrBadValue, "passphrase-file", err)
		}
		// the file's one line, without its line ending
		line := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
		switch {
		case strings.ContainsAny(line, "\r\n"):
			return usagef(i18n.CLIErrBadValue, "passphrase-file", usagef(i18n.CLIErrPassphraseLines, f.passphraseFile))
		case line == "":
			return usagef(i18n.CLIErrBadValue, "passphrase-file", usagef(i18n.CLIErrPassphraseEmpty, f.passphraseFile))
		}
		cfg.Passphrase = []byte(line)
	}
	return nil
}

// openToAll says whether a server listening on addr lets anyone in: it
// listens beyond loopback with neither keys nor a passphrase.
func openToAll(addr net.Addr, cfg serve.Config) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && !tcp.IP.IsLoopback() && len(cfg.AuthorizedKeys) == 0 && len(cfg.Passphrase) == 0
}

// defaultHostKey is where the host key lives unless --host-key says: the
// user's configuration directory, so that students' known_hosts stay valid.
func defaultHostKey() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "losslab_host_ed25519"
	}
	return filepath.Join(dir, "losslab", "ssh_host_ed25519")
}

// hostKey reads the host key at path (a regular file, at most
// maxHostKeyBytes), or creates an Ed25519 key there (mode 0600, never over
// an existing file) when there is none.
func hostKey(path string) (gossh.Signer, bool, error) {
	data, err := regfile.ReadFile(path, maxHostKeyBytes)
	if err == nil {
		s, err := gossh.ParsePrivateKey(data)
		if err != nil {
			return nil, false, fmt.Errorf("%w: %v", errNotHostKey, err)
		}
		return s, false, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, false, err
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(key, "losslab serve host key")
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, err
	}
	if _, err := out.Write(pem.EncodeToMemory(block)); err != nil {
		out.Close()
		os.Remove(path)
		return nil, false, err
	}
	if err := out.Close(); err != nil {
		os.Remove(path)
		return nil, false, err
	}
	s, err := gossh.NewSignerFromKey(key)
	return s, true, err
}

// errNotHostKey: the host key file holds no private key the server can
// use (or one protected by a passphrase).
var errNotHostKey = errors.New("not an unencrypted SSH private key")

// sshCommand is what a student types to connect to addr.
func sshCommand(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "ssh " + addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		host = "localhost"
	} else if ip != nil && ip.IsUnspecified() {
		host = "HOST"
	}
	return fmt.Sprintf("ssh -p %s %s", port, host)
}
