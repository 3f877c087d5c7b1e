// Package refdate finds the date an article speaks from, with the method and
// the evidence: metadata, a dateline (its year inferred when missing),
// explicit dates, anniversaries and durations of known events, and mentions
// of dated events. Precision is day, month, year or none: it never guesses.
package refdate

import (
	"fmt"
	"github.com/credence-news/credence/lexicons"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/internal/text"
)

const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var (
	// "PARIS, September 4, 2025 —", "Paris, Sept. 1 -", "LONDON, 4 September 2025 (Reuters) -"
	datelineMD  = regexp.MustCompile(`^\p{Lu}[\p{L} .'’-]{1,40},?\s+` + monthRe + `\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:\([^)]*\)\s*)?[—–-]`)
	datelineDM  = regexp.MustCompile(`^\p{Lu}[\p{L} .'’-]{1,40},?\s+(\d{1,2})\s+` + monthRe + `(?:\s+(\d{4}))?\s*(?:\([^)]*\)\s*)?[—–-]`)
	explicitMDY = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	explicitDMY = regexp.MustCompile(`\b(\d{1,2})\s+` + monthRe + `,?\s+(\d{4})\b`)
	explicitISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	anniversary = regexp.MustCompile(`(?i)\b(approach(?:es|ing)?|nears?|nearing|marks?|marked|marking|enters?|entering|entered|reached|reaches|passed|passes|on|in|into|after|more than|almost|nearly)\s+(?:its|the|their|his|her)?\s*(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(anniversary|years?)\b`)
)

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// Month is the month a name or its abbreviation names ("March", "Sept.",
// "mar"): read by its first three letters, so callers pass only words they
// know to be months.
func Month(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:3]) {
			return m
		}
	}
	return 0
}

func day(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, d >= 1 && t.Day() == d && y > 1800
}

// Top is how far into an article (bytes from Pass.ArticleStart, past any
// page furniture) a written date is the article's own, as under a
// headline; past it, a date is one the story mentions.
const Top = 400

// Find sets p.RefDate. override, when non-empty, is a YYYY-MM-DD or YYYY-MM date.
func Find(p *analysis.Pass, k *kb.KB, override string) {
	if p.Continued {
		return // the document's date, found in its first window
	}
	p.RefDate = find(p, k, override)
}

// Stage finds the reference date (Pass.RefDate and the RefDate result)
// with the knowledge base's events; override, when set, is the date.
func Stage(k *kb.KB, override string) *analysis.Stage {
	// After integrity: the article's top is past the page furniture it excludes.
	return analysis.NewStage("reference date", analysis.RefDate, []analysis.Key{analysis.Integrity}, func(p *analysis.Pass) core.RefDate {
		Find(p, k, override)
		return p.RefDate
	})
}

func find(p *analysis.Pass, k *kb.KB, override string) core.RefDate {
	if override != "" {
		if r, ok := parseValue(override, "override", "set by configuration"); ok {
			return r
		}
	}
	if p.Doc.Published != "" {
		if r, ok := parseValue(p.Doc.Published, "metadata", "published: "+p.Doc.Published); ok {
			return r
		}
	}
	// The events are found only if a rule below needs them (a dateline
	// without a year, anniversaries, the fallback); the factual scorer
	// reuses them from the pass.
	if r, ok := dateline(p, k); ok {
		return r
	}
	if r, ok := header(p); ok {
		return r
	}
	if r, ok := latestExplicit(p); ok {
		// A date in the body is one the story mentions ("gave $5,000 on
		// June 27, 2014"): the article is no earlier, and may be years later.
		if r.Start-p.ArticleStart() >= Top {
			r.Latest = core.Unbounded
		}
		return r
	}
	events := MentionedEvents(p, k)
	if r, ok := fromAnniversary(p, events); ok {
		return r
	}
	// The latest event the text names outright; a loose mention ("Brexit",
	// "the war") means that event only in a text written after it, and a
	// landmark ("the September 11 attacks") is named for decades, so neither
	// can date one.
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; !e.Loose && !e.ev.Landmark {
			return rangeDate(e.ev.Date.Time, e.ev.Date.AddDate(0, 2, 0), "event", "refers to "+e.ev.Name+" ("+e.ev.Date.Format("2 January 2006")+") as past", e.span)
		}
	}
	return core.RefDate{Precision: core.PrecisionNone, Method: "none"}
}

