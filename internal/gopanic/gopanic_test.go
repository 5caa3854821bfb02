package gopanic

import (
	"strings"
	"sync"
	"testing"
)

func boom() { panic("worker boom") }

func TestWorkerPanicReachesTheCaller(t *testing.T) {
	defer func() {
		v, stack := Unwrap(recover(), nil)
		if v != "worker boom" || !strings.Contains(string(stack), "gopanic.boom") {
			t.Fatalf("recovered %v with stack:\n%s", v, stack)
		}
	}()
	captured := make([]*Value, 4)
	var wg sync.WaitGroup
	for w := range captured {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer Capture(&captured[w])
			if w == 2 {
				boom()
			}
		}()
	}
	wg.Wait()
	Repanic(captured)
	t.Fatal("Repanic returned although a worker panicked")
}

func TestNoPanicNoRepanic(t *testing.T) {
	Repanic(make([]*Value, 3)) // must return
	if v, s := Unwrap("plain", []byte("here")); v != "plain" || string(s) != "here" {
		t.Errorf("Unwrap of a plain panic = %v, %s", v, s)
	}
}
