package framing

import (
	"testing"

	"github.com/credence-news/credence/engine/text"
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
	if got := a.SideOf("Ukrainian President Volodymyr Zelensky"); got != "Ukraine" {
		t.Errorf("SideOf = %q", got)
	}
	if got := a.SideOf("The Kremlin"); got != "Russia" {
		t.Errorf("SideOf(The Kremlin) = %q", got)
	}
}
