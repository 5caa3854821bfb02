//go:build !amd64 || purego

package dist

var haveGramAsm = false

func gram2x4(a0, a1, b *float64, ldb, n4, d int, out *float64, ldo int) {
	panic("dist: gram2x4 without assembly")
}