// parseValue reads metadata dates in the common forms.
func parseValue(s, method, evidence string) (core.RefDate, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "2006/01/02", "January 2, 2006",
		"2 January 2006", "Jan 2, 2006", "2 Jan 2006", "Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, 02 Jan 2006 15:04:05 -0700", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			return core.RefDate{Value: d.Format("2006-01-02"), Precision: core.PrecisionDay, Method: method, Evidence: evidence, Time: d, Latest: d.AddDate(0, 0, 1)}, true
		}
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return core.RefDate{Value: s, Precision: core.PrecisionMonth, Method: method, Evidence: evidence, Time: t, Latest: t.AddDate(0, 1, 0)}, true
	}
	if t, err := time.Parse("2006", s); err == nil {
		return core.RefDate{Value: s, Precision: core.PrecisionYear, Method: method, Evidence: evidence, Time: t, Latest: t.AddDate(1, 0, 0)}, true
	}
	return core.RefDate{}, false
}

// EventMention is a KB event referred to in the text, with the sentence.
type EventMention struct {
	ev        kb.Event
	span      core.Span // the first sentence that mentions it
	sentences []int     // every sentence that mentions it, in order
	// Loose is set when only a loose phrase refers to the event.
	Loose bool
}

// Event returns the mentioned event.
func (e EventMention) Event() kb.Event { return e.ev }

// Span returns the sentence that mentions it.
func (e EventMention) Span() core.Span { return e.span }

// Sentences returns every sentence that mentions it, in order.
func (e EventMention) Sentences() []int { return e.sentences }

// mentioned caches the mentioned events for the document.
var mentioned = analysis.NewResult[[]EventMention]("refdate: events mentioned")

// MentionedEvents returns KB events referred to in the text, in date order:
// the words of one of an event's phrases appear (as stems) close together
// in a sentence.
func MentionedEvents(p *analysis.Pass, k *kb.KB) []EventMention {
	if k == nil {
		return nil
	}
	return analysis.Memo(p, mentioned, func() []EventMention { return mentionedEvents(p, k) })
}

func mentionedEvents(p *analysis.Pass, k *kb.KB) []EventMention {
	phrases := eventPhrases(k)
	// Index: stem → sentences containing it, for the stems phrases use.
	where := map[int32][]int{}
	for si, s := range p.Sentences {
		if p.Stopped() {
			break
		}
		for j := s.First; j < s.Last; j++ {
			t := &p.Tokens[j]
			if !phrases.uses(t.StemID) {
				continue
			}
			if l := where[t.StemID]; len(l) == 0 || l[len(l)-1] != si {
				where[t.StemID] = append(l, si)
			}
		}
	}
	// in adds to sents every sentence holding the words of a phrase close
	// together: words of the phrase scattered over a long sentence are not
	// the event.
	in := func(sents []int, want []text.Token) []int {
		if len(want) == 0 {
			return sents
		}
		// Candidates: the sentences of the first word, filtered by the rest.
	candidates:
		for _, si := range where[want[0].StemID] {
			for _, w := range want[1:] {
				if !contains(where[w.StemID], si) {
					continue candidates
				}
			}
			if near(p.Tokens[p.Sentences[si].First:p.Sentences[si].Last], want) {
				sents = append(sents, si)
			}
		}
		return sents
	}
	var out []EventMention
	for ei, ev := range k.Events {
		var sents []int
		for _, want := range phrases.tokens[ei] {
			sents = in(sents, want)
		}
		loose := false
		if len(sents) == 0 && hasAny(where, phrases.context[ei]) {
			for _, want := range phrases.loose[ei] {
				sents = in(sents, want)
			}
			loose = true
		}
		if len(sents) == 0 {
			continue
		}
		sort.Ints(sents)
		sents = slices.Compact(sents)
		first := p.Sentences[sents[0]]
		out = append(out, EventMention{ev, core.Span{Start: first.Start, End: first.End}, sents, loose})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ev.Date.Before(out[j].ev.Date.Time) })
	return out
}

