package train

import (
	"cmp"
	"slices"

	"losslab/core/dist"
)

// Retrieval scores, as in Musgrave, Belongie and Lim 2020 ("A Metric
// Learning Reality Check"): every point is a query against all the others,
// ranked by Euclidean distance; R is the number of other points of the
// query's class, and a query with R = 0 is skipped.
//   - RecallAt1: the share of queries whose nearest other point is of their
//     class;
//   - MAPAtR: the mean over queries of (1/R)·Σ_{i≤R} P@i·rel(i), precision
//     at i counted only where the i-th neighbour is relevant.
//
// Ties in distance are ranked in every order alike: both are the expected
// value over a random order of each group of equal distances (a collapsed
// embedding scores as chance, not as 0 or 1). Both depend on the ranking
// only, so they do not change when every distance is scaled: a shrunken
// embedding keeps its scores.
type Retrieval struct {
	RecallAt1, MAPAtR float64
	Queries           int // queries with R > 0; 0 leaves the scores undefined
}

// neighbour is one other point seen from a query.
type neighbour struct {
	d    float64
	same bool
}

// retrievalScratch holds a query's neighbours, so that scoring allocates
// nothing after the first time.
type retrievalScratch struct{ nb []neighbour }

// score ranks the n points of emb (x, y pairs) with labels; withMAP false
// skips MAP@R (and its sort).
func (s *retrievalScratch) score(emb []float64, labels []int, withMAP bool) Retrieval {
	n := len(labels)
	if cap(s.nb) < n {
		s.nb = make([]neighbour, n)
	}
	var res Retrieval
	for q := range n {
		nb := s.nb[:0]
		r := 0
		for j := range n {
			if j == q {
				continue
			}
			d, _ := dist.Euclidean.Between(emb[2*q:2*q+2], emb[2*j:2*j+2])
			same := labels[j] == labels[q]
			nb = append(nb, neighbour{d, same})
			if same {
				r++
			}
		}
		if r == 0 {
			continue
		}
		res.Queries++
		res.RecallAt1 += nearestRelevant(nb)
		if withMAP {
			slices.SortFunc(nb, func(a, b neighbour) int { return cmp.Compare(a.d, b.d) })
			res.MAPAtR += averagePrecisionAtR(nb, r)
		}
	}
	if res.Queries > 0 {
		res.RecallAt1 /= float64(res.Queries)
		res.MAPAtR /= float64(res.Queries)
	}
	if !withMAP {
		res.MAPAtR = 0
	}
	return res
}

// nearestRelevant is the chance that a random pick among the nearest
// neighbours (all those at the least distance) is relevant.
func nearestRelevant(nb []neighbour) float64 {
	best, g, rel := nb[0].d, 0, 0
	for _, v := range nb {
		switch {
		case v.d < best:
			best, g, rel = v.d, 1, boolInt(v.same)
		case v.d == best:
			g++
			rel += boolInt(v.same)
		}
	}
	return float64(rel) / float64(g)
}

// averagePrecisionAtR is (1/R)·Σ_{i≤R} P@i·rel(i) over nb sorted by
// distance, expected over a random order within each group of equal
// distances: for the j-th place (1-based) of a group of g with r relevant,
// a relevant ranked before the group, E[rel·(relevant up to it)] is
// (r/g)·(a + 1 + (j−1)(r−1)/(g−1)).
func averagePrecisionAtR(nb []neighbour, r int) float64 {
	var sum float64
	a := 0 // relevant before the group
	for s := 0; s < r; {
		e, rel := s, 0
		for e < len(nb) && nb[e].d == nb[s].d {
			rel += boolInt(nb[e].same)
			e++
		}
		g := e - s
		for j := 1; j <= g && s+j <= r; j++ {
			within := 0.0
			if g > 1 {
				within = float64(j-1) * float64(rel-1) / float64(g-1)
			}
			sum += float64(rel) / float64(g) * (float64(a) + 1 + within) / float64(s+j)
		}
		a += rel
		s = e
	}
	return sum / float64(r)
}
