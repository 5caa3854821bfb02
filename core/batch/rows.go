package batch

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"losslab/core/dist"
	"losslab/internal/gopanic"
)

// How each anchor gets its row of distances. Every anchor needs its whole
// row at once (its sorted positives, its near negatives, the anchor-wide
// losses), but d(i, j) = d(j, i): when every anchor is evaluated and half
// the matrix fits in symmetricBytes, forRows computes each tile of the upper
// half once, hands its rows to the anchors of its row block, and keeps it
// until its column block's turn, when it serves transposed. Otherwise each
// worker computes the whole rows of its own anchors: twice the products, a
// few rows of memory per worker.

// symmetricBytes bounds the tiles held for later column blocks: about
// (N/2)² distances, so up to N = 4096 or so, where one block of rows took
// 32 MiB before.
var symmetricBytes int64 = 36 << 20

// tileRows is the side of a tile: 64 rows of 64 distances (32 KiB) and two
// 64-row bands of the embeddings stay in cache while the kernel runs.
const tileRows = 64

// visitFunc handles anchor a (evaluation slot slot) on worker w, given its
// row of distances to every sample, which it must not keep.
type visitFunc func(w, slot, a int, row []float64) error

// symmetric says whether forRows can use the tiles for these anchors.
func symmetric(n, anchors, blockRows int) bool {
	return anchors == n && symmetricTileBytes(n, blockRows) <= symmetricBytes
}

// symmetricTileBytes is the most that forRowsSymmetric's tiles hold at once:
// during row block I, the tiles of blocks ≤ I against blocks ≥ I.
func symmetricTileBytes(n, blockRows int) int64 {
	side := int64(tileRowsFor(n, blockRows))
	blocks := (int64(n) + side - 1) / side
	i := (blocks - 1) / 2
	return (i + 1) * (blocks - i) * side * side * 8
}

// tileRowsFor is the tile side: Options.BlockRows when set (tests vary it).
func tileRowsFor(n, blockRows int) int {
	if blockRows > 0 {
		return min(blockRows, n)
	}
	return min(tileRows, n)
}

// forRows hands every anchor's distance row to visit, on every core, block
// by block of anchors (a chunk at a time when each core computes its own
// rows), calling progress after each. It stops at the
// first error or when ctx is cancelled.
func forRows(ctx context.Context, pairs *dist.Pairs, anchors []int, blockRows int, progress func(done, total int), visit visitFunc) error {
	n := pairs.Len()
	if symmetric(n, len(anchors), blockRows) {
		return forRowsSymmetric(ctx, pairs, tileRowsFor(n, blockRows), progress, visit)
	}
	rows := blockRows
	if rows <= 0 {
		rows = min(n, max(2, (32<<20)/(8*n)))
	}
	// One task per chunk of anchors, all in one parallel run: a wait at the
	// end of every block of rows left a core idle while the other finished
	// its last chunk, about a tenth of the time at 60,000 rows.
	chunk := ownRows(n, rows)
	bufs := make([][]float64, runtime.GOMAXPROCS(0))
	var mu sync.Mutex // progress is called by one worker at a time, with a count that only grows
	done := 0
	return parallel(ctx, (len(anchors)+chunk-1)/chunk, func(w, t int) error {
		first := t * chunk
		some := anchors[first:min(first+chunk, len(anchors))]
		bufs[w] = pairs.Rows(some, bufs[w])
		for r, a := range some {
			if err := visit(w, first+r, a, bufs[w][r*n:(r+1)*n]); err != nil {
				return err
			}
		}
		if progress != nil {
			mu.Lock()
			done += len(some)
			if ctx.Err() == nil { // a chunk that ends after a cancellation reports nothing
				progress(done, len(anchors))
			}
			mu.Unlock()
		}
		return nil
	})
}

// ownRows is how many rows a worker computes at a time: the kernel reads
// all of the embeddings once for them, so the more the better, up to 64 or
// 16 MiB of rows; and a block's rows are shared out in equal tasks, a
// whole number per worker. At least two, where the block has them: the
// assembly kernel takes rows two at a time, and a row alone goes to the
// portable loop, several times slower (beyond 1,048,576 rows, where 16 MiB
// held one row, every row did).
func ownRows(n, blockRows int) int {
	workers := runtime.GOMAXPROCS(0)
	most := max(2, min(64, (16<<20)/(8*n)))
	tasks := workers * ((blockRows + workers*most - 1) / (workers * most))
	return max((blockRows+tasks-1)/tasks, min(2, blockRows))
}

// tileStore holds the tiles of the upper half of the matrix, indexed by
// their row and column blocks, and recycles their memory.
type tileStore struct {
	side, blocks int
	tiles        [][]float64 // I·blocks + J
	mu           sync.Mutex
	free         [][]float64
}

func (s *tileStore) take() []float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k := len(s.free); k > 0 {
		t := s.free[k-1]
		s.free = s.free[:k-1]
		return t
	}
	return make([]float64, s.side*s.side)
}

func (s *tileStore) give(t []float64) {
	s.mu.Lock()
	s.free = append(s.free, t)
	s.mu.Unlock()
}

// span is block I's first row and its number of rows.
func (s *tileStore) span(n, i int) (lo, size int) {
	lo = i * s.side
	return lo, min(s.side, n-lo)
}