// near reports whether toks hold every stem of want within a few words of
// each other (a window of phraseReach words per phrase word): "the death of
// Pope Benedict" is the phrase {death, Benedict}; a word from a hyphenated
// compound early in a long sentence and another at its end are not.
func near(toks, want []text.Token) bool {
	reach := phraseReach * len(want)
	for i := range toks {
		if toks[i].StemID != want[0].StemID {
			continue
		}
		lo, hi := max(0, i-reach), min(len(toks), i+reach+1)
		all := true
		for _, w := range want[1:] {
			found := false
			for k := lo; k < hi && !found; k++ {
				found = toks[k].StemID == w.StemID
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

// phraseReach is how many words apart, per word of the phrase, an event
// phrase's words may be: its function words, a title, a place between them.
const phraseReach = 4

// phraseIndex is the events' phrases tokenized and stemmed once per KB.
type phraseIndex struct {
	tokens  [][][]text.Token // event → phrase → tokens
	loose   [][][]text.Token // event → loose phrase → tokens
	context []map[int32]bool // event → stems of its context words
	stems   []bool           // by stem id: used by some phrase (a table, read for every token)
}

func (pi *phraseIndex) uses(id int32) bool { return id >= 0 && int(id) < len(pi.stems) && pi.stems[id] }

func (pi *phraseIndex) add(id int32) {
	for int(id) >= len(pi.stems) {
		pi.stems = append(pi.stems, false)
	}
	pi.stems[id] = true
}

var (
	phraseMu    sync.Mutex
	phraseCache = map[*kb.KB]*phraseIndex{}
)

func eventPhrases(k *kb.KB) *phraseIndex {
	phraseMu.Lock()
	defer phraseMu.Unlock()
	if pi, ok := phraseCache[k]; ok {
		return pi
	}
	stems := &text.StemCache{}
	pi := &phraseIndex{}
	tokenize := func(phrases []string) [][]text.Token {
		var toks [][]text.Token
		for _, ph := range phrases {
			t := text.Tokenize(ph, stems)
			for i := range t {
				// Interned here: a phrase word with a digit ("2024") is not
				// cached, and an id of 0 would match every such word.
				t[i].StemID = text.Intern(text.StemOf(&t[i], stems))
				pi.add(t[i].StemID)
			}
			toks = append(toks, t)
		}
		return toks
	}
	for _, ev := range k.Events {
		pi.tokens = append(pi.tokens, tokenize(ev.Phrases))
		pi.loose = append(pi.loose, tokenize(ev.Loose))
		var ctx map[int32]bool
		for _, w := range ev.Context {
			if ctx == nil {
				ctx = map[int32]bool{}
			}
			id := text.Intern(stems.Stem(text.Fold(w)))
			ctx[id] = true
			pi.add(id) // indexed with the phrase words: no extra pass
		}
		pi.context = append(pi.context, ctx)
	}
	phraseCache[k] = pi
	return pi
}

// hasAny reports whether the text has a word with one of the stems.
func hasAny(where map[int32][]int, stems map[int32]bool) bool {
	for id := range stems {
		if len(where[id]) > 0 {
			return true
		}
	}
	return false
}

// contains reports whether the sorted list holds x.
func contains(list []int, x int) bool {
	i := sort.SearchInts(list, x)
	return i < len(list) && list[i] == x
}

func dateline(p *analysis.Pass, k *kb.KB) (core.RefDate, bool) {
	as := p.ArticleStart()
	dl, ok := findDateline(p.Text[as:])
	if !ok {
		return core.RefDate{}, false
	}
	start, end, y := as+dl.Start, as+dl.End, dl.year
	evidence := strings.TrimSpace(p.Text[start:end])
	if y == 0 {
		y = inferYear(p, dl.month, dl.day, MentionedEvents(p, k))
		if y == 0 {
			return core.RefDate{Precision: core.PrecisionNone, Method: "dateline", Evidence: evidence + " (no year, and none could be inferred)", Start: start, End: end}, true
		}
		evidence += fmt.Sprintf(" (year %d inferred from the dated events and dates the text mentions)", y)
	}
	t, ok := day(y, dl.month, dl.day)
	if !ok {
		return core.RefDate{}, false
	}
	return core.RefDate{Value: t.Format("2006-01-02"), Precision: core.PrecisionDay, Method: "dateline", Evidence: evidence, Start: start, End: end, Time: t, Latest: t.AddDate(0, 0, 1)}, true
}

// datelineMatch is a dateline found in the text: its span and the date it
// gives (year 0 when it has none).
type datelineMatch struct {
	core.Span
	month     time.Month
	day, year int
}

// DatelineSpan returns the span of the article's dateline ("WASHINGTON,
// February 14, 2025 —"), if it has one: the article's own date, which
// says nothing about the time its first sentence speaks of.
func DatelineSpan(text string) (core.Span, bool) {
	dl, ok := findDateline(text)
	return dl.Span, ok
}

// findDateline looks for a dateline opening one of the first three
// non-empty lines.
func findDateline(text string) (datelineMatch, bool) {
	off, seen := 0, 0
	for off < len(text) && seen < 3 {
		line := text[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		lineStart := off
		off += len(line) + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		seen++
		lead := len(line) - len(strings.TrimLeft(line, " \t\ufeff"))
		trimmed := line[lead:]
		var dl datelineMatch
		var loc []int
		if m := datelineMD.FindStringSubmatchIndex(trimmed); m != nil {
			loc = m
			dl.month = Month(trimmed[m[2]:m[3]])
			dl.day, _ = strconv.Atoi(trimmed[m[4]:m[5]])
			if m[6] >= 0 {
				dl.year, _ = strconv.Atoi(trimmed[m[6]:m[7]])
			}
		} else if m := datelineDM.FindStringSubmatchIndex(trimmed); m != nil {
			loc = m
			dl.day, _ = strconv.Atoi(trimmed[m[2]:m[3]])
			dl.month = Month(trimmed[m[4]:m[5]])
			if m[6] >= 0 {
				dl.year, _ = strconv.Atoi(trimmed[m[6]:m[7]])
			}
		}
		if loc != nil {
			dl.Start, dl.End = lineStart+lead+loc[0], lineStart+lead+loc[1]
			return dl, true
		}
	}
	return datelineMatch{}, false
}

// inferYear picks the year that puts the dateline within a month of a KB
// event the text mentions, or of an explicit dated mention of the same month.
func inferYear(p *analysis.Pass, mo time.Month, d int, events []EventMention) int {
	for _, e := range events {
		ed := e.ev.Date.Time
		for _, y := range []int{ed.Year() - 1, ed.Year(), ed.Year() + 1} {
			if t, ok := day(y, mo, d); ok {
				if diff := t.Sub(ed); diff > -31*24*time.Hour && diff < 31*24*time.Hour && !e.ev.Anniversary {
					return y
				}
			}
		}
	}
	if r, ok := latestExplicit(p); ok && r.Time.Month() == mo {
		return r.Time.Year()
	}
	return 0
}

// latestExplicit returns the latest full date written in the text.
func latestExplicit(p *analysis.Pass) (core.RefDate, bool) {
	// Every full date has a four-digit year token. The date patterns run on
	// a few tokens around each year, not the whole text: a regular
	// expression over megabytes was most of a large document's cost, and a
	// window can be abandoned when the budget runs out.
	// A window holds a full date only if it has a month name ("May 10,
	// 2016") or a year followed by a hyphen ("2016-05-10"): the patterns
	// run only where they can match.
	type window struct {
		start, end     int
		month, isoLike bool
	}
	var windows []window
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if n := t.Norm; len(n) == 4 && (n[0] == '1' || n[0] == '2') && text.IsDigits(n) {
			// The year ends "May 10, 2016" and opens "2016 - 05 - 10".
			first, last := max(0, i-yearWindow), min(len(p.Tokens)-1, i+4)
			start, end := p.Tokens[first].Start, p.Tokens[last].End
			k := len(windows) - 1
			if k < 0 || start > windows[k].end {
				windows = append(windows, window{start: start, end: end})
				k++
			}
			w := &windows[k]
			w.end = end
			w.isoLike = w.isoLike || i+1 < len(p.Tokens) && p.Tokens[i+1].Norm == "-"
			for j := first; j <= last && !w.month; j++ {
				w.month = monthWord.Has(&p.Tokens[j])
			}
		}
	}
	var best core.RefDate
	found := false
	as := p.ArticleStart()
	consider := func(t time.Time, start, end int) {
		// A date in page furniture (a teaser's, a comment's) is not the
		// article's.
		if start-as >= Top && looksAhead(p, start) || p.IsExcluded(start, end) {
			return
		}
		if !found || t.After(best.Time) {
			best = core.RefDate{Value: t.Format("2006-01-02"), Precision: core.PrecisionDay, Method: "explicit", Evidence: p.Text[start:end], Start: start, End: end, Time: t, Latest: t.AddDate(0, 0, 1)}
			found = true
		}
	}
	// Pattern by pattern, as over the whole text: among equal dates the
	// first pattern's match is kept.
	each := func(re *regexp.Regexp, f func(text string, m []int) (time.Time, bool)) {
		iso := re == explicitISO
		for _, w := range windows {
			if p.Stopped() {
				return
			}
			if iso && !w.isoLike || !iso && !w.month {
				continue
			}
			text := p.Text[w.start:w.end]
			for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
				if t, ok := f(text, m); ok {
					consider(t, w.start+m[0], w.start+m[1])
				}
			}
		}
	}
	each(explicitMDY, func(text string, m []int) (time.Time, bool) {
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		return day(y, Month(text[m[2]:m[3]]), d)
	})
	each(explicitDMY, func(text string, m []int) (time.Time, bool) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		return day(y, Month(text[m[4]:m[5]]), d)
	})
	each(explicitISO, func(text string, m []int) (time.Time, bool) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		return day(y, time.Month(mo), d)
	})
	return best, found
}

// monthWord are the folded month names and abbreviations of monthRe.
var monthWord = text.NewWordSet(lexicons.Words("month_words")...)

// yearWindow is how many tokens before a year a full date can start:
// "Sept . 21 , 2016" is five; ISO dates are one token or five.
const yearWindow = 8

// aheadCue words look forward: "serve until January 21, 2017", "talks
// will resume on March 3".
var aheadCue = text.NewWordSet(lexicons.Words("ahead_cues")...)

// looksAhead reports whether the sentence holding byte off looks forward in
// time: a date there is no bound on when the article was written.
func looksAhead(p *analysis.Pass, off int) bool {
	si := p.SentenceAt(off)
	if si < 0 {
		return false
	}
	toks := p.SentenceTokens(si)
	for k := range toks {
		if aheadCue.Has(&toks[k]) {
			return true
		}
	}
	return false
}

// Anniversaries parses the anniversary and duration phrases of a text
// against its anniversary events. Exported for factual.date's consistency check.
type Anniversary struct {
	Event    kb.Event
	Span     core.Span
	From, To time.Time
	Phrase   string
	// Near is set when the event is named in the anniversary's own sentence
	// or the one before; otherwise it is only somewhere in the text.
	Near bool
}

// Anniversaries finds "approaches its fourth anniversary", "enters its third
// year", "approaches four years" next to a mention of an anniversary event.
func Anniversaries(p *analysis.Pass, events []EventMention) []Anniversary {
	hasAnniversaryEvent := false
	for _, e := range events {
		hasAnniversaryEvent = hasAnniversaryEvent || e.ev.Anniversary
	}
	if !hasAnniversaryEvent {
		return nil
	}
	var out []Anniversary
	// The phrase ends in "anniversary", "year" or "years": run the pattern
	// only on a short window before each such word.
	for i := range p.Tokens {
		t := &p.Tokens[i]
		if t.Norm != "anniversary" && t.Norm != "year" && t.Norm != "years" {
			continue
		}
		from := max(0, t.Start-80)
		for from > 0 && !utf8.RuneStart(p.Text[from]) {
			from--
		}
		for _, m := range anniversary.FindAllStringSubmatchIndex(p.Text[from:t.End], -1) {
			if from+m[1] != t.End {
				continue
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += from
				}
			}
			out = appendAnniversary(out, p, events, m)
		}
		// "three years since the invasion": the count comes first and the
		// event after "since" (an "after" is as often a narrative's past,
		// "a year after the invasion, he moved", and is left alone).
		if i > 0 && i+1 < len(p.Tokens) && p.Tokens[i+1].Norm == "since" && (len(out) == 0 || out[len(out)-1].Span.End != t.End) {
			out = appendYearsSince(out, p, events, i-1, i+2, false)
		}
		// "the full-scale invasion three years ago": the same count, after
		// the event; only an event its own phrase names ("Brexit" alone
		// is the withdrawal of 2020, but "voted for Brexit three years
		// ago" is the referendum).
		if i > 0 && i+1 < len(p.Tokens) && p.Tokens[i+1].Norm == "ago" {
			out = appendYearsSince(out, p, events, i-1, i+2, true)
		}
	}
	return out
}

