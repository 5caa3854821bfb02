package train

import (
	"fmt"
	"slices"

	"losslab/core/batch"
	"losslab/core/loss"
)

// LossID names a training objective, as --loss and files spell it.
type LossID string

// The objectives with a name of their own: the classic losses under the
// miners the literature names them by.
const (
	Contrastive   LossID = "contrastive"     // the article's form, every pair of the batch
	BatchAll      LossID = "batch-all"       // triplet, every valid triplet
	BatchHard     LossID = "batch-hard"      // triplet, hardest positive and negative per anchor
	SemiHard      LossID = "semi-hard"       // triplet, TF Addons' semi-hard rule per positive pair
	BatchHardSoft LossID = "batch-hard-soft" // soft-margin triplet on the batch-hard selection
	InfoNCE       LossID = "infonce"         // core/loss's InfoNCE (SupCon form, s = −d), each anchor against the whole batch
)

// Objective is what a run minimises, split as pytorch-metric-learning
// splits it: a loss of the core/loss registry, computed on the pairs,
// triplets or anchors a core/batch miner selects, made one number by a
// core/batch reducer. Training and `losslab batch` share all three.
type Objective struct {
	ID      LossID
	Loss    loss.Loss
	Miner   batch.MinerID
	Reducer batch.ReducerID
}

// named are the objectives with names of their own, in cycling order.
var named = [...]struct {
	id    LossID
	loss  loss.ID
	miner batch.MinerID
}{
	{Contrastive, loss.ContrastiveID, batch.AllPairs},
	{BatchAll, loss.TripletID, batch.AllTriplets},
	{BatchHard, loss.TripletID, batch.BatchHard},
	{SemiHard, loss.TripletID, batch.SemiHard},
	{BatchHardSoft, loss.SoftMarginID, batch.BatchHard},
	{InfoNCE, loss.InfoNCEID, batch.AllPositives},
}

// objectives are the named ones, then every other loss of the registry
// under its first batch strategy (batch.Strategies), by the loss's own ID:
// a loss added to core/loss trains without an edit here.
var objectives = makeObjectives()

func makeObjectives() []Objective {
	var out []Objective
	for _, n := range named {
		l, ok := loss.Lookup(n.loss)
		if !ok {
			panic(fmt.Sprintf("loss %s missing from the registry", n.loss))
		}
		out = append(out, Objective{n.id, l, n.miner, batch.Mean})
	}
	for _, l := range loss.Registry() {
		s := batch.Strategies(l)[0]
		if slices.ContainsFunc(out, func(o Objective) bool {
			return o.Loss.ID == l.ID && o.Miner == s.Miner && o.Reducer == s.Reducer
		}) {
			continue // already named
		}
		if _, dup := objectiveOf(out, LossID(l.ID)); dup {
			panic(fmt.Sprintf("loss %s has the ID of a named training objective", l.ID))
		}
		out = append(out, Objective{LossID(l.ID), l, s.Miner, s.Reducer})
	}
	return out
}

func objectiveOf(objs []Objective, id LossID) (Objective, bool) {
	for _, o := range objs {
		if o.ID == id {
			return o, true
		}
	}
	return Objective{}, false
}

// Objectives lists every objective in cycling order; the slice is the
// caller's own.
func Objectives() []Objective { return slices.Clone(objectives) }

// LossIDs lists the objectives' IDs in cycling order.
func LossIDs() []LossID {
	ids := make([]LossID, len(objectives))
	for i, o := range objectives {
		ids[i] = o.ID
	}
	return ids
}

// Objective is the objective named l (the zero Objective for an unknown ID).
func (l LossID) Objective() Objective {
	o, _ := objectiveOf(objectives, l)
	return o
}

// UsesMargin says whether the objective reads the margin.
func (l LossID) UsesMargin() bool { return l.Objective().Loss.UsesMargin }

// ComparesWith says whether a run of l can be compared with a run of other:
// any other loss, or l itself at another margin; a loss without a margin
// beside itself would be one run twice.
func (l LossID) ComparesWith(other LossID) bool { return other != l || l.UsesMargin() }

// MinesHardest says whether the objective picks each anchor's nearest
// negative, the mining that can collapse a shared map early (FaceNet §3.2).
func (l LossID) MinesHardest() bool {
	m := l.Objective().Miner
	return m == batch.BatchHard || m == batch.HardestNegative
}
