// Command precisionsample draws the sample of loaded-language findings on
// real news that a person judges for eval/testdata/loaded_precision.tsv. It
// prints each finding with its sentence, for the judging only; the file
// keeps the span and the verdict, never the article's text.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	n := flag.Int("n", 400, "findings to draw")
	seed := flag.Uint64("seed", 2026, "random seed (2026 drew loaded_precision.tsv, 2027 loaded_precision_fresh.tsv)")
	flag.Parse()
	eng, err := engine.New(engine.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	sample, sents := corpora.LoadedSample(eng, *n, *seed)
	for i, j := range sample {
		fmt.Printf("%d\t%s\t%d\t%d\t%s\t%s\n", i+1, j.Doc, j.Start, j.End, j.Text, sents[i])
	}
}
