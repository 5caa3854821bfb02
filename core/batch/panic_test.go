package batch

import (
	"context"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
	"losslab/internal/gopanic"
)

// A panic in a worker goroutine reaches the goroutine that called forRows,
// where a recover (the TUI's, the CLI's) can see it; before, it killed the
// process with the terminal raw. Both ways of making rows: the symmetric
// tiles (every anchor) and each worker's own rows (a sample).
func TestWorkerPanicReachesCaller(t *testing.T) {
	x := mat.NewDense(8, 2, []float64{0, 0, 1, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5})
	pairs, err := dist.NewPairs(dist.Euclidean, x)
	if err != nil {
		t.Fatal(err)
	}
	for _, anchors := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {1, 3, 5}} {
		func() {
			defer func() {
				v, ok := recover().(*gopanic.Value)
				if !ok || v.V != "visit boom" || len(v.Stack) == 0 {
					t.Fatalf("anchors %v: recovered %#v, want the worker's panic with its stack", anchors, v)
				}
			}()
			_ = forRows(context.Background(), pairs, anchors, 4, nil, func(w, slot, a int, row []float64) error {
				if a == 5 {
					panic("visit boom")
				}
				return nil
			})
			t.Fatalf("anchors %v: forRows returned although a worker panicked", anchors)
		}()
	}
}
