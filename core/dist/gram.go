package dist

import "gonum.org/v1/gonum/blas/blas64"

// The Gram kernel: the dot products g = xᵢ·xⱼ that the Euclidean and cosine
// distances are made of. Its arithmetic is that of gonum's blocked Dgemm
// (what this package used before), exactly: a product is the sum, in order
// and starting from 0, of the dot products of chunks of gramChunk
// components; each chunk's dot product keeps four running sums s₀…s₃ over
// the components ≡ 0…3 (mod 4), adds the components past the last multiple
// of 4 to s₀, and returns (s₀ + s₂) + (s₁ + s₃). blas64.Dot computes one
// chunk that way, so the portable kernel calls it; on amd64 with AVX2
// gram2x4 (assembly) computes eight products at once, the four running sums
// in the four lanes of a vector, with the same roundings in the same order.
// Either way the bits are the same, so no result depends on which ran, on
// how the work was split, or on whether d(i, j) was computed as d(j, i).
const gramChunk = 64

// gram writes g[r·ldg + c] = x_rows[r] · x_(j0+c) for every r and every c
// < j1 − j0, where row i of x is x[i·stride : i·stride+d]. The columns go
// by blocks of about 256 KiB of x, each used by every row before the next
// is read, so that x is read from memory once per call, not once per pair
// of rows.
func gram(x []float64, stride, d int, rows []int, j0, j1 int, g []float64, ldg int) {
	n := j1 - j0
	if n <= 0 || len(rows) == 0 {
		return
	}
	r := 0
	if n4 := n &^ 3; haveAVX2 && n4 > 0 {
		block := max(4, (256<<10)/(8*d)&^3)
		for c0 := 0; c0 < n4; c0 += block {
			cols := min(block, n4-c0)
			b := &x[(j0+c0)*stride]
			for r = 0; r+2 <= len(rows); r += 2 {
				gram2x4(&x[rows[r]*stride], &x[rows[r+1]*stride], b, stride, cols, d, &g[r*ldg+c0], ldg)
			}
			if r > 0 && r < len(rows) {
				// An odd last row goes with the one before it again, whose
				// products come out with the same bits: a row's products
				// cost a fifth of the portable loop's this way.
				gram2x4(&x[rows[r-1]*stride], &x[rows[r]*stride], b, stride, cols, d, &g[(r-1)*ldg+c0], ldg)
				r++
			}
		}
		for rr := range r { // the last columns, fewer than four
			for c := n4; c < n; c++ {
				g[rr*ldg+c] = dotChunks(x[rows[rr]*stride:][:d], x[(j0+c)*stride:][:d])
			}
		}
	}
	for ; r < len(rows); r++ {
		a := x[rows[r]*stride:][:d]
		out := g[r*ldg:][:n]
		for c := range out {
			out[c] = dotChunks(a, x[(j0+c)*stride:][:d])
		}
	}
}

// dotChunks is one product in the kernel's arithmetic.
func dotChunks(a, b []float64) float64 {
	var s float64
	for k := 0; k < len(a); k += gramChunk {
		e := min(k+gramChunk, len(a))
		s += blas64.Dot(vec(a[k:e]), vec(b[k:e]))
	}
	return s
}
