// Package batch scores a stream of inputs on a pool of workers and hands the
// results back in input order, holding only a bounded window in memory.
package batch

import (
	"fmt"
	"runtime"
	"sync"

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

// Run reads paths and scores every document with e on workers goroutines
// (all cores if workers < 1). emit is called in input order from one
// goroutine. A panic while scoring one document becomes that document's error.
func Run(e *engine.Engine, paths []string, opt ingest.Options, workers int, emit func(Outcome)) {
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
				results <- done{j.seq, score(e, j.item)}
			}
		}()
	}
	go func() {
		seq := 0
		ingest.Read(paths, opt, func(it ingest.Item) bool {
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

func score(e *engine.Engine, it ingest.Item) (out Outcome) {
	if it.Err != nil {
		return Outcome{Err: it.Err}
	}
	out.Bytes = len(it.Doc.Text)
	defer func() {
		if r := recover(); r != nil {
			out = Outcome{Err: fmt.Errorf("%s: internal error while scoring (please report it): %v", it.Doc.Source, r), Bytes: out.Bytes}
		}
	}()
	res, err := e.Analyze(it.Doc)
	return Outcome{Result: &res, Err: err, Bytes: out.Bytes}
}
