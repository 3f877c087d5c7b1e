package engine

import (
	"strings"
	"testing"
)

// TestFactualOnOutsideArticles: the reproductions of the dates-and-facts
// issue, as articles written outside the team state them.
func TestFactualOnOutsideArticles(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // "rule text" of the expected finding, "" for none
	}{
		{"a title below a dateline that carries the year",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2025 — President Joe Biden said on Tuesday that grants would go out.\n",
			"factual.title President Joe Biden"},
		{"the same sentence a paragraph down",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2025 — Grants were announced.\n\nPresident Joe Biden said on Tuesday that grants would go out.\n",
			"factual.title President Joe Biden"},
		{"a chancellor after the handover, dated by a dateline",
			"Leaders meet\n\nBy A\n\nBRUSSELS, June 12, 2025 — Chancellor Olaf Scholz told European leaders on Thursday that Germany would pay.\n",
			"factual.title Chancellor Olaf Scholz"},
		{"a doubled letter missing from a given name",
			"Leaders meet\n\nBy A\n\nBRUSSELS, June 12, 2025 — The talks went on. Later, Emanuel Macron met the press.\n",
			"factual.name Emanuel Macron"},
		{"two letters swapped",
			"Leaders meet\n\nBy A\n\nKYIV, June 12, 2025 — Volodymry Zelensky spoke on Thursday.\n",
			"factual.name Volodymry Zelensky"},
		{"another spelling of a given name is no slip",
			"Leaders meet\n\nBy A\n\nPRAGUE, June 12, 2023 — Peter Fiala spoke on Thursday.\n", ""},
		{"the office held at the time, in a dateline's year",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2022 — President Joe Biden said on Tuesday that grants would go out.\n", ""},
	} {
		res := analyze(t, c.text, "")
		var got []string
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "factual.") {
				got = append(got, f.Rule+" "+f.Text)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%s: factual findings %q, want %q", c.name, got, c.want)
		}
	}
}
