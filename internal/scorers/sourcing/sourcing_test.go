package sourcing

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFigurePattern(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"The firm holds approximately 20% of the market, including 75% of the north.", []string{"approximately 20%", "75%"}},
		{"The plan costs €2.3 billion and $5 million more.", []string{"€2.3 billion", "$5 million"}},
		{"One in five households cannot pay.", []string{"One in five"}},
		{"It will build 350 rail carriages per year.", []string{"350 rail carriages per year"}},
		{"About 12,000 people marched.", []string{"About 12,000"}},
		{"The talks began in 2025 with 30 nations and five brigades.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range figure.FindAllString(c.text, -1) {
			if !yearLike.MatchString(strings.TrimSpace(m)) {
				got = append(got, m)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: figures %q, want %q", c.text, got, c.want)
		}
	}
	// The prefilter may let through what the pattern rejects, never the reverse.
	for _, c := range cases {
		if c.want != nil && !mayHoldFigure(c.text) {
			t.Errorf("mayHoldFigure(%q) = false, but the pattern finds %q", c.text, c.want)
		}
	}
	for text, want := range map[string]bool{
		"one in five":                      true,
		"Barely 3 in 10 voters agreed":     true,
		"(seven in ten)":                   true,
		"no numbers here":                  false,
		"He lives in Kyiv, one in a crowd": false,
		"someone in three cities":          false,
		"It ends in ten":                   false,
		"It cost €5":                       true,
		"a £3 fee":                         true,
		"two billion":                      true,
		"ten per cent":                     true,
		"ten percent":                      true,
		"12 of them, 7 left":               false,
	} {
		if got := mayHoldFigure(text); got != want {
			t.Errorf("mayHoldFigure(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestFindFiguresIsThePattern: the windowed search finds exactly what the
// pattern finds over the whole text, on text built from the words the
// pattern is made of, joined by every kind of space, and on the fixtures.
func TestFindFiguresIsThePattern(t *testing.T) {
	words := []string{"about", "more", "than", "at", "least", "an", "estimated", "up", "to", "over", "Some", "NEARLY", "approximately",
		"around", "roughly", "almost", "less", "fewer", "Fewer than", "ſix", "Ten", "ONE", "twoin", "$", "$5", "€", "£3", "5",
		"12", "350", "1,000", "12,500.5", "2025", "1.5", "per", "cent", "percent", "%", "5%", "a", "each", "every",
		"year", "month", "day", "in", "IN", "In", "one", "Five", "ten", "million", "billion", "bn", "m", "rail",
		"carriages", "x-ray", "(about", "5)", "people", "said", "the", "é", "in2", "—", "ſome", "xſome", "almoſt", "_5", "x$5",
		// Whole phrases, so that the longest matches (three words before a
		// number, five after) come up often.
		"more than $", "an estimated £", "at least", "per year", "a month", "every day", "per cent",
		"1,000 rail carriages", "350 new x-ray", "one in", "3 in"}
	seps := []string{" ", " ", " ", " ", " ", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "", ",", "\f", "\v"}
	rng := rand.New(rand.NewPCG(7, 11))
	check := func(s string) {
		want := figure.FindAllStringIndex(s, -1)
		got := findFigures(s)
		if fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("%q: windows found %v, the pattern %v", s, got, want)
		}
	}
	for range 30_000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		check(b.String())
	}
	files, _ := filepath.Glob("../../../testdata/fixtures/*.*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			check(line)
		}
	}
	if len(files) == 0 {
		t.Error("no fixtures found")
	}
}
