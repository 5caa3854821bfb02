package serve

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// peakHeap samples the heap until stop is closed and returns the largest
// figure it saw.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				out <- peak
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return out
}

// A hostile client (a flood of environment requests, a 10000×10000
// terminal, a window change to the largest size a uint32 holds, a flood
// of keys) leaves another session's screen updating and the server's
// memory bounded. Today's server keeps the environment (about 1 GB for
// 20,000 × 32 KB) and draws the window it is told (1.9 GB at 2000×1000,
// out of memory beyond, which ends every session).
func TestHostileClientLeavesOthersRunning(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 4})
	normal := connect(t, addr, nil)
	normal.waitFor(t, "0.70")
	before := heap()
	stop := make(chan struct{})
	peak := peakHeap(stop)

	conn, err := dialFrom(t, addr, "127.0.0.2", nil)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 32<<10)
	for i := range 500 { // 16 MB
		sess.Setenv(fmt.Sprintf("V%d", i), big)
	}
	if err := sess.RequestPty("xterm", 10000, 10000, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	sess.Stdout, sess.Stderr = io.Discard, io.Discard // it reads its screen, unlike a stalled client
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(in, "\x1b]11;rgb:0/0/0\x07\x1b[?62;22c") // answered before asked: the app starts
	if err := windowChange(sess, 4294967295, 24); err != nil {
		t.Fatal(err)
	}
	var flooded atomic.Int64
	go func() {
		keys := []byte(strings.Repeat("lhjk+-c", 1024))
		for flooded.Load() < 2<<20 {
			n, err := in.Write(keys)
			flooded.Add(int64(n))
			if err != nil {
				return
			}
		}
	}()

	for i := range 10 { // the other session goes on, keys and screen
		key, want := "l", "0.75"
		if i%2 == 1 {
			key, want = "h", "0.70"
		}
		mark := len(normal.out.String())
		io.WriteString(normal.in, key)
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(normal.out.String()[mark:], want) {
			if time.Now().After(deadline) {
				t.Fatalf("key %d (%s): the other session did not show %s", i, key, want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	close(stop)
	grew := int64(<-peak) - int64(before)
	t.Logf("heap before %d MB, peak %+d MB; %d KB of keys flooded", before>>20, grew>>20, flooded.Load()>>10)
	if grew > 256<<20 {
		t.Errorf("the heap grew by %d MB beside the hostile client", grew>>20)
	}
}