// appendYearsSince interprets "N years since" at tokens [first, end) when
// an anniversary event is named in its sentence: the text is written
// about N years after it.
func appendYearsSince(out []Anniversary, p *analysis.Pass, events []EventMention, first, end int, strict bool) []Anniversary {
	var n int // "a", "three" or "3"; an ordinal counts no years
	switch w := p.Tokens[first].Norm; {
	case w == "a":
		n = 1
	case isCardinal(w):
		if n = ordinals[w]; n == 0 {
			n, _ = strconv.Atoi(w)
		}
	}
	if n <= 0 || n > 80 {
		return out
	}
	si := p.SentenceAt(p.Tokens[first].Start)
	if si < 0 {
		return out
	}
	ev, near, ok := anniversaryEvent(p, events, si, strict)
	if !ok || !near {
		return out
	}
	mark := ev.Date.Time.AddDate(n, 0, 0)
	start, stop := p.Tokens[first].Start, p.Tokens[end-1].End
	return append(out, Anniversary{Event: ev, Span: core.Span{Start: start, End: stop}, From: mark.AddDate(0, -2, 0), To: mark.AddDate(1, 0, 0), Phrase: p.Text[start:stop], Near: near})
}

// appendAnniversary interprets one match of the anniversary pattern.
func appendAnniversary(out []Anniversary, p *analysis.Pass, events []EventMention, m []int) []Anniversary {
	verb := strings.ToLower(p.Text[m[2]:m[3]])
	numWord := strings.ToLower(p.Text[m[4]:m[5]])
	unit := strings.ToLower(p.Text[m[6]:m[7]])
	n, ok := ordinals[numWord]
	if !ok {
		n, _ = strconv.Atoi(strings.TrimRight(numWord, "stndrh"))
	}
	if n <= 0 || n > 80 {
		return out
	}
	// "in 25 years", "on two years": a cardinal after in/on/into is a span of
	// time ("the first time in 25 years"), not a count from an event.
	if (verb == "in" || verb == "on" || verb == "into") && isCardinal(numWord) {
		return out
	}
	si := p.SentenceAt(m[0])
	if si < 0 {
		return out
	}
	ev, near, ok := anniversaryEvent(p, events, si, false)
	if !ok {
		return out
	}
	e := ev.Date.Time
	mark := e.AddDate(n, 0, 0)
	var from, to time.Time
	ordinal := !isCardinal(numWord)
	switch {
	case unit == "anniversary" && strings.HasPrefix(verb, "approach") || strings.HasPrefix(verb, "near"):
		from, to = mark.AddDate(0, -3, 0), mark
	case unit == "anniversary":
		from, to = mark.AddDate(0, 0, -7), mark.AddDate(0, 1, 0)
	case ordinal && (strings.HasPrefix(verb, "enter") || verb == "in" || verb == "into"):
		// "enters its fourth year": the fourth year begins at the third anniversary.
		start := e.AddDate(n-1, 0, 0)
		from, to = start.AddDate(0, 0, -7), start.AddDate(0, 3, 0)
		if verb == "in" {
			to = e.AddDate(n, 0, 0)
		}
	case strings.HasPrefix(verb, "approach") || strings.HasPrefix(verb, "near") || verb == "almost" || verb == "nearly":
		from, to = mark.AddDate(0, -3, 0), mark
	case verb == "more than" || verb == "after" || strings.HasPrefix(verb, "pass"):
		from, to = mark, mark.AddDate(1, 0, 0)
	default:
		from, to = mark.AddDate(0, 0, -14), mark.AddDate(0, 3, 0)
	}
	out = append(out, Anniversary{Event: ev, Span: core.Span{Start: m[0], End: m[1]}, From: from, To: to, Phrase: p.Text[m[0]:m[1]], Near: near})
	return out
}

