package integrity

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
)

func TestZZRegion(t *testing.T) {
	files, _ := filepath.Glob("../../../testdata/*/*")
	seeds, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		p := analysis.NewPass(&core.Document{Text: string(b)}, text.Spans, nil, nil)
		ls := lines(p.Text)
		first, last := articleRegion(p, ls)
		if first > 0 || last < len(ls)-1 {
			fmt.Println(f, len(ls), first, last)
		}
	}
}
