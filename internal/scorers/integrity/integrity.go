// Package integrity asks whether a text is an article at all: it finds page
// chrome, paywalls, comment footers, duplicated lines, truncation and
// aggregator pages, marks them so other scorers skip them, and decides when
// too little article remains to score.
package integrity

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

var (
	RuleDuplicate = core.Rule{ID: "integrity.duplicate", Name: "Repeated text", Dimension: "integrity", Severity: core.Warning,
		Summary: "A line of the text is repeated verbatim.",
		Doc:     "Flags a line (a byline, a paragraph, a summary bullet) that appears again word for word. Repetition is a sign of a scraped or badly assembled page rather than an edited article. A paragraph pasted twice costs as damage; a repeated label, link title or template line (three copies or more) costs as furniture."}
	RulePaywall = core.Rule{ID: "integrity.paywall", Name: "Paywall", Dimension: "integrity", Severity: core.Error,
		Summary: "A paywall prompt stands where article text should be.",
		Doc:     "Flags subscription prompts (\"Subscribe to unlock this story\", \"$5/month\", \"Sign in to continue\"). The text is excluded from every other score, and a page that is mostly paywall is unscorable."}
	RuleChrome = core.Rule{ID: "integrity.chrome", Name: "Page furniture", Dimension: "integrity", Severity: core.Warning,
		Summary: "Page furniture (navigation, share buttons, account prompts) is mixed into the text.",
		Doc:     "Flags lines that are part of the web page rather than the article: \"Report issue\", share rows, cookie notices, \"Get Started Have an account? Sign in\". In a copy of a whole page, the lines before and after the article's run of paragraphs (menus, teasers, related links, comments, footers) are one finding each, as is a run of one- and two-word lines (a chart's labels). They are excluded from the other scores, and a page's furniture costs at most a few lines' worth in all."}
	RuleCommentFooter = core.Rule{ID: "integrity.comment_footer", Name: "Comment section", Dimension: "integrity", Severity: core.Info,
		Summary: "A comment form or comment count follows the article.",
		Doc:     "Flags comment-section furniture (\"Leave a Reply\", \"Your email address will not be published\"), which shows the text was scraped with the page around it."}
	RuleTruncated = core.Rule{ID: "integrity.truncated", Name: "Text cut off", Dimension: "integrity", Severity: core.Warning,
		Summary: "The text stops mid-sentence.",
		Doc:     "Flags text whose last line of prose ends without closing punctuation or with an ellipsis: the article was probably cut off, and what it went on to say is missing."}
	RuleAggregator = core.Rule{ID: "integrity.aggregator", Name: "Aggregator page", Dimension: "integrity", Severity: core.Error,
		Summary: "The page lists coverage from other outlets instead of reporting.",
		Doc:     "Flags aggregator furniture (\"Articles (8)\", \"Center (3)\", \"Read both sides\", bias-distribution counts). A page made of it has no body of its own and is unscorable as an article."}
)

// maxFurnitureLine is the longest line tested against the page patterns:
// furniture comes in short lines, and skipping paragraphs keeps this fast.
const maxFurnitureLine = 400

// maxLabelLine bounds the lines tested against whole-line label patterns
// ("Share", "Related stories").
const maxLabelLine = 60

// MinArticleWords is the least prose an article needs to be scored.
const MinArticleWords = 50

// Scorer is the integrity scorer.
type Scorer struct {
	patterns *Patterns
}

// New returns the integrity scorer over the given line patterns.
func New(patterns []*Pattern) *Scorer { return &Scorer{patterns: Compile(patterns)} }

func (*Scorer) Name() string { return "integrity" }
func (*Scorer) Rules() []core.Rule {
	return []core.Rule{RuleDuplicate, RulePaywall, RuleChrome, RuleCommentFooter, RuleTruncated, RuleAggregator}
}

var categoryRule = map[string]core.Rule{"paywall": RulePaywall, "chrome": RuleChrome, "comment_footer": RuleCommentFooter, "aggregator": RuleAggregator}

var explanations = map[string]string{
	"paywall":        "This is a subscription prompt, not reporting: the article text behind it is missing, and the prompt's own words are kept out of the other scores.",
	"chrome":         "This is part of the web page (navigation, buttons, account prompts), not of the article; it is kept out of the other scores.",
	"comment_footer": "This is the page's comment section, scraped along with the article; it is kept out of the other scores.",
	"aggregator":     "This is aggregator furniture (coverage counts, bias labels) rather than reporting: the page summarises other outlets' articles.",
}

