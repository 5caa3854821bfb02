package serve

import (
	"strings"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// sessionChannel opens a connection's one session channel with its
// requests bounded (boundRequests) before charmbracelet/ssh's session
// handler sees them; a second session on the connection is refused.
func (s *Server) sessionChannel(srv *ssh.Server, sc *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	c, ok := ctx.Value(connKey{}).(*conn)
	if !ok || !c.openSession() {
		nc.Reject(gossh.ResourceShortage, "one session per connection")
		return
	}
	ssh.DefaultSessionHandler(srv, sc, boundedChannel{NewChannel: nc, conn: c}, ctx)
}

// boundedChannel is a session channel whose requests pass boundRequests.
type boundedChannel struct {
	gossh.NewChannel
	conn *conn
}

func (b boundedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := b.NewChannel.Accept()
	if err != nil {
		return ch, in, err
	}
	out := make(chan *gossh.Request)
	go boundRequests(in, out, b.conn)
	return ch, out, nil
}

// boundRequests passes on what a session uses and refuses the rest, so
// that nothing a client sends grows without bound:
//   - env: only the names in envNames, MaxEnv of them, each value at most
//     MaxEnvValue bytes;
//   - pty-req: one, its TERM at most MaxEnvValue bytes, its size clamped;
//   - window-change: clamped and handed to the session directly (c.resize),
//     keeping only the latest, so that no flood of them queues anywhere;
//   - shell, exec, subsystem: passed on (the session refuses the last two).
func boundRequests(in <-chan *gossh.Request, out chan<- *gossh.Request, c *conn) {
	defer close(out)
	envs, pty := 0, false
	for req := range in {
		pass := false
		switch req.Type {
		case "env":
			var kv struct{ Name, Value string }
			pass = envs < MaxEnv && gossh.Unmarshal(req.Payload, &kv) == nil && envNames(kv.Name) && len(kv.Value) <= MaxEnvValue
			if pass {
				envs++
			}
		case "pty-req":
			pass = !pty && clampPty(req)
			pty = pty || pass
		case "window-change":
			var w windowMsg
			if pty && gossh.Unmarshal(req.Payload, &w) == nil {
				c.resize(ssh.Window{Width: clamp(w.Columns, MaxWidth), Height: clamp(w.Rows, MaxHeight)})
				req.Reply(true, nil)
				continue
			}
		case "shell", "exec", "subsystem":
			pass = true
		}
		if pass {
			out <- req
		} else {
			req.Reply(false, nil)
		}
	}
}

// envNames are the variables a session reads: the locale (i18n) and what
// the renderer (termenv) reads to choose colours.
func envNames(name string) bool {
	switch name {
	case "LANG", "LANGUAGE", "TERM", "NO_COLOR", "COLORTERM", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM", "COLORFGBG":
		return true
	}
	rest, ok := strings.CutPrefix(name, "LC_")
	return ok && len(name) <= 32 && rest != "" && strings.Trim(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == ""
}

// windowMsg is RFC 4254's window-change payload.
type windowMsg struct{ Columns, Rows, WidthPx, HeightPx uint32 }

// ptyMsg is RFC 4254's pty-req payload.
type ptyMsg struct {
	Term                             string
	Columns, Rows, WidthPx, HeightPx uint32
	Modes                            string
}

// clampPty clamps the size in a pty request's payload; a request that
// does not parse or whose TERM is too long is refused.
func clampPty(req *gossh.Request) bool {
	var p ptyMsg
	if gossh.Unmarshal(req.Payload, &p) != nil || len(p.Term) > MaxEnvValue {
		return false
	}
	p.Columns, p.Rows = uint32(clamp(p.Columns, MaxWidth)), uint32(clamp(p.Rows, MaxHeight))
	req.Payload = gossh.Marshal(&p)
	return true
}

func clamp(v uint32, limit int) int { return int(min(v, uint32(limit))) }
