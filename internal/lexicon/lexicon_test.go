package lexicon

import (
	"fmt"
	"strings"
	"testing"

	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// TestEntryExamples runs every entry's own examples: each `flag` sentence
// must be matched by the entry, and no `pass` sentence may be.
func TestEntryExamples(t *testing.T) {
	lxs, err := LoadFS(lexicons.FS, lexicons.Lexicons...)
	if err != nil {
		t.Fatal(err)
	}
	stems := &text.StemCache{}
	for _, lx := range lxs {
		for _, e := range lx.Entries {
			if len(e.Flag) == 0 || len(e.Pass) == 0 {
				t.Errorf("%s: entry %q needs at least one flag and one pass example", e.Source, e.Phrase)
			}
		}
	}
	n, errs := CheckExamples(Compile(stems, lxs...), stems, lxs...)
	for _, err := range errs {
		t.Error(err)
	}
	t.Logf("%d examples checked", n)
}

func TestExpand(t *testing.T) {
	for phrase, want := range map[string][]string{
		"it is (widely|) (believed|thought)": {"it is widely believed", "it is widely thought", "it is believed", "it is thought"},
		// Nested groups: each spelling once.
		"(few (would|could) disagree|(no one|nobody) can deny) that": {"few would disagree that", "few could disagree that", "no one can deny that", "nobody can deny that"},
		"a (b|(c|d) e) f (g|)": {"a b f g", "a b f", "a c e f g", "a c e f", "a d e f g", "a d e f"},
	} {
		if got := Expand(phrase); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Expand(%q) = %q, want %q", phrase, got, want)
		}
	}
}

func TestUnbalancedParenthesesRejected(t *testing.T) {
	data := []byte("name: t\nabout: {purpose: p, selection: s, sources: s}\ncategories: {c: {rule: r}}\nentries:\n  - {phrase: \"(a|b\", category: c}\n")
	if _, err := Parse("t.yaml", data); err == nil || !strings.Contains(err.Error(), "parentheses") {
		t.Errorf("Parse accepted an unbalanced phrase: %v", err)
	}
}

