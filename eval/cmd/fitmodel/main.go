// Command fitmodel fits one of the models learned from the corpora in
// ../shared/data and writes it where the engine reads it (`make fit`):
//
//	-model spans: the learned loaded-language model, on PTC, BASIL and BABE,
//	  to lexicons/spanmodel.json;
//	-model slant: the slant axis's model, on the hyperpartisan corpus, to
//	  internal/profile/slant.json.
//
// A development tool: the corpora stay outside the repository and only the
// fitted weights, with the corpora's hash, are committed.
package main

import (
	"flag"
	"fmt"
	"os"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	which := flag.String("model", "", "the model to fit: spans or slant")
	out := flag.String("o", "", "where to write it (default: the file the engine reads)")
	flag.Parse()
	var (
		model   any
		path    string
		summary string
		err     error
	)
	switch *which {
	case "spans":
		m, ferr := corpora.FitSpanModel()
		if err = ferr; err == nil {
			model, path = m, "lexicons/spanmodel.json"
			summary = fmt.Sprintf("corpora %s, threshold %.2f, %d words", m.CorpusHash, m.Threshold, len(m.Words))
		}
	case "slant":
		m, ferr := corpora.FitSlant()
		if err = ferr; err == nil {
			model, path = m, "internal/profile/slant.json"
			summary = "corpus " + m.CorpusHash
		}
	default:
		err = fmt.Errorf("-model %q: want spans or slant", *which)
	}
	if *out != "" {
		path = *out
	}
	if err == nil {
		var b []byte
		if *which == "spans" {
			b, err = json.Marshal(model) // 65,536 weights: one line
		} else {
			b, err = json.MarshalIndent(model, "", "  ")
		}
		if err == nil {
			err = os.WriteFile(path, append(b, '\n'), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fitmodel:", err)
		os.Exit(2)
	}
	fmt.Printf("wrote %s (%s)\n", path, summary)
}