// Stage marks page furniture as excluded, for the scorers that require
// its result, and decides whether enough article remains.
func (s *Scorer) Stage() *analysis.Stage {
	return analysis.NewStage("integrity", analysis.Integrity, nil, s.score)
}

func (s *Scorer) score(p *analysis.Pass) core.Integrity {
	lines := lines(p.Text)
	counts := map[string]int{}
	k := 0 // first token of the current line
	var sc matchScratch
	// Consecutive lines of a block pattern (a stylesheet) are one finding:
	// a reader gets one passage to look at, and it costs what its lines
	// would.
	var block struct {
		pat        *Pattern
		start, end int
		first      string
		lines      int
	}
	flush := func() {
		if block.lines == 0 {
			return
		}
		r := categoryRule[block.pat.Category]
		what := strconv.Quote(clip(block.first))
		if block.lines > 1 {
			what += fmt.Sprintf(" and %d more lines", block.lines-1)
		}
		p.Report(core.Finding{Rule: r.ID, Start: block.start, End: block.end, Severity: r.Severity, Confidence: 0.9,
			Weight: furnitureWeight * float64(block.lines), Message: r.Summary[:len(r.Summary)-1] + ": " + what + ".", Explanation: explanations[block.pat.Category]})
		p.Exclude(block.start, block.end)
		block.lines = 0
	}
	first, last := articleRegion(p, lines)
	if first > 0 {
		// The byline and date sit just above the first paragraph, among
		// lines that may be furniture too ("Share", a caption).
		p.SetTop(lines[max(0, first+keepLead-headerLead)].start)
	}
	outside := func(i int) bool { return i < first || i > last }
	for _, r := range []struct {
		from, to int
		where    string
	}{{0, first - 1, "before"}, {last + 1, len(lines) - 1, "after"}} {
		if r.from <= r.to {
			keepOut(p, lines, r.from, r.to, fmt.Sprintf("%d lines %s the article's prose", r.to-r.from+1, r.where),
				"The text reads as a copy of a whole web page: these lines (menus, links, teasers, prompts, footers) lie outside the article's run of paragraphs, so they are kept out of the other scores and count once, as the page's, not the article's.")
		}
	}
	labelRuns(p, lines, first, last)
	var heads []int // lines that head a list of links, inside the article's run
	matched := make([]bool, len(lines))
	for i := range lines {
		l := &lines[i]
		for k < len(p.Tokens) && p.Tokens[k].Start < l.start {
			k++
		}
		end := k
		for end < len(p.Tokens) && p.Tokens[end].End <= l.end {
			end++
		}
		l.first, l.last = int32(k), int32(end)
		txt := p.Text[l.start:l.end]
		var pat *Pattern
		if len(txt) <= maxFurnitureLine { // longer: a paragraph of prose, not page furniture
			pat = s.patterns.match(txt, l.toks(p), &sc)
		}
		if pat != nil && outside(i) {
			// Already kept out with the page around the article; only what
			// says the article is missing (a paywall) or not an article
			// (an aggregator) is reported on its own.
			counts[pat.Category]++
			if pat.Category != "paywall" && pat.Category != "aggregator" {
				pat = nil
			}
		} else if pat != nil {
			counts[pat.Category]++
		}
		if pat == nil || pat != block.pat || !pat.Block {
			flush()
		}
		if pat == nil {
			continue
		}
		matched[i] = true
		if pat.List {
			heads = append(heads, i)
		}
		if block.lines == 0 {
			block.pat, block.start, block.first = pat, l.start, txt
		}
		block.end = l.end
		block.lines++
	}
	flush()
	for _, h := range heads {
		linkList(p, lines, matched, h, last)
	}
	duplicates(p, lines, first > 0 || last < len(lines)-1)
	if p.Wants(RuleTruncated.ID) && !p.Cut { // it only reports: nothing else reads what it finds
		truncated(p, lines)
	}
	return core.Integrity{Unscorable: unscorable(p, lines, counts)}
}

func clip(s string) string { return text.Clip(s, 60) }

// Page furniture (a cookie banner, share buttons, a comment footer) is
// stripped and says little about the article, so it costs a quarter of a
// finding; text that is cut off or pasted twice is the article itself
// damaged, and costs twice (a repeated line of four words or fewer, such as
// a byline, is furniture).
const (
	furnitureWeight = 0.25
	damageWeight    = 2
)

