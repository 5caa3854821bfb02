package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answer is a keyboard-interactive client that types pass.
func answer(pass string) gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
		answers := make([]string, len(questions))
		for i := range answers {
			answers[i] = pass
		}
		return answers, nil
	})
}

// sleeps records the waits after wrong passphrases instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(d time.Duration) { s.mu.Lock(); s.d = append(s.d, d); s.mu.Unlock() }

func (s *sleeps) count() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.d) }

// From beyond loopback (every test client is treated so) only an
// authorized key or the passphrase gets a session; a wrong passphrase
// waits AuthFailureDelay before the next try; with neither configured,
// anyone gets in.
func TestWhoMayConnect(t *testing.T) {
	student, stranger := newSigner(t), newSigner(t)
	keys := []gossh.PublicKey{student.PublicKey()}
	pass := []byte("triplet margin 0.2")
	for _, tc := range []struct {
		name   string
		cfg    Config
		auth   []gossh.AuthMethod
		admit  bool
		delays int // waits after a wrong passphrase
	}{
		{"open server, no credentials", Config{}, nil, true, 0},
		{"keys, the student's key", Config{AuthorizedKeys: keys}, []gossh.AuthMethod{gossh.PublicKeys(student)}, true, 0},
		{"keys, a stranger's key", Config{AuthorizedKeys: keys}, []gossh.AuthMethod{gossh.PublicKeys(stranger)}, false, 0},
		{"keys, no credentials", Config{AuthorizedKeys: keys}, nil, false, 0},
		{"keys, a passphrase", Config{AuthorizedKeys: keys}, []gossh.AuthMethod{answer(string(pass))}, false, 0},
		{"passphrase, typed right", Config{Passphrase: pass}, []gossh.AuthMethod{answer(string(pass))}, true, 0},
		{"passphrase, typed wrong", Config{Passphrase: pass}, []gossh.AuthMethod{gossh.RetryableAuthMethod(answer("triplet margin 0.3"), 3)}, false, 3},
		{"passphrase, a prefix of it", Config{Passphrase: pass}, []gossh.AuthMethod{answer("triplet")}, false, 1},
		{"passphrase, a key", Config{Passphrase: pass}, []gossh.AuthMethod{gossh.PublicKeys(student)}, false, 0},
		{"both, the key", Config{AuthorizedKeys: keys, Passphrase: pass}, []gossh.AuthMethod{gossh.PublicKeys(student)}, true, 0},
		{"both, the passphrase", Config{AuthorizedKeys: keys, Passphrase: pass}, []gossh.AuthMethod{answer(string(pass))}, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			waits := &sleeps{}
			tc.cfg.MaxSessions = 2
			_, addr, log := start(t, tc.cfg, func(s *Server) {
				s.trusted = func(net.Addr) bool { return false }
				s.sleep = waits.sleep
			})
			conn, err := dialFrom(t, addr, "127.0.0.1", &gossh.ClientConfig{Auth: tc.auth})
			if (err == nil) != tc.admit {
				t.Fatalf("admitted %v (%v), want %v", err == nil, err, tc.admit)
			}
			if tc.admit {
				shell(t, conn, 80, 24).waitFor(t, "0.70")
			} else {
				waitLog(t, log, "refused 127.0.0.1: not authenticated")
			}
			if waits.count() != tc.delays {
				t.Errorf("%d waits after a wrong passphrase, want %d", waits.count(), tc.delays)
			}
			for _, d := range waits.d {
				if d != DefaultLimits.AuthFailureDelay {
					t.Errorf("waited %v, want %v", d, DefaultLimits.AuthFailureDelay)
				}
			}
		})
	}
}

// A client on the server's own machine needs no credentials even when
// keys and a passphrase are configured.
func TestLoopbackStaysOpen(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2, AuthorizedKeys: []gossh.PublicKey{newSigner(t).PublicKey()}, Passphrase: []byte("x")})
	conn, err := dialFrom(t, addr, "127.0.0.1", nil)
	if err != nil {
		t.Fatalf("a loopback client was refused: %v", err)
	}
	shell(t, conn, 80, 24).waitFor(t, "0.70")
}

// The passphrase prompt is in both languages: the client's is not known
// before its session.
func TestPassphrasePrompt(t *testing.T) {
	var prompt string
	_, addr, _ := start(t, Config{MaxSessions: 2, Passphrase: []byte("p")}, func(s *Server) {
		s.trusted = func(net.Addr) bool { return false }
	})
	ki := gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
		prompt = strings.Join(questions, "|")
		return []string{"p"}, nil
	})
	if _, err := dialFrom(t, addr, "127.0.0.1", &gossh.ClientConfig{Auth: []gossh.AuthMethod{ki}}); err != nil {
		t.Fatal(err)
	}
	if prompt != "class passphrase / 课堂口令: " {
		t.Errorf("prompt %q", prompt)
	}
}

func TestParseAuthorizedKeys(t *testing.T) {
	a, b := newSigner(t).PublicKey(), newSigner(t).PublicKey()
	line := func(k gossh.PublicKey) string { return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) }
	for _, tc := range []struct {
		name, text string
		want       []gossh.PublicKey
		line       int // of the error; 0: none
		options    bool
		noKeys     bool
	}{
		{"two keys, comments, blank lines", "# class 3\n\n" + line(a) + " alice@laptop\n  " + line(b) + "\r\n", []gossh.PublicKey{a, b}, 0, false, false},
		{"a line that is no key", line(a) + "\nssh-ed25519 AAAAnotbase64!!\n", nil, 2, false, false},
		{"a key with options", line(a) + "\n" + `from="10.0.0.0/8" ` + line(b) + "\n", nil, 2, true, false},
		{"comments only", "# nobody yet\n", nil, 0, false, true},
		{"empty", "", nil, 0, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys, err := ParseAuthorizedKeys([]byte(tc.text))
			var le *KeyLineError
			switch {
			case tc.noKeys:
				if !errors.Is(err, ErrNoKeys) {
					t.Errorf("err %v, want ErrNoKeys", err)
				}
			case tc.line > 0:
				if !errors.As(err, &le) || le.Line != tc.line || (len(le.Options) > 0) != tc.options {
					t.Errorf("err %v, want line %d (options %v)", err, tc.line, tc.options)
				}
			case err != nil || len(keys) != len(tc.want):
				t.Fatalf("%d keys, %v", len(keys), err)
			default:
				for i := range keys {
					if string(keys[i].Marshal()) != string(tc.want[i].Marshal()) {
						t.Errorf("key %d differs", i)
					}
				}
			}
		})
	}
}
