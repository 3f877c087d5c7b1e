package text

import "testing"

func TestSpaceOut(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "",
		"plain text":                       "plain text",
		"A\u00a0Bloomberg poll\u00a0shows": "A  Bloomberg poll  shows",
		"thin\u2009space, “quotes”":        "thin   space, “quotes”",
		"wide\u3000space é":                "wide   space é",
	} {
		got := SpaceOut(in)
		if got != want || len(got) != len(in) {
			t.Errorf("SpaceOut(%q) = %q, want %q", in, got, want)
		}
	}
}
