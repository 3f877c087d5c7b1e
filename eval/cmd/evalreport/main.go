// Command evalreport writes the project's own evaluation report
// (eval/REPORT.md, `make eval`): what `credence eval` measures on the
// fixtures, then the seed articles, the title battery and the external
// corpora of ../shared with the research word lists scored beside the
// engine. A development tool: the corpus readers and baselines stay out of
// the shipped binary.
package main

import (
	"os"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/eval/battery"
	"github.com/credence-news/credence/eval/corpora"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/lexicons"
)

func main() {
	os.Exit(eval.Main("evalreport", os.Args[1:], os.Stdout, os.Stderr, func(rep *eval.Report) string {
		return corpora.SeedsSection(rep.Models) + "\n" + titleBattery() + "\n" + corpora.External()
	}))
}

// titleBattery is the full title battery's section ("" if the engine or
// knowledge base cannot load, which the fixtures' section reports).
func titleBattery() string {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		return ""
	}
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		return ""
	}
	return battery.Section(eng, k)
}
