package integrity

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/lexicons"
)

func TestPatternExamples(t *testing.T) {
	raw, err := lexicons.FS.ReadFile(lexicons.Integrity)
	if err != nil {
		t.Fatal(err)
	}
	pats, err := ParsePatterns(lexicons.Integrity, raw)
	if err != nil {
		t.Fatal(err)
	}
	ps := Compile(pats)
	for i, p := range pats {
		if len(p.Flag) == 0 || len(p.Pass) == 0 {
			t.Errorf("pattern %d (%s) needs flag and pass examples", i+1, p.Re)
		}
		for _, s := range p.Flag {
			if !p.Match(s) {
				t.Errorf("pattern %d (%s) should match %q", i+1, p.Re, s)
			}
		}
		for _, s := range p.Flag {
			if ps.Match(s) == nil {
				t.Errorf("%q (a flag example of pattern %d) is missed by the keyword prefilter", s, i+1)
			}
		}
		for _, s := range p.Pass {
			if q := ps.Match(s); q != nil {
				t.Errorf("%q (a pass example of pattern %d) is matched by pattern %s", s, i+1, q.Re)
			}
		}
	}
}

func TestParsePatternsErrors(t *testing.T) {
	head := "name: x\nabout: {purpose: p, selection: s, sources: o}\n"
	for _, c := range []struct{ yaml, want string }{
		{head + "patterns:\n  - {category: nope, re: x}\n", `unknown category "nope"`},
		{head + "patterns:\n  - {category: chrome, re: '('}\n", "missing closing )"},
		{head + "patterns:\n  - {category: chrome, re: x, extra: 1}\n", "field extra not found"},
		{"patterns: []\n", "about needs"},
	} {
		_, err := ParsePatterns("x.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}
