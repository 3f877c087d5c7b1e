package engine

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/ingest"
)

// TestLearnedModelOption: the learned model marks a word no lexicon entry
// lists in slanted copy, and NoLearnedModel (learned_model: false) keeps
// framing.loaded to the lexicons.
func TestLearnedModelOption(t *testing.T) {
	const text = "The disgraceful regime and its corrupt thugs slammed the plan. These rabid partisans are a bunch of blowhards, and their bigotry is a con.\n"
	learned := func(e *Engine) []string {
		doc, err := ingest.Parse("t.txt", "txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Analyze(doc)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			if f.Learned {
				out = append(out, f.Text)
				if f.Rule != "framing.loaded" || !strings.Contains(f.Explanation, "carried most by") {
					t.Errorf("learned finding %q: rule %s, explanation %q", f.Text, f.Rule, f.Explanation)
				}
			}
		}
		return out
	}
	if got := learned(testEngine(t)); len(got) == 0 {
		t.Error("the learned model marked nothing in slanted copy")
	}
	off, err := New(Options{NoLearnedModel: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := learned(off); len(got) != 0 {
		t.Errorf("NoLearnedModel: learned findings %q", got)
	}
}
