// Command evalreport writes the project's own evaluation report
// (eval/REPORT.md, `make eval`): what `credence eval` measures on the
// fixtures, then the seed articles and the external corpora of ../shared
// with the research word lists scored beside the engine. A development
// tool: the corpus readers and baselines stay out of the shipped binary.
package main

import (
	"os"

	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	os.Exit(eval.Main("evalreport", os.Args[1:], os.Stdout, os.Stderr, func(rep *eval.Report) string {
		return corpora.SeedsSection(rep.Model) + "\n" + corpora.External()
	}))
}