// forRowsSymmetric is forRows over every anchor with each upper tile
// computed once. For row block I: tiles (I, J ≥ I) are computed and tiles
// (J < I, I), computed for earlier blocks, are transposed; then each anchor
// of the block reads its row from them, and the tiles (J ≤ I, I) are freed.
func forRowsSymmetric(ctx context.Context, pairs *dist.Pairs, side int, progress func(done, total int), visit visitFunc) error {
	n := pairs.Len()
	blocks := (n + side - 1) / side
	s := &tileStore{side: side, blocks: blocks, tiles: make([][]float64, blocks*blocks)}
	idx := allAnchors(n)
	workers := runtime.GOMAXPROCS(0)
	rows := make([][]float64, workers)
	for w := range rows {
		rows[w] = make([]float64, n)
	}
	for bi := range blocks {
		if err := ctx.Err(); err != nil {
			return err
		}
		lo, size := s.span(n, bi)
		err := parallel(ctx, blocks, func(_, bj int) error {
			jlo, jsize := s.span(n, bj)
			if bj >= bi {
				t := s.take()
				pairs.Tile(idx[lo:lo+size], jlo, jlo+jsize, t, jsize)
				s.tiles[bi*blocks+bj] = t
				return nil
			}
			// Tile (J, I) held d(J·side + r, I·side + c) at r·size + c;
			// block I reads it as d(I·side + c, J·side + r) at c·jsize + r.
			old, t := s.tiles[bj*blocks+bi], s.take()
			for r := range jsize {
				for c := range size {
					t[c*jsize+r] = old[r*size+c]
				}
			}
			s.give(old)
			s.tiles[bj*blocks+bi] = t
			return nil
		})
		if err != nil {
			return err
		}
		err = parallel(ctx, (size+7)/8, func(w, t int) error {
			row := rows[w]
			for r := t * 8; r < min(t*8+8, size); r++ {
				for bj := range blocks {
					jlo, jsize := s.span(n, bj)
					k := bj*blocks + bi // (J, I) transposed
					if bj >= bi {
						k = bi*blocks + bj
					}
					copy(row[jlo:jlo+jsize], s.tiles[k][r*jsize:(r+1)*jsize])
				}
				if err := visit(w, lo+r, lo+r, row); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for bj := 0; bj <= bi; bj++ {
			s.give(s.tiles[bj*blocks+bi])
			s.tiles[bj*blocks+bi] = nil
		}
		if progress != nil {
			progress(lo+size, n)
		}
	}
	return nil
}

// forUpperTiles hands every tile of the upper half (rows lo..hi−1 against
// columns ≥ lo, so each unordered pair once and the diagonal's own pairs
// twice) to visit on every core, with d(i, j) at tile[(i − lo)·ld + j − jlo].
func forUpperTiles(ctx context.Context, pairs *dist.Pairs, progress func(done, total int), visit func(w, lo, hi, jlo, jhi int, tile []float64) error) error {
	n := pairs.Len()
	blocks := (n + tileRows - 1) / tileRows
	idx := allAnchors(n)
	bufs := make([][]float64, runtime.GOMAXPROCS(0))
	// A task is a row block's tiles: several so that the kernel's rows stay
	// in cache, each for its own columns.
	const perTask = 8
	for bi := range blocks {
		if err := ctx.Err(); err != nil {
			return err
		}
		lo, hi := bi*tileRows, min(n, (bi+1)*tileRows)
		tasks := (blocks - bi + perTask - 1) / perTask
		err := parallel(ctx, tasks, func(w, t int) error {
			if bufs[w] == nil {
				bufs[w] = make([]float64, tileRows*tileRows*perTask)
			}
			jlo := (bi + t*perTask) * tileRows
			jhi := min(n, jlo+perTask*tileRows)
			pairs.Tile(idx[lo:hi], jlo, jhi, bufs[w], jhi-jlo)
			return visit(w, lo, hi, jlo, jhi, bufs[w])
		})
		if err != nil {
			return err
		}
		if progress != nil {
			progress(hi, n)
		}
	}
	return nil
}

// parallel runs task(w, t) for every t < tasks on every core, each worker w
// taking the next task; the first error stops the others. The error
// returned is the lowest task's (a data error before a cancellation), the
// same however the tasks were shared out: tasks are taken in order and each
// taken one runs to its end. A worker's panic is the caller's, where it can
// be recovered.
func parallel(ctx context.Context, tasks int, task func(w, t int) error) error {
	workers := min(runtime.GOMAXPROCS(0), tasks)
	var next atomic.Int64
	var stop atomic.Bool
	errs := make([]error, workers)
	failed := make([]int, workers) // the task that failed
	panics := make([]*gopanic.Value, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer gopanic.Capture(&panics[w])
			for !stop.Load() {
				t := int(next.Add(1) - 1)
				if t >= tasks {
					return
				}
				errs[w] = ctx.Err()
				if errs[w] == nil {
					errs[w] = task(w, t)
				}
				if errs[w] != nil {
					failed[w] = t
					stop.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	gopanic.Repanic(panics)
	first := -1
	for w, err := range errs {
		if err != nil && (first < 0 || isCancel(errs[first]) && !isCancel(err) || isCancel(errs[first]) == isCancel(err) && failed[w] < failed[first]) {
			first = w
		}
	}
	if first < 0 {
		return nil
	}
	return errs[first]
}

func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

func allAnchors(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
