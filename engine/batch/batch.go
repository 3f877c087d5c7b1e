// Package batch scores a stream of inputs on a pool of workers and hands the
// results back in input order, holding only a bounded window in memory.
package batch

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
)

// Outcome is the result of one input: a result, an input error, or both (a
// result with a scorer error).
type Outcome struct {
	Result *core.Result
	Err    error
	Bytes  int
}

// Options tune a batch.
type Options struct {
	Ingest  ingest.Options
	Workers int           // scoring goroutines; all cores if < 1
	Timeout time.Duration // per-document budget; none if 0
}

// Run reads paths and scores every document with e on a pool of workers.
// emit is called in input order from one goroutine. A panic while scoring
// one document, or a document that exceeds the time budget, becomes that
// document's error; the batch goes on.
func Run(e *engine.Engine, paths []string, opt Options, emit func(Outcome)) {
	opt.Ingest.Deferred = true // parsed on the workers, within each budget
	workers := opt.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq  int
		item ingest.Item
	}
	type done struct {
		seq int
		out Outcome
	}
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)
	// window bounds how far ahead of the slowest document the readers may run.
	window := make(chan struct{}, workers*8)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, score(e, j.item, opt.Timeout)}
			}
		}()
	}
	go func() {
		seq := 0
		ingest.Read(paths, opt.Ingest, func(it ingest.Item) bool {
			window <- struct{}{}
			jobs <- job{seq, it}
			seq++
			return true
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]Outcome{}
	next := 0
	for d := range results {
		pending[d.seq] = d.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			emit(out)
		}
	}
}

// score parses and scores one input within the time budget, on the
// calling worker: the budget's context stops the parsing and every stage of
// the analysis, so a document over it frees its worker (and its memory) at
// once instead of running on in the background.
func score(e *engine.Engine, it ingest.Item, timeout time.Duration) (out Outcome) {
	out.Bytes = it.Bytes
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	source := it.Source
	defer func() {
		if r := recover(); r != nil {
			out = Outcome{Err: fmt.Errorf("%s: internal error while scoring (please report it): %v", source, r), Bytes: it.Bytes}
		}
	}()
	doc, err := it.Document(ctx)
	if err == nil {
		source = doc.Source
		var res core.Result
		if res, err = e.AnalyzeContext(ctx, doc); ctx.Err() == nil {
			return Outcome{Result: &res, Err: err, Bytes: it.Bytes}
		}
	}
	if ctx.Err() != nil {
		return Outcome{Err: fmt.Errorf("%s: not scored within the %s budget per document (raise it with --timeout)", source, timeout), Bytes: it.Bytes}
	}
	return Outcome{Err: err, Bytes: it.Bytes}
}
