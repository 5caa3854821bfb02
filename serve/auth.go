package serve

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"losslab/i18n"
)

// Who may connect. A client on the server's own machine (loopback) is
// always let in. From elsewhere, with neither Config.AuthorizedKeys nor
// Config.Passphrase, anyone is; with either, only a client that proves
// one of the keys or types the passphrase (keyboard-interactive; a
// wrong one waits Limits.AuthFailureDelay, and a connection gets six
// tries, x/crypto's default).

// serverConfig is the SSH configuration of one connection: "none"
// authentication succeeds for trusted clients, and failures are bounded.
func (s *Server) serverConfig(ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		NoClientAuth: true,
		NoClientAuthCallback: func(m gossh.ConnMetadata) (*gossh.Permissions, error) {
			if s.open() || s.trusted(m.RemoteAddr()) {
				return nil, nil
			}
			return nil, errors.New("authentication required")
		},
	}
}

// open says the server lets anyone in (no keys, no passphrase).
func (s *Server) open() bool { return len(s.keys) == 0 && len(s.cfg.Passphrase) == 0 }

// isLoopback says whether addr is on the server's own machine.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// publicKey admits a client that proves one of the authorized keys.
func (s *Server) publicKey(_ ssh.Context, key ssh.PublicKey) bool {
	return s.keys[string(key.Marshal())]
}

// passphrase asks for the class passphrase (the prompt in English and
// Chinese: the client's language is not known before its session) and
// compares it in constant time; a wrong one waits before the next try.
func (s *Server) passphrase(_ ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	prompt := i18n.New(i18n.English).T(i18n.ServePassphrasePrompt) + " / " + i18n.New(i18n.Chinese).T(i18n.ServePassphrasePrompt) + ": "
	answers, err := ask("", "", []string{prompt}, []bool{false})
	if err != nil {
		return false
	}
	if len(answers) == 1 && samePassphrase([]byte(answers[0]), s.cfg.Passphrase) {
		return true
	}
	s.sleep(s.limits.AuthFailureDelay)
	return false
}

// samePassphrase compares digests so that the time taken says nothing of
// the passphrase, not even its length.
func samePassphrase(typed, want []byte) bool {
	a, b := sha256.Sum256(typed), sha256.Sum256(want)
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// ParseAuthorizedKeys reads an OpenSSH authorized_keys text: one public
// key a line; blank lines and # comments are skipped. Lines with options
// (from=, command=, …) are refused, since the server could not honour
// them. Errors name the line.
func ParseAuthorizedKeys(data []byte) ([]gossh.PublicKey, error) {
	var keys []gossh.PublicKey
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, &KeyLineError{Line: n + 1, Err: err}
		}
		if len(options) > 0 {
			return nil, &KeyLineError{Line: n + 1, Options: options}
		}
		keys = append(keys, key)
	}
	if len(keys) == 0 {
		return nil, ErrNoKeys
	}
	return keys, nil
}

// ErrNoKeys: an authorized-keys text without a key would let nobody in.
var ErrNoKeys = errors.New("no public key")

// KeyLineError is a line of an authorized-keys text that is not a key
// the server can use: Err says why it does not parse, or Options are the
// options it carries.
type KeyLineError struct {
	Line    int
	Err     error
	Options []string
}

func (e *KeyLineError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: options are not supported (%d)", e.Line, len(e.Options))
}

func (e *KeyLineError) Unwrap() error { return e.Err }
