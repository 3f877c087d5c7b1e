// Command fitslant fits the slant axis's model on the hyperpartisan corpus
// in ../shared/data and writes it to internal/profile/slant.json (`make
// fit`). A development tool: the corpus stays outside the repository and
// only the fitted weights, with the corpus's hash, are committed.
package main

import (
	"flag"
	"fmt"
	"os"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	out := flag.String("o", "internal/profile/slant.json", "where to write the fitted model")
	flag.Parse()
	m, err := corpora.FitSlant()
	if err == nil {
		var b []byte
		if b, err = json.MarshalIndent(m, "", "  "); err == nil {
			err = os.WriteFile(*out, append(b, '\n'), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fitslant:", err)
		os.Exit(2)
	}
	fmt.Printf("wrote %s (corpus %s)\n", *out, m.CorpusHash)
}
