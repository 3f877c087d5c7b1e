package corpora

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/eval"
)

// furnitureRules are the integrity rules that mark a line as page furniture
// (kept out of the other scorers); truncation is a finding about the text,
// not furniture.
var furnitureRules = []string{"integrity.chrome", "integrity.paywall", "integrity.comment_footer", "integrity.aggregator", "integrity.duplicate"}

// newsPages are the saved pages published by news organisations (named by
// hand from the pages' outlets); the others are blogs, documentation,
// encyclopaedia articles and parser tests, whose tables, code and lists the
// reviewed article texts keep and a news reader's copy would not have.
var newsPages = map[string]bool{"ars-1": true, "bbc-1": true, "breitbart": true, "buzzfeed-1": true, "citylab-1": true,
	"cnet": true, "cnn": true, "engadget": true, "guardian-1": true, "herald-sun-1": true, "medicalnewstoday": true,
	"msn": true, "nytimes-1": true, "nytimes-2": true, "nytimes-3": true, "nytimes-4": true, "quanta-1": true,
	"salon-1": true, "seattletimes-1": true, "telegraph": true, "theverge": true, "wapo-1": true, "wapo-2": true,
	"yahoo-1": true, "yahoo-2": true, "yahoo-3": true}

// minArticleWords: a saved page whose reviewed article is shorter is a
// parser test, not an article, and is left out.
const minArticleWords = 150

// furniturePage is one English page: its plain-text dump as a reader's
// copy of the whole page, the dump's lines labelled, and the reviewed
// article text.
type furniturePage struct {
	name    string
	news    bool // from a news outlet (newsPages)
	dump    string
	lines   []dumpLine
	article string
	// title, byline, published: the page's reviewed metadata, which a CMS
	// would send with the article text; htmlDate, the date the page's HTML
	// states (metadata, JSON-LD), for pages whose review has none
	title, byline, published, htmlDate string
}

type dumpLine struct {
	start, end int
	label      string // "article", "furniture" or "title" (the headline, left out of the counts)
}

// furniturePages renders each saved English page as plain text (block
// elements on lines of their own, as a copy from a browser gives) and
// labels every line: in the reviewed article text (expected.html) or not.
func furniturePages(eng *engine.Engine) []furniturePage {
	var out []furniturePage
	for _, pg := range savedPages() {
		lang := strings.ToLower(pg.Meta.Lang)
		if lang != "" && !strings.HasPrefix(lang, "en") {
			continue
		}
		exp, err := os.ReadFile(filepath.Join(filepath.Dir(pg.Path), "expected.html"))
		if err != nil {
			continue
		}
		er, err1 := html.Parse(bytes.NewReader(exp))
		sr, err2 := html.Parse(bytes.NewReader(pg.Source))
		if err1 != nil || err2 != nil {
			continue
		}
		article := ingest.BlockText(er)
		if len(normWords(article)) < minArticleWords {
			continue
		}
		if lang == "" { // undeclared: English if the engine finds it so
			if res, err := eng.Analyze(&core.Document{ID: pg.Name, Text: article}); err != nil || res.Language != "" {
				continue
			}
		}
		dump := ingest.BlockText(sr)
		fp := furniturePage{name: pg.Name, news: newsPages[pg.Name], dump: dump, lines: labelLines(dump, article, pg.Meta.Title), article: article, title: pg.Meta.Title}
		if pg.Meta.Byline != nil {
			fp.byline = *pg.Meta.Byline
		}
		if pg.Meta.PublishedTime != nil {
			fp.published = *pg.Meta.PublishedTime
		} else if doc, err := pg.html(); err == nil {
			fp.htmlDate = doc.Published
		}
		out = append(out, fp)
	}
	return out
}

