package text

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSpansTable(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, y'all!", []string{"Hello", ",", "y", "'", "all", "!"}},
		{"Kyiv’s “stability”", []string{"Kyiv", "’", "s", "“", "stability", "”"}},
		{"\uFEFFPARIS — Д 😁", []string{"\uFEFFPARIS", "—", "Д", "😁"}},
		{"a\u00a0b\tc\r\nd", []string{"a\u00a0b", "c", "d"}},
		{"$5/month 20%", []string{"$", "5", "/", "month", "20", "%"}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range Spans(c.in) {
			got = append(got, c.in[sp[0]:sp[1]])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Spans(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

var differentialStems StemCache

// differential checks that the fast tokenizer agrees with the BERT
// pre-tokenizer of github.com/sugarme/tokenizer, byte for byte.
func differential(t *testing.T, name, src string) {
	t.Helper()
	fast, ref := Spans(src), BertSpans(src)
	// The fused tokenizer must cut exactly what Spans cuts, with the same
	// words, with and without a stem cache.
	for _, c := range []*StemCache{nil, &differentialStems} {
		if got, want := Tokenize(src, c), TokenizeWith(src, Spans, c); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("%s: Tokenize and TokenizeWith(Spans) differ:\n%+v\n%+v", name, got, want)
		}
	}
	if len(fast) == 0 && len(ref) == 0 {
		return
	}
	if !reflect.DeepEqual(fast, ref) {
		for i := range min(len(fast), len(ref)) {
			if fast[i] != ref[i] {
				t.Fatalf("%s: token %d differs: fast %v %q, bert %v %q", name, i, fast[i], src[fast[i][0]:fast[i][1]], ref[i], src[ref[i][0]:ref[i][1]])
			}
		}
		t.Fatalf("%s: %d tokens fast, %d bert", name, len(fast), len(ref))
	}
}

func TestDifferentialFiles(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../testdata/*/*.txt", "../../testdata/*/*.md", "../../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no fixture files found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		differential(t, f, string(b))
	}
}

func TestDifferentialRandom(t *testing.T) {
	alphabet := []rune("abcXYZ019 \t\n\r.,;:'\"!?-()[]$%&/\u00a0\u2019\u201c\u201d\u2014\u2013éДж😁\ufeff\u200b\u0301¿¡§€")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := rng.Intn(80); k > 0; k-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		differential(t, "random", b.String())
	}
}

func FuzzSpans(f *testing.F) {
	f.Add("Hello, world.")
	f.Add("Kyiv’s “stability” — 😁\uFEFF")
	f.Fuzz(func(t *testing.T, s string) {
		spans := Spans(s)
		prev := 0
		for _, sp := range spans {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) {
				t.Fatalf("bad span %v in %q", sp, s)
			}
			prev = sp[1]
		}
		if utf8.ValidString(s) {
			differential(t, "fuzz", s) // the reference is defined on valid UTF-8 only
		}
	})
}

func TestWordSet(t *testing.T) {
	set := NewWordSet("said", "n't", "poll")
	toks := Tokenize("Officials said the poll wasn't close; SAID Said.", &StemCache{})
	var got []string
	for i := range toks {
		if set.Has(&toks[i]) {
			got = append(got, toks[i].Norm)
		}
	}
	if want := "said poll said said"; strings.Join(got, " ") != want {
		t.Errorf("members found %q, want %q", strings.Join(got, " "), want)
	}
	for w, want := range map[string]bool{"said": true, "poll": true, "polls": false, "": false, "close": false} {
		if set.HasWord(w) != want {
			t.Errorf("HasWord(%q) = %v, want %v", w, !want, want)
		}
	}
	if (WordSet{}).HasID(0) || set.HasID(0) || set.HasID(-1) {
		t.Error("id 0 and negative ids are never members")
	}
}

func TestLooksLikeDemonym(t *testing.T) {
	for w, want := range map[string]bool{
		"russian": true, "chinese": true, "british": true, "french": true, "dutch": true, "american": true, "korean": true,
		"brian": false, "christian": false, "duncan": false, "mitch": false, "welch": false, "reese": false, "putin": false, "iran": false,
	} {
		if got := LooksLikeDemonym(w); got != want {
			t.Errorf("LooksLikeDemonym(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestReleaseKeepsNoHugeSlice: a huge document's token slice is not handed
// to the next small document (it kept the whole slice alive).
func TestReleaseKeepsNoHugeSlice(t *testing.T) {
	Release(make([]Token, 0, MaxPooled+1))
	if v := newTokens(8); cap(v) > MaxPooled {
		t.Errorf("a small document got a pooled slice of %d tokens", cap(v))
	}
}
