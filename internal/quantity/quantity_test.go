package quantity

import (
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