func TestMatcherFeatures(t *testing.T) {
	lx := &Lexicon{Name: "t", Negation: true, Categories: map[string]Category{"c": {}}, Entries: []*Entry{
		{Phrase: "slammed", Category: "c", UnlessNear: []string{"storm"}},
		{Phrase: "criticism from ... observers", Category: "c"},
		{Phrase: "reportedly", Category: "c", Exact: true},
		{Phrase: "some * say", Category: "c"},
		{Phrase: "- hating", Category: "c"},
		{Phrase: "dog whistle", Category: "c"},
		{Phrase: "research shows", Category: "c", Exact: true, UnlessPrev: []string{"his", "s"}},
	}}
	stems := &text.StemCache{}
	m := Compile(stems, lx)
	cases := []struct {
		in   string
		want []string
	}{
		{"Unions slam the plan.", []string{"slam"}},
		{"The storm slammed the coast.", nil},
		{"They have not slammed anyone.", nil},
		{"The plan drew criticism from several neighbouring states and outside observers.", []string{"criticism from several neighbouring states and outside observers"}},
		{"The ship was reportedly hit.", []string{"reportedly"}},
		{"The reported hit was confirmed.", nil},
		{"Some people say no.", []string{"Some people say"}},
		{"Some say no.", nil},
		{"The Trump-hating press.", []string{"Trump-hating"}},
		{"The hating - it stopped.", nil},
		{"A dog whistle to voters.", []string{"dog whistle"}},
		{"A dog-whistle appeal.", []string{"dog-whistle"}},
		{"The dog - whistle - blew.", nil},
		{"The dog-", nil},
		{"A slammed-shut door.", []string{"slammed"}},
		{"The hating—it stopped.", nil},
		{"Research shows it works.", []string{"Research shows"}},
		{"His research shows it works.", nil},
		{"Greenberg's research shows it works.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, mt := range m.Find(text.Tokenize(c.in, stems)) {
			got = append(got, c.in[mt.Start:mt.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := "name: x\nabout: {purpose: p, selection: s, sources: o}\ncategories: {c: {rule: r}}\n"
	cases := []struct {
		yaml, want string
	}{
		{"name: x\n", "about needs"},
		{head + "entries:\n  - {phrase: a, category: c, colour: red}\n", "x.yaml:5: unknown key \"colour\""},
		{head + "entries:\n  - {phrase: a, category: nope}\n", "unknown category \"nope\""},
		{head + "entries:\n  - {phrase: a, category: c, weight: 9}\n", "weight 9 out of range"},
		{head + "entries:\n  - {phrase: a, category: c}\n  - {phrase: A, category: c}\n", "duplicates the one at x.yaml:5"},
		{head + "entries:\n  - {category: c}\n", "entry has no phrase"},
		{head + "entries:\n  - {phrase: hack, category: c, unless_near: [e-mail]}\n", "context word \"e-mail\" must be one word"},
		{"name: [\n", "x.yaml"},
	}
	for _, c := range cases {
		_, err := Parse("x.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want it to mention %q", c.yaml, err, c.want)
		}
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("name: x\nabout: {purpose: p, selection: s, sources: o}\ncategories: {c: {rule: r}}\nentries:\n  - {phrase: \"a (b|c) ... d\", category: c}\n")
	f.Fuzz(func(t *testing.T, s string) {
		lx, err := Parse("f.yaml", []byte(s))
		if err != nil {
			return
		}
		// A valid lexicon compiles and matches without panicking.
		m := Compile(&text.StemCache{}, lx)
		m.Find(text.Tokenize("a b d and some more words", nil))
	})
}

// TestNoRepeatedForms: a phrase form listed by two entries of one category
// is matched twice (two attributions for one "saying"), so each form belongs
// to one entry.
func TestNoRepeatedForms(t *testing.T) {
	lxs, err := LoadFS(lexicons.FS, lexicons.Lexicons...)
	if err != nil {
		t.Fatal(err)
	}
	for _, lx := range lxs {
		seen := map[[2]string]string{}
		for _, e := range lx.Entries {
			for _, ph := range Expand(e.Phrase) {
				k := [2]string{e.Category, ph}
				if other, ok := seen[k]; ok && other != e.Phrase {
					t.Errorf("%s: %q (%s) is in both %q and %q", lx.Name, ph, e.Category, other, e.Phrase)
				}
				seen[k] = e.Phrase
			}
		}
	}
}

// TestExactFormsOwned: a word an exact entry lists is matched by that entry
// alone, so its context words decide; another entry's stem ("disgrace"
// takes in "disgraced", "catastrophe" took in "catastrophic") must not
// match it around them.
func TestExactFormsOwned(t *testing.T) {
	lxs, err := LoadFS(lexicons.FS, lexicons.Lexicons...)
	if err != nil {
		t.Fatal(err)
	}
	stems := &text.StemCache{}
	m := Compile(stems, lxs...)
	for _, lx := range lxs {
		for _, e := range lx.Entries {
			if !e.Exact {
				continue
			}
			for _, form := range Expand(e.Phrase) {
				toks := text.Tokenize(form, stems)
				if len(toks) != 1 {
					continue
				}
				for _, o := range m.Find(toks) {
					if !o.Entry.Exact && o.Entry.lex == lx {
						t.Errorf("%s: %q of %q is matched by %q too", lx.Name, form, e.Phrase, o.Entry.Phrase)
					}
				}
			}
		}
	}
}

// BenchmarkHouseLexicon100k is the start-up cost of a house lexicon of
// 100,000 entries (parse, validate, stem, build the trie); the target is
// under 2 s a run (see README, Limits).
func BenchmarkHouseLexicon100k(b *testing.B) {
	var y strings.Builder
	y.WriteString("name: house\nabout: {purpose: p, selection: s, sources: o}\ncategories:\n  banned: {rule: framing.loaded, description: d}\nentries:\n")
	syll := []string{"ka", "lo", "mi", "nu", "pe", "ra", "si", "tu", "vo", "ze"}
	for i := range 100_000 {
		w := ""
		for n := i; ; n /= 10 {
			w += syll[n%10]
			if n < 10 {
				break
			}
		}
		fmt.Fprintf(&y, "  - {phrase: \"%s %s\", category: banned}\n", w, syll[i%7])
	}
	data := []byte(y.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		lx, err := Parse("house.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		Compile(&text.StemCache{}, lx)
	}
}
