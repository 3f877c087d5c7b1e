package batch

import (
	"io"
	"os"
	"testing"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/report"
)

// newsLike is a corpus made outside this project (../shared/bench): a
// speed-up that only holds on our own generator shows against it.
const newsLike = "../../../shared/bench/news-like.jsonl"

// BenchmarkNewsLike is what `credence score --format jsonl` does to a JSONL
// file, without process start-up: read, parse, the full profile and the
// JSONL writer, on one worker and on two.
func BenchmarkNewsLike(b *testing.B) {
	st, err := os.Stat(newsLike)
	if err != nil {
		b.Skip("../shared/bench/news-like.jsonl not present")
	}
	e, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		workers int
	}{{"1worker", 1}, {"2workers", 2}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(st.Size())
			b.ReportAllocs()
			for range b.N {
				var rep report.JSONL
				Run(e, []string{newsLike}, Options{Workers: c.workers}, func(o Outcome) {
					if o.Err != nil {
						b.Fatal(o.Err)
					}
					rep.Write(io.Discard, *o.Result)
				})
			}
		})
	}
}
