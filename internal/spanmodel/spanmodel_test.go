package spanmodel

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// testModel marks "sucker" and "blowhard" (and knows "the", a closed-class
// word it must never mark) in any register.
func testModel(t *testing.T) *Model {
	t.Helper()
	m := &Model{Threshold: 0.5, Words: []string{"sucker", "blowhard", "the"}, Weights: make([]float64, Dim)}
	m.Weights[hash(bias, "")] = -3
	for _, w := range m.Words {
		m.Weights[hash(word, w)] = 5
	}
	m.Compile()
	return m
}

func pass(t *testing.T, s string) *analysis.Pass {
	t.Helper()
	lxs, err := lexicon.LoadFS(lexicons.FS, lexicons.Lexicons...)
	if err != nil {
		t.Fatal(err)
	}
	stems := &text.StemCache{}
	return analysis.NewPass(&core.Document{Text: s}, text.Spans, stems, lexicon.Compile(stems, lxs...))
}

func TestSpans(t *testing.T) {
	const slanted = "The disgraceful, corrupt regime's thugs slammed the plan. "
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a known word in slanted copy", slanted + "Only a sucker believes it.", []string{"sucker"}},
		{"adjacent words join", slanted + "The sucker blowhard spoke.", []string{"sucker blowhard"}},
		{"plain copy: nothing", "The council met on Tuesday and approved the budget. Only a sucker believes it, one member said.", nil},
		{"a word the model does not list", slanted + "Only a fool believes it.", nil},
		{"a lexicon match is the lexicon's", slanted + "The thugs left.", nil},
	}
	m := testModel(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := pass(t, c.text)
			var got []string
			for _, sp := range m.Spans(p) {
				got = append(got, c.text[sp.Start:sp.End])
				if len(sp.Why) == 0 || !strings.Contains(sp.Why[0], "the word") {
					t.Errorf("%q: why = %q, want the word first", c.text[sp.Start:sp.End], sp.Why)
				}
				if sp.P < m.Threshold {
					t.Errorf("%q: P %.2f below the threshold", c.text[sp.Start:sp.End], sp.P)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	if got := Off.Spans(pass(t, slanted+"Only a sucker believes it.")); got != nil {
		t.Errorf("Off marked %v", got)
	}
}

func TestRegister(t *testing.T) {
	for _, c := range []struct{ loaded, words int }{{0, 100}, {1, 100}, {3, 100}} {
		got := registerOf(c.loaded, c.words)
		want := map[int]string{0: "plain", 1: "coloured", 3: "slanted"}[c.loaded]
		if got != want {
			t.Errorf("%d loaded in %d words: %s, want %s", c.loaded, c.words, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct{ name, json, err string }{
		{"not JSON", "{", "m.json:"},
		{"weights missing", `{"threshold": 0.5}`, "0 weights"},
		{"threshold out of range", `{"threshold": 1.5, "weights": [` + strings.Repeat("0,", Dim-1) + `0]}`, "threshold 1.5"},
	}
	for _, c := range cases {
		if _, err := Parse("m.json", []byte(c.json)); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.err)
		}
	}
	raw, err := lexicons.FS.ReadFile(lexicons.SpanModel)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(lexicons.SpanModel, raw)
	if err != nil {
		t.Fatalf("the shipped model: %v", err)
	}
	for _, w := range m.Words {
		if ClosedClass(w) {
			t.Errorf("the shipped model lists the closed-class word %q", w)
		}
	}
}

// TestSpansAllocation holds the model to allocating per document, not per
// word: a slanted text of many words the model knows.
func TestSpansAllocation(t *testing.T) {
	m := testModel(t)
	const sentence = "The thugs slammed a sucker. "
	short, long := pass(t, sentence), pass(t, strings.Repeat(sentence, 200))
	if n := len(m.Spans(long)); n != 200 {
		t.Fatalf("%d spans in the long text, want 200", n)
	}
	a := testing.AllocsPerRun(5, func() { m.Spans(short) })
	b := testing.AllocsPerRun(5, func() { m.Spans(long) })
	// Each span found allocates its explanation (a few strings); scoring the
	// words allocates nothing.
	if perSpan := (b - a) / 199; perSpan > 5 {
		t.Errorf("%.1f allocations per span found (short text %.0f, long %.0f)", perSpan, a, b)
	}
}