// labelLines labels each non-empty line of dump. A line of four words or
// more is the article's when at least half its word trigrams (its words,
// under three) occur in the article; a shorter line ("Share", a
// subheading) when its words occur in the article in that order and a
// neighbouring longer line is the article's, so that a lone "Share" above
// the headline is not taken for the word in the body. The line that is the
// page's title is labelled apart.
func labelLines(dump, article, title string) []dumpLine {
	artNorm := " " + strings.Join(normWords(article), " ") + " "
	grams := map[string]bool{}
	aw := normWords(article)
	for i := 0; i+3 <= len(aw); i++ {
		grams[strings.Join(aw[i:i+3], " ")] = true
	}
	titleNorm := strings.Join(normWords(title), " ")
	var lines []dumpLine
	var words [][]string
	off := 0
	for l := range strings.Lines(dump) {
		end := off + len(strings.TrimSuffix(l, "\n"))
		if w := normWords(dump[off:end]); len(w) > 0 {
			lines = append(lines, dumpLine{start: off, end: end})
			words = append(words, w)
		}
		off += len(l)
	}
	inArticle := func(w []string) bool {
		if len(w) < 3 {
			return strings.Contains(artNorm, " "+strings.Join(w, " ")+" ")
		}
		hit := 0
		for i := 0; i+3 <= len(w); i++ {
			if grams[strings.Join(w[i:i+3], " ")] {
				hit++
			}
		}
		return 2*hit >= len(w)-2
	}
	long := make([]bool, len(lines))
	for i, w := range words {
		long[i] = len(w) >= 4 && inArticle(w)
	}
	for i, w := range words {
		switch {
		case titleNorm != "" && strings.Join(w, " ") == titleNorm:
			lines[i].label = "title"
		case len(w) >= 4:
			lines[i].label = map[bool]string{true: "article", false: "furniture"}[long[i]]
		case inArticle(w) && (i > 0 && long[i-1] || i+1 < len(lines) && long[i+1]):
			lines[i].label = "article"
		default:
			lines[i].label = "furniture"
		}
	}
	return lines
}

// normWords is s lower-cased as words of letters and digits.
func normWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// pageFurniture is what one page's dump gave: line counts against the
// labels, by the rule that kept a line out, and the two scores.
type pageFurniture struct {
	page               furniturePage
	tp, fp, fn         int
	article, furniture int
	flagged, right     map[string]int // lines kept out by rule, and of those furniture
	missed             []string
	// The article text's profile, and the dump's as pasted (no metadata)
	// and with the article's metadata.
	dump, text, dumpMeta *core.Profile
}

// stability counts the pages whose dump scores within 5 points of the
// article text and in its band.
type stability struct {
	within, changed int
	moved           []string
}

func (st *stability) add(name string, text, dump *core.Profile) {
	d := math.Abs(dump.Score - text.Score)
	if d <= 5 {
		st.within++
	}
	if dump.Band != text.Band {
		st.changed++
	}
	if d > 5 || dump.Band != text.Band {
		st.moved = append(st.moved, fmt.Sprintf("%s %.1f → %.1f (%s → %s)", name, text.Score, dump.Score, text.Band, dump.Band))
	}
}

// measureFurniture scores a page's dump and its article text alone and
// compares the lines the furniture rules kept out with the labels.
func measureFurniture(eng *engine.Engine, pg furniturePage) (pageFurniture, error) {
	m := pageFurniture{page: pg, flagged: map[string]int{}, right: map[string]int{}}
	res, err := eng.Analyze(&core.Document{ID: pg.name, Source: pg.name, Text: pg.dump})
	if err != nil {
		return m, fmt.Errorf("%s: %w", pg.name, err)
	}
	// The same title, byline and date on both sides, so that only the
	// furniture differs: the reviewed date, else the one the page's HTML
	// states, else the one its text shows.
	date := pg.published
	if date == "" {
		date = pg.htmlDate
	}
	if date == "" && res.RefDate.Precision == core.PrecisionDay {
		date = res.RefDate.Value
	}
	meta := func(text string) *core.Document {
		return &core.Document{ID: pg.name, Source: pg.name, Text: text, Title: pg.title, Byline: pg.byline, Published: date}
	}
	ares, err := eng.Analyze(meta(pg.article))
	if err != nil {
		return m, fmt.Errorf("%s (article text): %w", pg.name, err)
	}
	mres, err := eng.Analyze(meta(pg.dump))
	if err != nil {
		return m, fmt.Errorf("%s (with metadata): %w", pg.name, err)
	}
	m.dump, m.text, m.dumpMeta = res.Profile, ares.Profile, mres.Profile
	flaggedBy := make([]string, len(pg.lines))
	for _, f := range res.Findings {
		if !slices.Contains(furnitureRules, f.Rule) {
			continue
		}
		for i, l := range pg.lines {
			if f.Start < l.end && l.start < f.End && flaggedBy[i] == "" {
				flaggedBy[i] = f.Rule
			}
		}
	}
	for i, l := range pg.lines {
		if l.label == "title" {
			continue
		}
		isFurniture := l.label == "furniture"
		if isFurniture {
			m.furniture++
		} else {
			m.article++
		}
		switch r := flaggedBy[i]; {
		case r != "":
			m.flagged[r]++
			if isFurniture {
				m.right[r]++
				m.tp++
			} else {
				m.fp++
			}
		case isFurniture:
			m.fn++
			if i%7 == 0 { // spread the sample over the page
				m.missed = append(m.missed, fmt.Sprintf("%s: %q", pg.name, clipLine(pg.dump[l.start:l.end])))
			}
		}
	}
	return m, nil
}

