//go:build amd64 && !purego

package loss

import "golang.org/x/sys/cpu"

// haveAVX2 says addExps4 can run here.
var haveAVX2 = cpu.X86.HasAVX2

// addExps4 is addExps(s, xs[0:n4]) for n4 a multiple of 4, the same bits,
// four exps at a time.
//
//go:noescape
func addExps4(s float64, xs *float64, n4 int) float64