// A copy of a whole web page (what a reader pastes, or a scraper's text
// dump) holds the article as one run of prose paragraphs among menus, link
// lists, teasers and footers. The lines before and after that run are
// kept out of every score as one finding each, however many they are, so
// that a page's furniture is reported as the page's and cannot decide the
// article's verdict.
const (
	proseLineWords = 10 // a line of this many words with a sentence end is prose
	maxProseGap    = 6  // non-prose lines inside the article: subheads, captions, ad markers
	keepLead       = 4  // lines kept before the prose: headline, byline, date, standfirst
	headerLead     = 12 // lines above the prose where a byline and a date are looked for
	minOutside     = 8  // fewer lines around the prose are the article's own, not a page's
	minPageLines   = 20 // a shorter text is an article, however it is laid out
	minTemplate    = 3  // a line this often in a text is the page's template
	// An article's opening paragraphs cut off from the rest by an embedded
	// video or gallery: a run of this many words this close before the
	// longest run is kept with it.
	splitLeadWords = 100
	maxSplitGap    = 15
)

// articleRegion returns the first and last line of the article in ls: the
// run of prose lines (no gap over maxProseGap) with the most words, widened
// to every run with at least a third as many words (an article split by a
// list or a table is one article) and to a split-off opening, and keepLead
// lines before it. Fewer than minOutside lines on either side are kept,
// and so is all of a text of fewer than minPageLines lines.
func articleRegion(p *analysis.Pass, ls []line) (first, last int) {
	first, last = 0, len(ls)-1
	if len(ls) < minPageLines {
		return first, last // most articles: no page to find the article in
	}
	type run struct{ first, last, words int }
	var runs []run
	lastProse := -1
	// How often each line's text occurs: a feed's "Save" or "More like
	// this" under every item is the page's template.
	seen := map[string]int{} // not sized by the lines: most repeat
	for _, l := range ls {
		seen[p.Text[l.start:l.end]]++
	}
	for i, l := range ls {
		txt := p.Text[l.start:l.end]
		n := l.words
		if n < proseLineWords || !hasSentenceEnd(txt) {
			continue
		}
		if i+1 < len(ls) && seen[p.Text[ls[i+1].start:ls[i+1].end]] >= minTemplate && !text.EndsSentence(txt) {
			// A teaser cut off mid-sentence above a template line: an item
			// of a "Recommended for you" feed, not a paragraph.
			continue
		}
		if lastProse >= 0 && i-lastProse-1 <= maxProseGap {
			runs[len(runs)-1].last = i
			runs[len(runs)-1].words += n
		} else {
			runs = append(runs, run{first: i, last: i, words: n})
		}
		lastProse = i
	}
	if len(runs) == 0 {
		return first, last
	}
	best := 0
	for i, r := range runs {
		if r.words > runs[best].words {
			best = i
		}
	}
	b := runs[best]
	lo, hi := len(ls), -1
	for _, r := range runs {
		if 3*r.words >= b.words || r.words >= splitLeadWords && r.last < b.first && b.first-r.last <= maxSplitGap {
			lo, hi = min(lo, r.first), max(hi, r.last)
		}
	}
	if lo-keepLead >= minOutside && !mostlySentences(p, ls[:lo-keepLead]) {
		first = lo - keepLead
	}
	if len(ls)-1-hi >= minOutside && !mostlySentences(p, ls[hi+1:]) {
		last = hi
	}
	return first, last
}

// mostlySentences reports lines of which half or more are sentences of
// three words or more: the article's own short paragraphs or an
// interview's turns ("They know that.", "GILANI: Yes, a long time ago."),
// where menus, link titles and footers are not sentences.
func mostlySentences(p *analysis.Pass, ls []line) bool {
	n := 0
	for _, l := range ls {
		if l.words >= 3 && text.EndsSentence(p.Text[l.start:l.end]) {
			n++
		}
	}
	return 2*n >= len(ls)
}

// maxListItems bounds the lines a list heading keeps out: a related-stories
// box holds a handful of links, not the rest of the article.
const maxListItems = 12

// linkList keeps out the list under heading line h: the lines after it
// that read as link titles (no sentence end, fewer words than a paragraph),
// up to the next paragraph, a line a pattern reported on its own
// ("Advertisement"), line last or maxListItems lines.
func linkList(p *analysis.Pass, ls []line, matched []bool, h, last int) {
	j := h + 1
	for j <= last && j-h <= maxListItems && !matched[j] && ls[j].words < 2*proseLineWords && !text.EndsSentence(p.Text[ls[j].start:ls[j].end]) {
		j++
	}
	if j > h+1 {
		keepOut(p, ls, h+1, j-1, fmt.Sprintf("a list of %d links under %q", j-h-1, clip(p.Text[ls[h].start:ls[h].end])),
			"These lines are the links of a related-stories box set inside the article, headlines of other pages rather than this article's reporting; they are kept out of the other scores.")
	}
}

