package syncbuf

import (
	"strings"
	"sync"
	"testing"
)

// Writers in parallel lose nothing (and the race detector sees no race).
func TestConcurrentWritesKeepEveryByte(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				b.Write([]byte("ab"))
				_ = b.String()
			}
		}()
	}
	wg.Wait()
	if got := b.String(); len(got) != 1600 || strings.Count(got, "ab") != 800 {
		t.Fatalf("got %d bytes, %d pairs; want 1600 bytes, 800 pairs", len(got), strings.Count(got, "ab"))
	}
}
