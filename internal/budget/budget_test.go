package budget

import (
	"math/rand/v2"
	"testing"
	"time"
)

// clock is a settable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

const frame = time.Second / 30

// simulate runs sessions for d of frames: at every frame each session asks
// for want steps and "runs" the granted ones, each costing cost(i), on
// processors of its own (sessions run side by side, so each done is charged
// its own duration). It returns the time each session spent.
func simulate(p *Pool, c *clock, sessions []*Budget, d time.Duration, want int, cost func(i int) time.Duration) []time.Duration {
	spent := make([]time.Duration, len(sessions))
	start := c.t
	for at := start; at.Sub(start) < d; at = at.Add(frame) {
		for i, b := range sessions {
			c.t = at
			n, done := b.Take(want)
			took := time.Duration(n) * cost(i)
			c.t = at.Add(took)
			done()
			spent[i] += took
		}
		c.t = at
	}
	return spent
}

func newPool(cores, perSession float64) (*Pool, *clock) {
	c := &clock{t: time.Unix(1_000_000, 0)}
	return NewPool(cores, perSession, c.now), c
}

func join(p *Pool, n int) []*Budget {
	bs := make([]*Budget, n)
	for i := range bs {
		bs[i] = p.Join()
	}
	return bs
}

func near(got, want, tol time.Duration) bool { return got >= want-tol && got <= want+tol }

// Sessions training side by side each get the pool's cores over their
// number, and never more than the per-session cap; figures by hand:
// 1 core among 3 sessions for 60 s is 20 s each; a session alone is held
// to its cap, 0.5 core, so 30 s; 30 sessions share 1 core, 2 s each.
func TestShares(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sessions int
		cost     time.Duration
		want     time.Duration
	}{
		{"three sessions split one core", 3, 10 * time.Millisecond, 20 * time.Second},
		{"one session is held to its cap", 1, 10 * time.Millisecond, 30 * time.Second},
		{"thirty sessions, a cheap step", 30, time.Millisecond, 2 * time.Second},
		{"thirty sessions, a step dearer than a frame's share", 30, 40 * time.Millisecond, 2 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, c := newPool(1, 0.5)
			bs := join(p, tc.sessions)
			spent := simulate(p, c, bs, time.Minute, 50, func(int) time.Duration { return tc.cost })
			// a session may be off by what it saved up and one batch
			tol := Burst + 50*tc.cost
			for i, s := range spent {
				if !near(s, tc.want, tol) {
					t.Errorf("session %d spent %v of a minute, want %v ± %v", i, s, tc.want, tol)
				}
			}
		})
	}
}

// A batch that cost more than the balance leaves the session in debt: no
// steps until its share has paid for it. By hand: with 50 ms saved up and
// 0.5 core earned while the 500 ms step runs and x after it,
// 50 + 0.5·(500 + x) = 500 gives x = 400 ms: 12 frames of 33⅓ ms, so the
// next step comes at the 13th.
func TestDebtIsPaidBeforeMoreSteps(t *testing.T) {
	p, c := newPool(1, 0.5)
	b := p.Join()
	c.t = c.t.Add(time.Second) // saved up: Burst
	n, done := b.Take(10)
	if n != 1 {
		t.Fatalf("first grant %d, want 1 (nothing measured yet)", n)
	}
	c.t = c.t.Add(500 * time.Millisecond)
	done()
	frames := 0
	for {
		c.t = c.t.Add(frame)
		frames++
		if n, done := b.Take(10); n > 0 {
			done()
			break
		}
	}
	if frames != 13 {
		t.Errorf("the next step came %d frames later, want 13", frames)
	}
}

// A session that leaves frees its share for the others once it has
// stopped asking (after Activity).
func TestLeaveGivesTheShareBack(t *testing.T) {
	p, c := newPool(1, 1)
	bs := join(p, 2)
	simulate(p, c, bs, 2*time.Second, 50, func(int) time.Duration { return time.Millisecond })
	bs[1].Leave()
	spent := simulate(p, c, bs[:1], 10*time.Second, 50, func(int) time.Duration { return time.Millisecond })
	// at once it has the whole core: 10 s, less what it cannot save up
	if !near(spent[0], 10*time.Second, Burst+50*time.Millisecond) {
		t.Errorf("alone after the other left: %v of 10 s, want 10 s", spent[0])
	}
	if got := p.training(c.t); got != 1 {
		t.Errorf("%d sessions counted training, want 1", got)
	}
}

// Whatever the costs and the numbers of steps asked for, the sessions
// together never spend more than the pool's cores, nor one more than its
// cap, beyond what each may save up and one batch.
func TestBoundsHoldForAnyCosts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		cores, per := 0.25+r.Float64()*2, 0.1+r.Float64()
		p, c := newPool(cores, per)
		bs := join(p, 1+r.IntN(40))
		costs := make([]time.Duration, len(bs))
		for i := range costs {
			costs[i] = time.Duration(1+r.IntN(50_000)) * time.Microsecond
		}
		want := 1 + r.IntN(60)
		d := 20 * time.Second
		spent := simulate(p, c, bs, d, want, func(i int) time.Duration { return costs[i] })
		var total, slack time.Duration
		for i, s := range spent {
			total += s
			batch := time.Duration(want) * costs[i]
			slack += Burst + batch
			if limit := time.Duration(per*float64(d)) + Burst + batch; s > limit {
				t.Errorf("trial %d: session %d spent %v, over its cap %v", trial, i, s, limit)
			}
		}
		if limit := time.Duration(cores*float64(d)) + slack; total > limit {
			t.Errorf("trial %d: %d sessions spent %v together, over %v", trial, len(bs), total, limit)
		}
	}
}

// Asking for nothing grants nothing and costs nothing.
func TestTakeNothing(t *testing.T) {
	p, c := newPool(1, 1)
	b := p.Join()
	c.t = c.t.Add(time.Second)
	if n, done := b.Take(0); n != 0 {
		t.Errorf("Take(0) granted %d", n)
	} else {
		done()
	}
}