// A run of this many lines or more, each of at most labelWords words and
// none a sentence, is a chart's axis labels, a menu or a tag list, not
// the article's text, even inside its run of prose.
const (
	minLabelRun = 6
	labelWords  = 2
)

// labelRuns keeps such runs between lines first and last out of the scores,
// one finding each.
func labelRuns(p *analysis.Pass, ls []line, first, last int) {
	run := 0
	for i := first; i <= last+1; i++ {
		if i <= last {
			txt := p.Text[ls[i].start:ls[i].end]
			if ls[i].words <= labelWords && !hasSentenceEnd(txt) {
				run++
				continue
			}
		}
		if from := i - run; run >= minLabelRun && !p.IsExcluded(ls[from].start, ls[i-1].end) {
			keepOut(p, ls, from, i-1, fmt.Sprintf("%d short lines in a row", run),
				"A run of one- and two-word lines that are not sentences is a chart's labels, a menu or a list of tags or links, not the article's text; it is kept out of the other scores.")
		}
		run = 0
	}
}

// hasSentenceEnd reports a sentence's end in s: ".", "!" or "?" at the end
// or before a space or a closing quote or bracket.
func hasSentenceEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '"' || s[i+1] == ')' || strings.HasPrefix(s[i+1:], "”") || strings.HasPrefix(s[i+1:], "’") {
				return true
			}
		}
	}
	return false
}

// keepOut keeps lines from..to out of the scores as one furniture finding,
// its message naming what they are and the line they start with.
func keepOut(p *analysis.Pass, ls []line, from, to int, what, explanation string) {
	start, end := ls[from].start, ls[to].end
	p.Report(core.Finding{Rule: RuleChrome.ID, Start: start, End: end, Severity: RuleChrome.Severity, Confidence: 0.8, Weight: furnitureWeight,
		Message:     fmt.Sprintf("Page furniture: %s, starting %s.", what, strconv.Quote(clip(p.Text[ls[from].start:ls[from].end]))),
		Explanation: explanation})
	p.Exclude(start, end)
}

// unscorable says why too little article remains to score, or "".
func unscorable(p *analysis.Pass, ls []line, counts map[string]int) string {
	prose := 0
	for _, l := range ls {
		if p.IsExcluded(l.start, l.end) {
			continue
		}
		if n := l.words; n >= 8 {
			prose += n
		}
	}
	var reasons []string
	switch {
	case counts["aggregator"] >= 2:
		reasons = append(reasons, "an aggregator page listing other outlets' coverage, with no body of its own")
	case counts["aggregator"] == 1 && prose < 3*MinArticleWords:
		// One link-out and little else: a teaser card or a digest entry.
		reasons = append(reasons, "a teaser that sends the reader elsewhere for the article, with no body of its own")
	}
	if counts["paywall"] > 0 && prose < 3*MinArticleWords {
		reasons = append(reasons, "the article is behind a paywall")
	}
	// A short text is just short; it is unscorable only when page furniture
	// was stripped and too little article is left.
	if prose < MinArticleWords && p.Exclusions() > 0 {
		reasons = append(reasons, fmt.Sprintf("only %d words of article prose remain (at least %d are needed)", prose, MinArticleWords))
	}
	if len(reasons) == 0 {
		return ""
	}
	return "not an article: " + strings.Join(reasons, "; ")
}

