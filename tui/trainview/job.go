package trainview

import (
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/tui/common"
)

// Training runs off the event loop: a job (a tea.Cmd, so a goroutine of
// its own) takes a frame's steps, or a chunk of a run to a step, then
// measures, and hands the metrics back as a jobMsg. While a job runs the
// event loop never touches the trainer: q quits at once (the job stops
// after the step it is in), space stops, and every other key waits in
// pending until the job is back, so a batch of 1,024 with batch-all keeps
// the screen answering.

// DefaultChunk is the longest a job trains before it measures and hands
// back: the screen shows progress, and a waiting key is answered, that
// often.
const DefaultChunk = 100 * time.Millisecond

// jobMsg is a finished job.
type jobMsg struct {
	seq     uint64
	steps   int           // steps taken
	elapsed time.Duration // wall time of the steps and the measurement
	ms      []train.Metrics
	err     error
}

// startJob trains up to n steps off the event loop (fewer when chunk has
// passed, the stop flag is set or a step fails), then measures; done (if
// not nil) is called when the work is over (the budget's charge).
func (m *Model) startJob(n int, done func()) tea.Cmd {
	m.busy = true
	m.jobSeq = common.NewID()
	seq, tr, stop := m.jobSeq, m.tr, m.stop
	stop.Store(false)
	limit := m.opts.Chunk
	if limit == 0 {
		limit = DefaultChunk
	}
	return func() tea.Msg {
		start := time.Now()
		msg := jobMsg{seq: seq}
		for msg.steps < n && !stop.Load() && (msg.steps == 0 || limit < 0 || time.Since(start) < limit) {
			if err := tr.Step(); err != nil {
				msg.err = err
				break
			}
			msg.steps++
		}
		if msg.err == nil {
			msg.ms, msg.err = tr.Metrics()
		}
		msg.elapsed = time.Since(start)
		if done != nil {
			done()
		}
		return msg
	}
}

// finishJob takes a job's results on the event loop: the metrics, the
// speed, then the keys that waited, and what comes next (the next chunk of
// a run to a step, or the next frame).
func (m Model) finishJob(msg jobMsg) (tea.Model, tea.Cmd) {
	if msg.seq != m.jobSeq {
		return m, nil
	}
	m.busy = false
	if msg.steps > 0 && msg.elapsed > 0 {
		m.rate.add(msg.steps, msg.elapsed)
	}
	if m.target <= m.tr.StepCount() {
		m.target = 0 // arrived
	}
	if msg.err != nil {
		m.err, m.playing, m.target = msg.err, false, 0
		m.render()
	} else {
		m.accept(msg.ms)
	}
	var cmds []tea.Cmd
	for _, k := range m.pending {
		cmds = append(cmds, func() tea.Msg { return k })
	}
	m.pending = nil
	switch {
	case len(cmds) > 0:
		// The keys first: one of them may change what runs next; the
		// run to a step (or playing) goes on after them.
		cmds = append(cmds, m.resume())
		return m, tea.Sequence(cmds...)
	case m.target > 0:
		return m.runChunk()
	case m.playing:
		return m, m.tick()
	}
	return m, nil
}

// resume is a message that carries on a run to a step after the keys
// that waited, if nothing they did stopped it.
func (m Model) resume() tea.Cmd {
	seq := m.tickSeq
	return func() tea.Msg { return resumeMsg{seq} }
}

type resumeMsg struct{ seq uint64 }

// RunTo sets the mode to train to step n off the event loop, measuring
// along the way so that the loss curve shows the steps (a lesson's
// train_steps, a state string's step); Init, or the next key, starts it. It
// does not stop at a collapse: the step is what was asked for.
func (m Model) RunTo(n int) Model {
	if n > m.tr.StepCount() {
		m.playing = false
		m.tickSeq = common.NewID()
		m.target = n
		m.runFrom = m.tr.StepCount()
		m.render()
	}
	return m
}

// Busy says whether training is under way off the event loop: a job
// runs, or a run to a step has steps left.
func (m Model) Busy() bool { return m.busy || m.target > 0 }

// runChunk starts the next chunk of a run to a step: at most a hundredth
// of the run, so that the curve has points, and what the budget grants.
func (m Model) runChunk() (tea.Model, tea.Cmd) {
	if m.busy || m.target == 0 {
		return m, nil
	}
	left := m.target - m.tr.StepCount()
	n := min(left, max(1, (m.target-m.runFrom)/warmupPoints))
	if m.opts.Budget == nil {
		return m, m.startJob(n, nil)
	}
	granted, done := m.opts.Budget.Take(n)
	if granted == 0 {
		done()
		m.paced = pacedFor
		m.render()
		return m, m.tick() // try again a frame later
	}
	return m, m.startJob(granted, done)
}

// warmupPoints bounds the measurements of a run to a step: each looks at
// every pair of the evaluation points, and a hundred draw the curve well
// enough.
const warmupPoints = 100

// stopFlag is shared by the copies of a Model, as the trainer is.
type stopFlag = *atomic.Bool

// speedometer is the training speed in steps a second: a moving average
// over the last jobs, so that it reads steadily.
type speedometer struct{ perSecond float64 }

func (s *speedometer) add(steps int, elapsed time.Duration) {
	v := float64(steps) / elapsed.Seconds()
	if s.perSecond == 0 {
		s.perSecond = v
		return
	}
	s.perSecond = 0.8*s.perSecond + 0.2*v
}
