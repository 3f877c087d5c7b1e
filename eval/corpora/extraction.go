package corpora

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	readability "github.com/go-shiori/go-readability"
	json "github.com/goccy/go-json"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/ingest"
)

// externalExtraction scores HTML extraction on the benchmark pages with
// human-annotated bodies as the benchmark does: precision and recall of
// word 4-gram shingles against the annotated body, averaged over pages, F1
// from the averages. Credence's extraction is scored beside go-readability
// and go-trafilatura alone.
func externalExtraction(_ *engine.Engine, run *externalRun) (string, error) {
	dir := filepath.Join(DataDir, "extraction")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return "", nil
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return "", err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	names := []string{"Credence (go-trafilatura, go-readability as fallback)", "go-readability alone", "go-trafilatura alone"}
	var sumP, sumR [3]float64
	pages := 0
	for _, id := range ids {
		raw, err := gunzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			continue
		}
		pages++
		gold := truth[id].ArticleBody
		var got [3]string
		if doc, err := ingest.Parse(id, "html", raw); err == nil {
			got[0] = doc.Text
		}
		if root, err := html.Parse(bytes.NewReader(raw)); err == nil {
			p := readability.NewParser()
			if art, err := p.ParseDocument(root, nil); err == nil && art.Node != nil {
				got[1] = ingest.BlockText(art.Node)
			}
		}
		if res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{EnableFallback: true, ExcludeComments: true}); err == nil && res != nil {
			got[2] = res.ContentText
		}
		for i := range got {
			p, r := shinglePR(got[i], gold)
			sumP[i] += p
			sumR[i] += r
		}
	}
	if pages == 0 {
		return "", nil
	}
	var rows []string
	for i, name := range names {
		p, r := sumP[i]/float64(pages), sumR[i]/float64(pages)
		f := 2 * p * r / (p + r)
		rows = append(rows, fmt.Sprintf("%s: F1 %.3f (P %.3f, R %.3f)", name, f, p, r))
		if i == 0 {
			run.metrics["extraction.f1"] = f
		}
	}
	return fmt.Sprintf("- **HTML extraction** (%d real pages with human-annotated bodies, the development half of a public benchmark; word 4-gram shingles against the annotated body, averaged over pages): %s.\n", pages, strings.Join(rows, "; ")), nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

var shingleWord = regexp.MustCompile(`\w+`)

// shinglePR is the precision and recall of pred's word 4-grams against
// gold's, counted with multiplicity (both empty: 1 and 1).
func shinglePR(pred, gold string) (float64, float64) {
	count := func(s string) (map[string]int, int) {
		toks := shingleWord.FindAllString(strings.ToLower(s), -1)
		m, n := map[string]int{}, 0
		for i := 0; i+4 <= len(toks); i++ {
			m[strings.Join(toks[i:i+4], " ")]++
			n++
		}
		return m, n
	}
	p, np := count(pred)
	g, ng := count(gold)
	if np == 0 && ng == 0 {
		return 1, 1
	}
	hit := 0
	for k, v := range p {
		hit += min(v, g[k])
	}
	var P, R float64
	if np > 0 {
		P = float64(hit) / float64(np)
	}
	if ng > 0 {
		R = float64(hit) / float64(ng)
	}
	return P, R
}