// wordCount counts space-separated words without allocating: a word starts
// at every non-space byte after a space (one table read per byte; it runs
// over every line of every document).
func wordCount(s string) int {
	n, prev := 0, byte(1)
	for i := 0; i < len(s); i++ {
		sp := spaceByte[s[i]]
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

var spaceByte = [256]byte{' ': 1, '\t': 1, '\r': 1, '\n': 1}

// line is one non-blank line of the text. A text may have millions, so it
// holds its tokens' range, not a slice of them (32 bytes, not 48).
type line struct {
	start, end  int
	words       int   // counted once: every rule of the scorer reads it
	first, last int32 // its tokens: p.Tokens[first:last]
}

func (l *line) toks(p *analysis.Pass) []text.Token { return p.Tokens[l.first:l.last] }

func lines(src string) []line {
	out := make([]line, 0, strings.Count(src, "\n")+1) // counting is cheap; growing doubles the peak
	start := 0
	for l := range strings.Lines(src) {
		s, e := start, start+len(strings.TrimSuffix(l, "\n"))
		start += len(l)
		for s < e && (src[s] == ' ' || src[s] == '\t' || src[s] == '\r') {
			s++
		}
		for e > s && (src[e-1] == ' ' || src[e-1] == '\t' || src[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, line{start: s, end: e, words: wordCount(src[s:e])})
		}
	}
	return out
}

// duplicates flags every repeat of a line seen before, compared by folded
// tokens (so case, quotes and spacing do not matter) after any list bullet.
// Lines of one word ("Overview") are ignored.
func duplicates(p *analysis.Pass, ls []line, pageCopy bool) {
	// Key hash → indices in ls of the distinct lines with it. Hashes collide
	// by design: numbers and rare words share id 0, so lines are compared too.
	seen := map[uint64][]int{}
	// Each line's number, counted once: the explanation names the line
	// repeated. int32 and one slot a line, not a list of repeats: a text of
	// a million copies of one line is within the size limit.
	numbers := make([]int32, len(ls))
	n, counted := int32(1), 0
	for i, l := range ls {
		n += int32(strings.Count(p.Text[counted:l.start], "\n"))
		numbers[i], counted = n, l.start
	}
	firstOf := make([]int32, len(ls)) // the earlier line i repeats, +1 (0: none)
	times := map[int]int{}            // repeats of each first line
	for i, l := range ls {
		toks := key(l.toks(p))
		if wordsIn(toks) < 2 || p.IsExcluded(l.start, l.end) {
			continue
		}
		sum := uint64(14695981039346656037) // FNV-1a over the token ids
		for k := range toks {
			t := &toks[k]
			sum = (sum ^ uint64(t.NormID)) * 1099511628211
		}
		first := -1
		for _, j := range seen[sum] {
			if sameKey(toks, key(ls[j].toks(p))) {
				first = j
				break
			}
		}
		if first >= 0 {
			firstOf[i] = int32(first) + 1
			times[first]++
			continue
		}
		seen[sum] = append(seen[sum], i)
	}
	for i, l := range ls {
		if firstOf[i] == 0 {
			continue
		}
		first := int(firstOf[i]) - 1
		listing := p.Listing(RuleDuplicate.ID) // past the cap only the count and cost are kept
		w, why := float64(damageWeight), "; a repeated byline or paragraph usually means the page was scraped or assembled carelessly, not edited."
		switch {
		case !pageCopy && text.IsNameLine(p.Text[l.start:l.end]):
			// A byline given twice in an article's own text: careless
			// assembly, which the weight above stands for.
		case wordsIn(key(l.toks(p))) <= 4 || !text.EndsSentence(p.Text[l.start:l.end]):
			// A label or a link's headline repeated: the page's furniture.
			w = furnitureWeight
		case times[first] >= 2:
			// Three copies or more: the page's template (a widget, a
			// gallery's captions), not a paragraph pasted twice.
			w = furnitureWeight
			if listing {
				why = fmt.Sprintf("; it appears %d times in all, as the page's own template text does (a button, a widget, a caption), so it is kept out of the scores.", times[first]+1)
			}
		case pageCopy:
			// In a copy of a whole page, a caption shown twice or a
			// player's notice is the page's repetition, not the article's.
			w, why = furnitureWeight, "; the text is a copy of a whole web page, which repeats captions and notices of its own, so the repeat is kept out of the scores as the page's."
		}
		f := core.Finding{Rule: RuleDuplicate.ID, Start: l.start, End: l.end, Severity: RuleDuplicate.Severity, Confidence: 0.95, Weight: w,
			Message: "This line repeats an earlier line verbatim."}
		if listing {
			f.Explanation = "The same line already appears on line " + strconv.Itoa(int(numbers[first])) + why
		}
		p.Report(f)
		p.Exclude(l.start, l.end)
	}
}

// wordsIn counts the tokens that are not punctuation.
func wordsIn(toks []text.Token) int {
	n := 0
	for k := range toks {
		if !toks[k].Punct {
			n++
		}
	}
	return n
}

// key is a line's tokens without a leading list bullet.
func key(toks []text.Token) []text.Token {
	for len(toks) > 0 && toks[0].Punct && (toks[0].Norm == "-" || toks[0].Norm == "*" || toks[0].Norm == "•") {
		toks = toks[1:]
	}
	return toks
}

func sameKey(a, b []text.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Norm != b[i].Norm { // not ids: numbers and rare words share id 0
			return false
		}
	}
	return true
}

// truncated checks the last line of prose (at least eight words, or four
// ending on a word no sentence ends on; not excluded): it must end with
// closing punctuation.
func truncated(p *analysis.Pass, ls []line) {
	for i := len(ls) - 1; i >= 0; i-- {
		l := ls[i]
		txt := p.Text[l.start:l.end]
		if p.IsExcluded(l.start, l.end) {
			continue
		}
		if words := strings.Fields(txt); len(words) < 8 && (len(words) < 4 || !danglingWord[strings.ToLower(words[len(words)-1])]) {
			continue
		}
		last, size := utf8.DecodeLastRuneInString(txt)
		ellipsis := strings.HasSuffix(txt, "...") || last == '…' || strings.HasSuffix(txt, "[…]") || strings.HasSuffix(txt, "[...]")
		if !ellipsis && (strings.ContainsRune(".!?\"”’')]»:", last) || unicode.IsDigit(last) && strings.HasSuffix(strings.TrimSpace(txt), "%")) {
			return
		}
		if !ellipsis && titleCase(txt) {
			continue // a headline (a link to another story), not a cut-off sentence
		}
		if !ellipsis && (endsWithContact(txt) || timestampLine.MatchString(txt)) {
			continue // an author's contact line or a timestamp: the article ends above it
		}
		if !ellipsis && listItem(p, ls, i) {
			continue // a list of headlines under "More news:", not a cut-off sentence
		}
		// Span: the last word (or the ellipsis), where the text breaks off.
		start := strings.LastIndexAny(txt[:len(txt)-size], " \t") + 1
		p.Report(core.Finding{Rule: RuleTruncated.ID, Start: l.start + start, End: l.end, Severity: RuleTruncated.Severity, Confidence: 0.75, Weight: damageWeight,
			Message:     fmt.Sprintf("The text stops mid-sentence at %q.", txt[start:]),
			Explanation: "The last paragraph ends without closing punctuation (or with an ellipsis), so the article was probably cut off when it was copied and the rest of it is missing."})
		return
	}
}

var danglingWord = lexicons.Set("dangling_words")

// listItem reports whether line i is an item of a list under a heading
// that ends in a colon ("More games news:" and the headlines below it): it
// is one of a run of at least two lines, one under the other with no blank
// line between, none ending a sentence, and the run follows the
// heading (a blank line between them or not).
func listItem(p *analysis.Pass, ls []line, i int) bool {
	open := func(j int) bool { // a headline may end with a title's closing quote
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p.Text[ls[j].start:ls[j].end], "\"”’')]»"))
		return !strings.ContainsRune(".!?:", last)
	}
	adjacent := func(j int) bool { return strings.Count(p.Text[ls[j-1].end:ls[j].start], "\n") == 1 }
	first, last := i, i
	for first > 0 && adjacent(first) && open(first-1) {
		first--
	}
	for last+1 < len(ls) && adjacent(last+1) && open(last+1) {
		last++
	}
	if last == first || first == 0 || strings.Count(p.Text[ls[first-1].end:ls[first].start], "\n") > 2 {
		return false
	}
	return strings.HasSuffix(p.Text[ls[first-1].start:ls[first-1].end], ":")
}

// endsWithContact reports a line that ends with an e-mail address, a web
// address or a social-media handle ("email him at lnolan@example.com",
// "Follow her on Twitter @ana_ruiz"): a contact line, which ends without
// a full stop by nature.
func endsWithContact(s string) bool {
	w := strings.TrimRight(s[strings.LastIndexAny(s, " \t")+1:], ")]")
	at := strings.IndexByte(w, '@')
	return at == 0 && len(w) > 1 || at > 0 && strings.Contains(w[at:], ".") ||
		strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.")
}

// timestampLine is a line that states when the page was published or
// updated ("First published July 22, 2016: 2:42 PM ET", "Updated 10:15
// GMT"), which ends with a time, not a full stop.
var timestampLine = regexp.MustCompile(`(?i)^\W*(first published|published|updated|last updated|posted|last modified|modified)\b`)

// titleCase reports a line whose longer words are nearly all capitalised,
// as in a headline: "Huckabee Makes Sexist Wife Joke To Bash Fed Chair".
func titleCase(s string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long >= 4 && upper*10 >= long*8
}
