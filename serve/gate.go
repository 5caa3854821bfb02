package serve

import (
	"fmt"
	"net"
	"slices"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
)

// gate keeps the connections that have no session yet (in the handshake,
// authenticating, or between authentication and the shell request) few
// and short: at most Limits.Waiting of them at once, Limits.PerSource from
// one address, each closed when it has no session Limits.Handshake after
// its first byte. When all places are taken, a connection from an address
// with fewer waiting takes the place of the oldest waiting connection of
// the address with most, so that a flood from a few addresses cannot lock
// the others out. A connection has one session; once that has ended, the
// connection is closed a moment later if its client keeps it open.
type gate struct {
	limits Limits
	logf   func(format string, args ...any)
	now    func() time.Time

	mu       sync.Mutex
	waiting  int
	bySource map[string][]*conn // the waiting connections of each address, oldest first
	// refusals are logged at most once a second: a flood of connections
	// must not become a flood of log lines.
	lastLogged time.Time
	unlogged   int
}

func newGate(limits Limits, now func() time.Time, logf func(string, ...any)) *gate {
	return &gate{limits: limits, now: now, logf: logf, bySource: map[string][]*conn{}}
}

// connKey finds a connection's *conn in its ssh.Context.
type connKey struct{}

// conn is one connection as the gate sees it.
type conn struct {
	net.Conn
	gate     *gate
	source   string    // the remote address without its port
	start    time.Time // its first byte
	deadline *time.Timer
	// windows carries the client's latest window size (already clamped)
	// from the request filter to the session; it keeps only the latest.
	windows chan ssh.Window

	// under gate.mu
	waiting  bool
	sessions int // session channels ever opened
}

// accept is the server's ConnCallback: it lets the connection in as a
// waiting one, or refuses it (nil) when too many wait.
func (g *gate) accept(ctx ssh.Context, nc net.Conn) net.Conn {
	c := &conn{Conn: nc, gate: g, source: sourceOf(nc.RemoteAddr()), start: g.now(), windows: make(chan ssh.Window, 1)}
	c.deadline = time.AfterFunc(g.limits.Handshake, c.expire)
	g.mu.Lock()
	var evicted *conn
	full := g.waiting >= g.limits.Waiting
	if full {
		evicted = g.crowdedLocked(c.source)
	}
	if len(g.bySource[c.source]) >= g.limits.PerSource || full && evicted == nil {
		g.refusedLocked(c.source)
		g.mu.Unlock()
		c.deadline.Stop()
		return nil
	}
	if evicted != nil {
		g.removeLocked(evicted)
		g.refusedLocked(evicted.source)
	}
	c.waiting = true
	g.waiting++
	g.bySource[c.source] = append(g.bySource[c.source], c)
	g.mu.Unlock()
	if evicted != nil {
		evicted.deadline.Stop()
		evicted.Conn.Close()
	}
	ctx.SetValue(connKey{}, c)
	return c
}

// crowdedLocked is the oldest waiting connection of the address with most
// of them, if that address has more than source.
func (g *gate) crowdedLocked(source string) *conn {
	var most []*conn
	for _, cs := range g.bySource {
		if len(cs) > len(most) {
			most = cs
		}
	}
	if len(most) <= len(g.bySource[source])+1 {
		return nil // taking its place would leave it no fewer than the newcomer
	}
	return most[0]
}

// removeLocked takes a waiting connection out of the counts.
func (g *gate) removeLocked(c *conn) {
	c.waiting = false
	g.waiting--
	rest := slices.DeleteFunc(g.bySource[c.source], func(o *conn) bool { return o == c })
	if len(rest) == 0 {
		delete(g.bySource, c.source)
	} else {
		g.bySource[c.source] = rest
	}
}

// refusedLocked logs a refused (or displaced) connection, at most one line
// a second.
func (g *gate) refusedLocked(source string) {
	now := g.now()
	if now.Sub(g.lastLogged) < time.Second {
		g.unlogged++
		return
	}
	more := ""
	if g.unlogged > 0 {
		more = fmt.Sprintf("; %d more refused in the second before", g.unlogged)
	}
	g.logf("refused %s: too many connections without a session (%d from that address, %d in all)%s",
		source, len(g.bySource[source]), g.waiting, more)
	g.lastLogged, g.unlogged = now, 0
}

// sourceOf is the address a connection comes from, without the port.
func sourceOf(addr net.Addr) string {
	if tcp, ok := addr.(*net.TCPAddr); ok {
		return tcp.IP.String()
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}

// settle takes the connection out of the waiting ones; it reports whether
// it was still waiting (only the first call does).
func (c *conn) settle() bool {
	g := c.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	if !c.waiting {
		return false
	}
	g.removeLocked(c)
	return true
}

// openSession counts a session channel in; a connection gets one.
func (c *conn) openSession() bool {
	c.gate.mu.Lock()
	defer c.gate.mu.Unlock()
	c.sessions++
	return c.sessions == 1
}

// started says the connection's session has begun: its deadline is off.
func (c *conn) started() {
	if c.settle() {
		c.deadline.Stop()
	}
}

// expire closes a connection that has no session by its deadline.
func (c *conn) expire() {
	if c.settle() {
		c.gate.logf("refused %s: no session %s after connecting", c.source, c.gate.limits.Handshake)
		c.Conn.Close()
	}
}

// ended closes the connection Linger after its session ended, unless the
// client has closed it by then (OpenSSH's client does at once).
func (c *conn) ended() {
	time.AfterFunc(c.gate.limits.Linger, func() { c.Close() })
}

// Close is how the SSH server closes the connection; a waiting connection
// stops waiting.
func (c *conn) Close() error {
	if c.settle() {
		c.deadline.Stop()
	}
	return c.Conn.Close()
}

// resize hands the session the client's latest window size, replacing
// one the session has not read yet. Only the request filter calls it.
func (c *conn) resize(w ssh.Window) {
	select {
	case <-c.windows:
	default:
	}
	c.windows <- w
}
