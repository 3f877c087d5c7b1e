package corpora

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	json "github.com/goccy/go-json"
	"golang.org/x/net/html"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
)

// externalRefDates measures the reference date against the saved pages'
// published time (where the page states one): read as HTML (metadata,
// JSON-LD, then the text), and as a reader's copy of the whole page in
// plain text, furniture included and no metadata, as a teacher pastes it.
func externalRefDates(eng *engine.Engine, run *externalRun) (string, error) {
	var pages, htmlRight, textRight, textFound int
	var misses []string
	for _, pg := range savedPages() {
		if pg.Meta.PublishedTime == nil || len(*pg.Meta.PublishedTime) < 10 {
			continue
		}
		want, name, src := (*pg.Meta.PublishedTime)[:10], pg.Name, pg.Source
		pages++
		if doc, err := pg.html(); err == nil {
			if res, _ := eng.Analyze(doc); res.RefDate.Value == want {
				htmlRight++
			}
		}
		root, err := html.Parse(bytes.NewReader(src))
		if err != nil {
			continue
		}
		text := ingest.BlockText(root)
		res, _ := eng.Analyze(&core.Document{ID: name, Source: name, Text: text})
		if res.RefDate.Known() {
			textFound++
		}
		if res.RefDate.Value == want {
			textRight++
		} else {
			misses = append(misses, fmt.Sprintf("%s: %s, found %q (%s)", name, want, res.RefDate.Value, res.RefDate.Method))
		}
	}
	if pages == 0 {
		return "", nil
	}
	meta := pageMetadata()
	run.metrics["refdate.html"] = float64(htmlRight) / float64(pages)
	run.metrics["refdate.text"] = float64(textRight) / float64(pages)
	return fmt.Sprintf("- **Reference dates on real pages** (%d of the saved pages state a published time): read as HTML, the day is right for %d (%.2f); as a plain-text copy of the whole page, furniture included and no metadata, a date is found for %d and the day is right for %d (%.2f). Misses on the text copies: %s.\n",
		pages, htmlRight, float64(htmlRight)/float64(pages), textFound, textRight, float64(textRight)/float64(pages), strings.Join(misses, "; ")) + meta, nil
}

// pageMetadata measures the title and byline read from each saved page's
// HTML against the page's reviewed metadata: the title when it matches
// once case and spacing are set aside, the byline when one holds the other
// (the review may keep "By" or a second author the page's markup drops).
func pageMetadata() string {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	var titles, titleRight, bylines, bylineRight int
	var wrong []string
	for _, pg := range savedPages() {
		doc, err := pg.html()
		if err != nil {
			continue
		}
		if want := norm(pg.Meta.Title); want != "" {
			titles++
			if norm(doc.Title) == want {
				titleRight++
			} else if len(wrong) < 8 {
				wrong = append(wrong, fmt.Sprintf("%s: %q for %q", pg.Name, doc.Title, pg.Meta.Title))
			}
		}
		if pg.Meta.Byline != nil && norm(*pg.Meta.Byline) != "" {
			bylines++
			want, got := norm(*pg.Meta.Byline), norm(doc.Byline)
			if got != "" && (strings.Contains(want, got) || strings.Contains(got, want)) {
				bylineRight++
			}
		}
	}
	if titles == 0 {
		return ""
	}
	return fmt.Sprintf("- **Title and byline from real pages** (the saved pages read as HTML, against their reviewed metadata): title right for %d of %d (%.2f); byline right for %d of the %d that have one (%.2f). Titles that differ, a sample: %s.\n",
		titleRight, titles, float64(titleRight)/float64(titles), bylineRight, bylines, float64(bylineRight)/float64(max(bylines, 1)), strings.Join(wrong, "; "))
}

// savedPage is one of the saved web pages in DataDir/pages: its HTML and
// the metadata a person checked.
type savedPage struct {
	Name, Path string // the page's folder name; its source.html
	Source     []byte
	Meta       struct {
		Lang          string  `json:"lang"`
		Title         string  `json:"title"`
		Byline        *string `json:"byline"`
		PublishedTime *string `json:"publishedTime"`
	}
}

// parsedPages holds each saved page read as HTML, by path: the report
// reads a page's HTML in several sections, and reading one takes ~15 ms.
var parsedPages sync.Map

type parsedPage struct {
	doc *core.Document
	err error
}

// html returns the page read as HTML (as `credence score page.html` reads
// it), a copy of its Document for the caller to analyse.
func (pg savedPage) html() (*core.Document, error) {
	v, ok := parsedPages.Load(pg.Path)
	if !ok {
		doc, err := ingest.Parse(pg.Name, "html", pg.Source)
		v, _ = parsedPages.LoadOrStore(pg.Path, parsedPage{doc, err})
	}
	pp := v.(parsedPage)
	if pp.err != nil {
		return nil, pp.err
	}
	d := *pp.doc
	return &d, nil
}

// savedPages reads the saved pages that have both their HTML and their
// expected metadata.
func savedPages() []savedPage {
	metas, _ := filepath.Glob(filepath.Join(DataDir, "pages", "*", "expected-metadata.json"))
	var out []savedPage
	for _, m := range metas {
		pg := savedPage{Name: filepath.Base(filepath.Dir(m)), Path: filepath.Join(filepath.Dir(m), "source.html")}
		b, err := os.ReadFile(m)
		if err != nil || json.Unmarshal(b, &pg.Meta) != nil {
			continue
		}
		if pg.Source, err = os.ReadFile(pg.Path); err != nil {
			continue
		}
		out = append(out, pg)
	}
	return out
}
