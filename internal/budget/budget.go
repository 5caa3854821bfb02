// Package budget shares a server's processor time between the sessions that
// train, so that many students training at once still get answers to their
// keys. A Pool is the time all sessions' training may use together; each
// session draws on a Budget of its own, which its training loop asks before
// each batch of steps.
//
// Time is wall-clock time spent on the granted steps (training, measuring,
// drawing), in core-seconds per second. A session's share is the pool's
// cores divided equally between the sessions training at the moment (those
// that asked within the last second), and never more than the per-session
// cap. A session that overspends (a batch of steps took longer than its
// balance) is in debt and gets no steps until its share has paid the debt,
// so its long-run rate is its share whatever one step costs.
package budget

import (
	"sync"
	"time"
)

// Activity is how recently a session must have asked for steps to count
// among those training.
const Activity = time.Second

// Burst bounds the time a session that waited may spend at once, so that
// saving up never lets it hold the processors for long.
const Burst = 50 * time.Millisecond

// Pool is the time the training of all its budgets may use.
type Pool struct {
	cores      float64 // core-seconds a second for all sessions together
	perSession float64 // core-seconds a second for one
	now        func() time.Time

	mu      sync.Mutex
	members map[*Budget]struct{}
}

// NewPool is a pool of cores for all sessions together and perSession for
// one; now is the clock (time.Now outside tests).
func NewPool(cores, perSession float64, now func() time.Time) *Pool {
	return &Pool{cores: cores, perSession: perSession, now: now, members: map[*Budget]struct{}{}}
}

// Budget is one session's draw on its pool. Take is meant for one goroutine
// (the session's event loop, or its training worker).
type Budget struct {
	pool     *Pool
	balance  time.Duration // time it may still spend; negative is debt
	refilled time.Time     // when balance was last refilled
	asked    time.Time     // when it last asked for steps
	perStep  time.Duration // what one granted step cost, on average
}

// Join adds a session to the pool; Leave takes it out.
func (p *Pool) Join() *Budget {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := &Budget{pool: p, refilled: p.now()}
	p.members[b] = struct{}{}
	return b
}

// Leave takes the session out of the pool.
func (b *Budget) Leave() {
	b.pool.mu.Lock()
	defer b.pool.mu.Unlock()
	delete(b.pool.members, b)
}

// Share is the rate (cores) one session trains at while n train.
func (p *Pool) Share(n int) float64 {
	return min(p.perSession, p.cores/float64(max(n, 1)))
}

// training counts the sessions that asked for steps within Activity of now.
func (p *Pool) training(now time.Time) int {
	n := 0
	for b := range p.members {
		if now.Sub(b.asked) < Activity {
			n++
		}
	}
	return n
}

// Take says how many of steps may run now: none while the session is in
// debt, else as many as its balance pays for at the cost measured so far
// (at least one; one alone while nothing has been measured). The caller
// runs them and then calls done, which charges the time they took.
func (b *Budget) Take(steps int) (granted int, done func()) {
	p := b.pool
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	b.asked = now
	share := p.Share(p.training(now))
	b.balance = min(b.balance+time.Duration(float64(now.Sub(b.refilled))*share), Burst)
	b.refilled = now
	if steps <= 0 || b.balance <= 0 {
		return 0, func() {}
	}
	granted = 1
	if b.perStep > 0 {
		granted = int(min(int64(steps), max(1, int64(b.balance/b.perStep))))
	}
	start := now
	return granted, func() { b.charge(granted, p.now().Sub(start)) }
}

// charge takes the time n steps took from the balance and updates the
// measured cost of a step (a moving average, so a change of settings
// shows within a few batches).
func (b *Budget) charge(n int, took time.Duration) {
	p := b.pool
	p.mu.Lock()
	defer p.mu.Unlock()
	b.balance -= took
	each := took / time.Duration(n)
	if b.perStep == 0 {
		b.perStep = each
	} else {
		b.perStep = (3*b.perStep + each) / 4
	}
}
