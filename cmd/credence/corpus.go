package main

import (
	"bufio"
	"flag"
	"fmt"
	json "github.com/goccy/go-json"
	"io"

	"github.com/credence-news/credence/engine/corpus"
)

// runCorpus writes the deterministic benchmark corpus as JSONL.
func runCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10000, "number of articles")
	seed := fs.Int64("seed", 1, "seed (the same seed gives the same corpus)")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	enc := json.NewEncoder(w)
	for i := 0; i < *n; i++ {
		title, text := corpus.Article(*seed, i)
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("gen-%d", i), "title": title, "text": text}); err != nil {
			fmt.Fprintln(stderr, "credence corpus:", err)
			return 2
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "credence corpus:", err)
		return 2
	}
	return 0
}