// externalFurniture measures, on the English saved pages read as plain-text
// dumps, which lines the integrity rules keep out as furniture (line by
// line, against the labels above), and how far a page's furniture moves
// its score: the dump's score against the article text's. The news
// outlets' pages are reported apart.
func externalFurniture(eng *engine.Engine, run *externalRun) (string, error) {
	pages := furniturePages(eng)
	if len(pages) == 0 {
		return "", nil
	}
	var all []pageFurniture
	for _, pg := range pages {
		m, err := measureFurniture(eng, pg)
		if err != nil {
			return "", err
		}
		all = append(all, m)
	}
	var out strings.Builder
	for _, set := range []struct {
		name, key string
		news      bool
	}{{"English news pages", "furniture.news", true}, {"all English pages", "furniture.all", false}} {
		var tp, fp, fn, article, furniture, scored int
		var alone, pasted stability
		flagged, right := map[string]int{}, map[string]int{}
		var missed []string
		for _, m := range all {
			if set.news && !m.page.news {
				continue
			}
			tp, fp, fn, article, furniture = tp+m.tp, fp+m.fp, fn+m.fn, article+m.article, furniture+m.furniture
			for r, n := range m.flagged {
				flagged[r] += n
				right[r] += m.right[r]
			}
			if len(m.missed) > 0 && len(missed) < 12 {
				missed = append(missed, m.missed[0])
			}
			if m.dump == nil || m.text == nil || m.dumpMeta == nil {
				continue
			}
			scored++
			alone.add(m.page.name, m.text, m.dumpMeta)
			pasted.add(m.page.name, m.text, m.dump)
		}
		p, r := eval.Ratio(tp, tp+fp), eval.Ratio(tp, tp+fn)
		run.metrics[set.key+".line_precision"] = p
		run.metrics[set.key+".line_recall"] = r
		run.metrics[set.key+".score_within5"] = eval.Ratio(alone.within, scored)
		run.metrics[set.key+".pasted_within5"] = eval.Ratio(pasted.within, scored)
		run.metrics[set.key+".band_changes"] = float64(alone.changed)
		rules := make([]string, 0, len(flagged))
		for id := range flagged {
			rules = append(rules, id)
		}
		sort.Strings(rules)
		var per []string
		for _, id := range rules {
			per = append(per, fmt.Sprintf("`%s` %d lines, precision %.2f", id, flagged[id], eval.Ratio(right[id], flagged[id])))
		}
		fmt.Fprintf(&out, "- **Page furniture in text dumps, %s** (%d pages whose reviewed article has ≥ %d words, each rendered to plain text as a reader's copy of the whole page; a line is the article's when it is in the reviewed article text, else furniture; %d article and %d furniture lines, headlines left out): lines kept out as furniture, precision %.3f, recall %.3f. By rule: %s. Furniture lines not caught, a sample: %s.\n",
			set.name, scored, minArticleWords, article, furniture, p, r, strings.Join(per, "; "), strings.Join(missed, "; "))
		fmt.Fprintf(&out, "- **Score stability, %s, furniture alone** (the whole-page dump against the reviewed article text, both with the page's title, byline and date as metadata, as a CMS would send them: the reviewed date, else the one the page's HTML or text states): within 5 points for %d of %d pages (%.2f); the band changes for %d. Moved by more than 5 points or across a band: %s.\n",
			set.name, alone.within, scored, eval.Ratio(alone.within, scored), alone.changed, strings.Join(alone.moved, "; "))
		fmt.Fprintf(&out, "- **Score stability, %s, as pasted** (the dump with no metadata, as a teacher pastes it, against the same article text: a page whose text shows no byline or date, or a date the reviewed metadata lacks, moves by what transparency charges for them): within 5 points for %d of %d pages (%.2f); the band changes for %d. Moved: %s.\n",
			set.name, pasted.within, scored, eval.Ratio(pasted.within, scored), pasted.changed, strings.Join(pasted.moved, "; "))
	}
	return out.String(), nil
}

func clipLine(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
