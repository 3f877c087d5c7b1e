package framing

import (
	"testing"

	"github.com/credence-news/credence/internal/text"
)

func TestActors(t *testing.T) {
	a := NewActors(&text.StemCache{}, map[string]string{"Kyiv": "Ukraine", "Kremlin": "Russia", "White House": "United States", "Zelensky": "Ukraine"})
	toks := text.Tokenize("Kyiv and the Kremlin traded words, the White House said, and Zelensky replied.", nil)
	var sides []string
	for _, m := range a.m.Find(toks) {
		sides = append(sides, m.Entry.Category)
	}
	want := []string{"Ukraine", "Russia", "United States", "Ukraine"}
	if len(sides) != len(want) {
		t.Fatalf("sides %v, want %v", sides, want)
	}
	for i := range want {
		if sides[i] != want[i] {
			t.Errorf("mention %d: %s, want %s", i, sides[i], want[i])
		}
	}
	for source, want := range map[string]string{
		"Ukrainian President Volodymyr Zelensky":        "Ukraine",
		"The Kremlin":                                   "Russia",
		"KYIV officials":                                "Ukraine",
		"Zelensky's office":                             "Ukraine", // the apostrophe separates
		"Zelensky’s office":                             "Ukraine", // folded to one
		"Zelensky`s office":                             "Ukraine",
		"a Kremlin-backed group":                        "", // one word, not the Kremlin
		"spokesman, Kremlin":                            "Russia",
		"a source close to the talks in Geneva, Switz.": "",
		"": "",
		"An unusually long source phrase that names the Kremlin at its end": "Russia",
	} {
		if got := a.SideOf(source); got != want {
			t.Errorf("SideOf(%q) = %q, want %q", source, got, want)
		}
	}
}
