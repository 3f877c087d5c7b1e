package sourcing

import (
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
	} {
		if got := mayHoldFigure(text); got != want {
			t.Errorf("mayHoldFigure(%q) = %v, want %v", text, got, want)
		}
	}
}
