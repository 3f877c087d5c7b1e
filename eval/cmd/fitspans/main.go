// Command fitspans fits the learned loaded-language model on PTC, BASIL and
// BABE in ../shared/data and writes it to lexicons/spanmodel.json (`make
// fit`). A development tool: the corpora stay outside the repository and
// only the hashed feature weights, the words the model may mark and the
// corpora's hash are committed.
package main

import (
	"flag"
	"fmt"
	"os"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	out := flag.String("o", "lexicons/spanmodel.json", "where to write the fitted model")
	flag.Parse()
	m, err := corpora.FitSpanModel()
	if err == nil {
		var b []byte
		if b, err = json.Marshal(m); err == nil {
			err = os.WriteFile(*out, append(b, '\n'), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fitspans:", err)
		os.Exit(2)
	}
	fmt.Printf("wrote %s (corpora %s, threshold %.2f, %d words)\n", *out, m.CorpusHash, m.Threshold, len(m.Words))
}
