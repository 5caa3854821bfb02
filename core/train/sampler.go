package train

import "math/rand/v2"

// sampler draws class-balanced mini-batches: P classes, K samples of each
// (all of a class's samples when it has fewer), P = min(classes, batch/2)
// and K = batch/P, so every class in a batch has a positive pair.
type sampler struct {
	r       *rand.Rand
	classes []int   // class indices, partially shuffled in place
	members [][]int // sample indices per class, partially shuffled in place
	p, k    int
	batch   []int // the current batch's sample indices
}

// newSampler draws from the points of from (the training split), grouped by
// labels (the ones the loss sees).
func newSampler(d *Data, labels, from []int, batch int, seed uint64) *sampler {
	s := &sampler{r: newRand(seed, streamBatches), members: make([][]int, len(d.Classes))}
	for _, i := range from {
		c := labels[i]
		s.members[c] = append(s.members[c], i)
	}
	for c, m := range s.members {
		if len(m) >= 2 {
			s.classes = append(s.classes, c)
		}
	}
	s.p = min(len(s.classes), max(2, batch/2))
	s.k = max(2, batch/s.p)
	s.batch = make([]int, 0, s.p*s.k)
	return s
}

// next draws the next batch into s.batch (a partial Fisher–Yates shuffle,
// so nothing is allocated).
func (s *sampler) next() []int {
	s.batch = s.batch[:0]
	for i := range s.p {
		j := i + s.r.IntN(len(s.classes)-i)
		s.classes[i], s.classes[j] = s.classes[j], s.classes[i]
		m := s.members[s.classes[i]]
		for t := range min(s.k, len(m)) {
			u := t + s.r.IntN(len(m)-t)
			m[t], m[u] = m[u], m[t]
			s.batch = append(s.batch, m[t])
		}
	}
	return s.batch
}
