//go:build amd64 && !purego

package dist

import "golang.org/x/sys/cpu"

// haveGramAsm says gram2x4 can run here.
var haveGramAsm = cpu.X86.HasAVX2

// gram2x4 writes the products of rows a0 and a1 with n4 (a multiple of 4)
// consecutive rows from b (ldb apart), each of d components, to
// out[0:n4] and out[ldo:ldo+n4], in gram's arithmetic. ldo must not be 0.
//
//go:noescape
func gram2x4(a0, a1, b *float64, ldb, n4, d int, out *float64, ldo int)
