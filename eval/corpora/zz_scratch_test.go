package corpora

import (
	"fmt"
	"testing"
	"github.com/credence-news/credence/engine"
)

func TestScratchFP(t *testing.T) {
	useSharedData(t)
	eng, _ := engine.New(engine.Options{})
	set, _ := ReadPrecisionSet("../../eval/testdata/loaded_precision.tsv")
	docs, _ := realNews()
	byID := map[string]int{}
	for i, d := range docs { byID[d.ID] = i }
	for _, j := range set {
		if j.Loaded { continue }
		d := docs[byID[j.Doc]]
		res, _ := eng.Analyze(d)
		still := false
		for _, f := range res.Findings { if f.Rule == "framing.loaded" && !f.Quoted && f.Start == j.Start { still = true } }
		if still {
			fmt.Printf("%s\t%s\t%s\n", j.Class, j.Text, sentenceAround(d.Text, j.Start, j.End))
		}
	}
}
