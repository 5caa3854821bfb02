//go:build !amd64 || purego

package dist

var haveAVX2 = false

func gram2x4(a0, a1, b *float64, ldb, n4, d int, out *float64, ldo int) {
	panic("dist: gram2x4 without assembly")
}

func euclidean4(ni float64, norms, row *float64, n4 int) {
	panic("dist: euclidean4 without assembly")
}
