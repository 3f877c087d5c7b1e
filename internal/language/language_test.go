package language

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"english", strings.Repeat("The council approved the budget on Tuesday after a long debate about the new bridge. ", 4), "en"},
		{"french", strings.Repeat("Le conseil municipal a adopté le budget mardi après un long débat sur le nouveau pont. ", 4), "fr"},
		{"portuguese", strings.Repeat("O conselho municipal aprovou o orçamento na terça-feira depois de um longo debate sobre a nova ponte. ", 4), "pt"},
		{"german", strings.Repeat("Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt für die neue Brücke beschlossen, die über den Fluss führen soll. Die Bürger der Stadt warten seit Jahren darauf. ", 3), "de"},
		{"too short", "Le conseil a voté.", ""},
	} {
		if got := Detect(c.text).Code; got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if !(Detected{}).English() || !(Detected{Code: "en"}).English() || (Detected{Code: "fr"}).English() {
		t.Error("English(): unknown and en run the English rules, fr does not")
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The council approved the budget on Tuesday after a long debate about the new bridge. ", 200)
	b.SetBytes(sampleBytes)
	for b.Loop() {
		Detect(text)
	}
}
