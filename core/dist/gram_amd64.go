//go:build amd64 && !purego

package dist

import "golang.org/x/sys/cpu"

// haveAVX2 says the assembly kernels (gram2x4, euclidean4) can run here.
var haveAVX2 = cpu.X86.HasAVX2

// gram2x4 writes the products of rows a0 and a1 with n4 (a multiple of 4)
// consecutive rows from b (ldb apart), each of d components, to
// out[0:n4] and out[ldo:ldo+n4], in gram's arithmetic. ldo must not be 0.
//
//go:noescape
func gram2x4(a0, a1, b *float64, ldb, n4, d int, out *float64, ldo int)

// euclidean4 turns the products row[0:n4] (n4 a multiple of 4) of a row of
// squared norm ni with rows of squared norms norms[0:n4] into Euclidean
// distances in place, as fromGram does, four at a time.
//
//go:noescape
func euclidean4(ni float64, norms, row *float64, n4 int)
