package analysis_test

import (
	"fmt"
	"strings"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
)

// ruleShouting is a new rule: exclamation marks in the outlet's own voice.
var ruleShouting = core.Rule{ID: "framing.shouting", Dimension: "framing", Severity: core.Info,
	Summary: "An exclamation mark in the news voice.",
	Doc:     "Flags exclamation marks outside quotes and page furniture: news copy states, it does not exclaim."}

// shouting is the scorer: its rules, and the stage that reports them.
type shouting struct{}

func (shouting) Name() string       { return "shouting" }
func (shouting) Rules() []core.Rule { return []core.Rule{ruleShouting} }

// Stage requires the integrity result (furniture marked as excluded) and
// produces nothing but findings.
func (s shouting) Stage() *analysis.Stage {
	return analysis.NewStage[struct{}]("shouting", nil, []analysis.Key{analysis.Integrity}, func(p *analysis.Pass) struct{} {
		for i := range p.Tokens {
			t := &p.Tokens[i]
			if t.Norm != "!" || p.IsExcluded(t.Start, t.End) {
				continue
			}
			if _, quoted := p.QuoteAt(t.Start, t.End); quoted {
				continue // the speaker's, not the outlet's
			}
			p.Flag(ruleShouting, t.Start, t.End, 0.9, "Exclamation mark in the news voice.",
				"News copy states what happened; an exclamation mark tells the reader how to feel about it.")
		}
		return struct{}{}
	})
}

// A new rule is a scorer with a stage; this one runs on a pass the way the
// engine runs it (after the integrity stage it requires).
func Example_newRule() {
	doc := &core.Document{Text: "The council raised fees again! \u201cNever!\u201d a resident said."}
	p := analysis.NewPass(doc, nil, nil, nil)
	analysis.NewStage("integrity", analysis.Integrity, nil, func(*analysis.Pass) core.Integrity { return core.Integrity{} }).Run(p)
	shouting{}.Stage().Run(p)
	for _, f := range p.Findings {
		fmt.Printf("%s %d-%d %q: %s\n", f.Rule, f.Start, f.End, doc.Text[f.Start:f.End], strings.TrimSuffix(f.Message, "."))
	}
	// Output:
	// framing.shouting 29-30 "!": Exclamation mark in the news voice
}
