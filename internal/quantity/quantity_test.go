package quantity

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
)

func TestFind(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // phrase|subject
	}{
		{"About 30 nations met. Later more than two dozen nations signed.", []string{"About 30 nations|nations", "more than two dozen nations|nations"}},
		{"Approximately 40 European leaders attended,\nwith 1,200 troops.", []string{"Approximately 40 European leaders|leaders", "1,200 troops|troops"}},
		{"The bridge cost $40 million.", nil},
	} {
		p := analysis.NewPass(&core.Document{Text: c.text}, nil, nil, nil)
		var got []string
		for _, q := range Find(p) {
			if c.text[q.Start:q.End] == "" {
				t.Errorf("%q: empty span", c.text)
			}
			got = append(got, q.Phrase+"|"+q.Subject)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestWindowsFindWhatTheWholeTextDoes: the pattern on windows before each
// counted noun finds exactly what it finds over the whole text, on the
// project's own articles.
func TestWindowsFindWhatTheWholeTextDoes(t *testing.T) {
	var texts []string
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	texts = append(texts, "More than two dozen European nations and about 1,200 troops; 30% percent; some 40 years, three dozen leaders. NATIONS, 5 nations")
	n := 0
	for _, s := range texts {
		p := analysis.NewPass(&core.Document{Text: s}, nil, nil, nil)
		var want []string
		for _, m := range pattern.FindAllStringSubmatchIndex(p.Text, -1) {
			want = append(want, p.Text[m[0]:m[1]])
		}
		var got []string
		for _, q := range Find(p) {
			got = append(got, p.Text[q.Start:q.End])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("windows found %q, the whole text %q", got, want)
		}
		n += len(want)
	}
	if n < 10 {
		t.Errorf("only %d quantities in the texts: the comparison checks little", n)
	}
}
