package batch

import (
	"io"
	"os"
	"testing"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/report"
)

// The corpora are external text, read where ../shared has them: news-like
// was made outside this project (../shared/bench), so a speed-up that only
// holds on our own generator shows against it; real-news is the
// hyperpartisan dev split, real articles (../shared/data, when present).
var externalCorpora = []struct{ name, path string }{
	{"news-like", "../../../shared/bench/news-like.jsonl"},
	{"real-news", "../../../shared/data/hyperpartisan/hyperpartisan_dev.jsonl"},
}

// BenchmarkExternal is what `credence score --format jsonl` does to a JSONL
// file, without process start-up: read, parse, the full profile and the
// JSONL writer, on one worker and on two; and the loaded-language pass
// alone (`--scorers framing --only framing.loaded`) on one.
func BenchmarkExternal(b *testing.B) {
	full, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	loaded, err := engine.New(engine.Options{Scorers: map[string]bool{"framing": true}, Only: map[string]bool{"framing.loaded": true}})
	if err != nil {
		b.Fatal(err)
	}
	for _, corpus := range externalCorpora {
		st, err := os.Stat(corpus.path)
		if err != nil {
			b.Logf("%s: not present (%v)", corpus.name, err)
			continue
		}
		for _, c := range []struct {
			name    string
			e       *engine.Engine
			workers int
		}{{"1worker", full, 1}, {"2workers", full, 2}, {"loaded-only/1worker", loaded, 1}} {
			e := c.e
			b.Run(corpus.name+"/"+c.name, func(b *testing.B) {
				b.SetBytes(st.Size())
				b.ReportAllocs()
				for range b.N {
					var rep report.JSONL
					Run(e, []string{corpus.path}, Options{Workers: c.workers}, func(o Outcome) {
						if o.Err != nil {
							b.Fatal(o.Err)
						}
						rep.Write(io.Discard, *o.Result)
					})
				}
			})
		}
	}
}