func isCardinal(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	_, err := strconv.Atoi(w)
	return err == nil
}

// anniversaryEvent picks the anniversary event named in sentence si or the
// one before (near), or else one named anywhere in the text.
func anniversaryEvent(p *analysis.Pass, events []EventMention, si int, strict bool) (ev kb.Event, near, ok bool) {
	var any *kb.Event
	for i, e := range events {
		if !e.ev.Anniversary || strict && e.Loose {
			continue
		}
		if contains(e.sentences, si) || contains(e.sentences, si-1) {
			return e.ev, true, true
		}
		if any == nil {
			any = &events[i].ev
		}
	}
	if any != nil {
		return *any, false, true
	}
	return kb.Event{}, false, false
}

func fromAnniversary(p *analysis.Pass, events []EventMention) (core.RefDate, bool) {
	anns := Anniversaries(p, events)
	if len(anns) == 0 {
		return core.RefDate{}, false
	}
	a := anns[0]
	from, to := a.From, a.To
	method, evidence := "anniversary", fmt.Sprintf("%q: %s was %s", a.Phrase, a.Event.Name, a.Event.Date.Format("2 January 2006"))
	// A later dated event the text refers to narrows the range.
	for _, e := range events {
		if !e.ev.Anniversary && e.ev.Date.After(from) && e.ev.Date.Before(to) {
			from = e.ev.Date.Time
			method = "event"
			evidence += fmt.Sprintf("; refers to %s (%s) as past", e.ev.Name, e.ev.Date.Format("2 January 2006"))
		}
	}
	return rangeDate(from, to, method, evidence, a.Span), true
}

// rangeDate states a date range at the precision it supports: its middle
// month when it spans at most about two months, else its year when it lies
// within one year, else none.
func rangeDate(from, to time.Time, method, evidence string, span core.Span) core.RefDate {
	r := core.RefDate{Method: method, Evidence: evidence, Start: span.Start, End: span.End, Time: from, Latest: to}
	mid := from.Add(to.Sub(from) / 2)
	switch {
	case to.Sub(from) <= 95*24*time.Hour:
		r.Value, r.Precision = mid.Format("2006-01"), core.PrecisionMonth
	case from.Year() == to.AddDate(0, 0, -1).Year():
		r.Value, r.Precision = mid.Format("2006"), core.PrecisionYear
	default:
		r.Precision = core.PrecisionNone
	}
	return r
}
