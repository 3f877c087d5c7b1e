package refdate

import (
	"github.com/credence-news/credence/lexicons"
	"regexp"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
)

// headerLines is how many non-empty lines at the top of a text may carry
// its date: a title, a standfirst, a byline, a "Published" line, and in a
// copy of a whole web page the menus and links above them. A line counts
// when it says it is the date ("Updated …", words around the date allowed)
// or is nothing but a date (beside a byline at most): a line that mentions
// one ("Sen. Ted Cruz — announced March 23, 2015", "The report, published
// on 3 March 2021, was updated…") is the story's, not its date.
const headerLines = 60

// headerCue opens a line that states when the article appeared
// (and its French, German, Spanish, Portuguese and Italian forms).
var headerCue = regexp.MustCompile(`(?i)^(?:(?:first\s+|originally\s+|last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+(?:on|at))?|publié\s+le|mis\s+à\s+jour\s+le|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|publicado\s+(?:el|em)|actualizado\s+el|atualizado\s+em|pubblicato\s+il|aggiornato\s+il)\s*[:\-–—|]?\s*`)

// laterCue opens a revision date after the publication date on one line,
// in English or, in parentheses, French, German, Spanish, Portuguese and
// Italian ("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)").
var laterCue = regexp.MustCompile(`(?i),?\s+\(?\s*(?:(?:last\s+)?(?:modified|updated)(?:\s+(?:on|at))?|mis\s+à\s+jour(?:\s+le)?|aktualisiert(?:\s+am)?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|aggiornato(?:\s+il)?)\s*:?\s+`)

// A byline line holds, before its date, names (capitalised words, at most
// nameRun in a row: "Trump Rally Set For March 5" is a headline) joined by
// "By" and "and" in the languages the header cues know; after the date,
// only a time of day, a zone, an agency's capitals, a comment count or an
// outlet's name of at most nameRun words.
var (
	bylineName  = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*$`)
	bylineJoin  = lexicons.Set("byline_joiners")
	bylineAfter = regexp.MustCompile(`^(?:at|à|um|às|alle|ore|h|[—–-]|\d{1,2}[:.h]\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,4}|\d{1,5})$`)
)

const nameRun = 3

// aboveTop is how many lines above the article's top (as page furniture
// places it) a date line is still looked for: a page copy may set its
// dateline above a share bar and a caption ("AFP 30 avril 2015 à 07:19",
// then "Facebook", "Twitter", "Imprimer", a photo credit), or above a video
// player's menu of settings.
const aboveTop = 30

// linesAbove returns the start of the nth non-empty line above off.
func linesAbove(s string, off, n int) int {
	for off > 0 && n > 0 {
		i := strings.LastIndexByte(s[:off-1], '\n') + 1
		if strings.TrimSpace(s[i:off]) != "" {
			n--
		}
		off = i
	}
	return off
}

// bodyLines is how many paragraphs (page furniture, such as a consent
// banner, aside) end the header: a bare date below the article's opening
// paragraphs is in the story or in what follows it (a related-posts list),
// not the article's own; a "Last updated" line still is.
const bodyLines = 5

// dateShape: a four-digit year, or a numeric day/month/year.
var dateShape = regexp.MustCompile(`\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b`)

// numericDate is a date written in numbers alone, whose day and month may
// be read either way ("03/05/2024", "08.11.2023").
var numericDate = regexp.MustCompile(`^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\b`)

// header finds the date a page or a pasted article states in its first
// lines: a line opening with Published, Updated, Posted and the like, or
// a short line that is a date, alone or beside a byline ("By Ana Ruiz |
// 5 March 2024"). Dates are read by go-dateparser (ordinals, abbreviations,
// weekdays, times and zones, dotted and numeric forms, other languages);
// only lines shaped like a date reach it, since each parse costs a fraction
// of a millisecond. A numeric date that reads both ways ("03/05/2024") is
// settled by the text's own cues (British or American spelling and
// currency, a dateline's place) or, failing those, kept as the span both
// readings allow, at year precision.
func header(p *analysis.Pass) (core.RefDate, bool) {
	off, seen, prose := linesAbove(p.Text, p.ArticleStart(), aboveTop), 0, 0
	for off < len(p.Text) && seen < aboveTop+headerLines {
		line := p.Text[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		lineStart := off
		off += len(line) + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		seen++
		cued := headerCue.FindString(trimmed)
		if cued == "" && len(trimmed) > 80 {
			if text.EndsSentence(trimmed) && !p.IsExcluded(lineStart, lineStart+len(line)) {
				prose++
			}
			continue // prose, a long headline or a caption: not a header line
		}
		if cued == "" && prose >= bodyLines {
			continue // past the opening paragraphs only a line that says it is the date counts
		}
		rest := trimmed[len(cued):]
		// "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019": the
		// date before the revision cue is the publication, when the line
		// opens with it (in prose, "was updated on" is no header).
		if loc := laterCue.FindStringIndex(rest); loc != nil && dateShape.MatchString(rest[:loc[0]]) {
			if _, ok := readDate(p, strings.TrimSpace(rest[:loc[0]]), true); ok {
				rest = rest[:loc[0]]
			}
		}
		for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == '|' || r == '•' || r == '·' }) {
			part = strings.TrimSpace(part)
			if !dateShape.MatchString(part) {
				continue
			}
			var r core.RefDate
			ok := false
			// "By March 5, 2025 the fund…" is prose: a line opening with
			// "By" is read only as a byline with its date.
			if cued != "" || !strings.HasPrefix(strings.ToLower(part), "by ") {
				r, ok = readDate(p, part, cued != "")
			}
			if !ok && cued == "" {
				r, ok = bylineDate(p, part)
			}
			if !ok {
				continue
			}
			start := lineStart + strings.Index(line, part)
			r.Method, r.Start, r.End = "header", start, start+len(part)
			r.Evidence = strings.TrimSpace(line) + r.Evidence
			return r, true
		}
	}
	return core.RefDate{}, false
}

// dates reads header dates written out ("March 9, 2017", "9 mars 2017 à
// 18:42"). A header date is never a Unix timestamp, relative ("2 hours
// ago" is turned away before) or compact ("20170309": ISO forms are read
// without the parser), and the compact-date parser tries every split of a
// line's digits: a line of figures cost it a tenth of a second.
var dates = &dps.Parser{ParserTypes: []dps.ParserType{dps.AbsoluteTime}}

var (
	parserOnce sync.Once
	byMonth    *dps.Configuration // month first: 03/05/2024 is 5 March
	byDay      *dps.Configuration // day first: 03/05/2024 is 3 May
)

func configs() {
	base := dps.Configuration{
		Languages:     []string{"en", "fr", "de", "es", "pt", "it", "nl"},
		RequiredParts: []string{"day", "month", "year"},
		// Relative dates ("2 hours ago") need the moment of reading; they
		// are never a reference date, and a fixed "now" keeps runs repeatable.
		CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	m, d := base, base
	m.DateOrder, d.DateOrder = dps.MDY, dps.DMY
	byMonth, byDay = &m, &d
}

// readDate reads one header date; the evidence suffix says how an
// ambiguous one was settled. With search, the date may have words around it.
func readDate(p *analysis.Pass, s string, search bool) (core.RefDate, bool) {
	// "12h55", the time as French and Portuguese pages print it, reads as
	// "12:55" in every language the parser knows ("21.dez.2018 às 12h55").
	s = hourMinute.ReplaceAllString(s, "$1:$2")
	if r, ok := parseValue(s, "header", ""); ok { // ISO 8601 and the common fixed layouts: no parser needed
		r.Evidence = ""
		return r, true
	}
	if relative.MatchString(s) {
		return core.RefDate{}, false
	}
	parserOnce.Do(configs)
	md, err := dates.Parse(byMonth, s)
	if err != nil || md.Time.IsZero() {
		if !search {
			return core.RefDate{}, false
		}
		// Words around the date ("AFP 30 avril 2015 à 07:19"): search the
		// line for one.
		_, found, err := dates.Search(byMonth, s)
		if err != nil || len(found) == 0 || found[0].Date.Time.IsZero() || !dateShape.MatchString(found[0].Text) {
			return core.RefDate{}, false
		}
		s, md = found[0].Text, found[0].Date
	}
	t := md.Time
	if m := numericDate.FindStringSubmatch(s); m != nil {
		dm, err := dates.Parse(byDay, s)
		if err == nil && !dm.Time.IsZero() && !sameDay(dm.Time, md.Time) {
			switch dayFirst(p) {
			case 1:
				return dayDate(dm.Time, " (day first: the text's spelling, currency or place is British or European)"), true
			case -1:
				return dayDate(md.Time, " (month first: the text's spelling or currency is American)"), true
			}
			a, b := day0(dm.Time), day0(md.Time)
			if b.Before(a) {
				a, b = b, a
			}
			return core.RefDate{Value: a.Format("2006"), Precision: core.PrecisionYear, Time: a, Latest: b.AddDate(0, 0, 1),
				Evidence: " (day and month could be read either way: " + a.Format("2 January") + " or " + b.Format("2 January 2006") + ")"}, true
		}
	}
	r := dayDate(t, "")
	if w := weekdayNamed(s); w >= 0 && time.Weekday(w) != day0(t).Weekday() {
		r.Evidence = " (the weekday named does not match the date; the date is taken)"
	}
	return r, true
}

// bylineDate reads a date from a line that is a byline and its date
// ("Sarah Gooding March 9, 2017 13", "Par Alexandre Hervaud et Jérémy
// Piette — 24 novembre 2017 à 18:42", "AFP 30 avril 2015 à 07:19"): the
// words around the date must all be a byline's, with at least one name, so
// a short line of prose ("By March 5, 2025 the fund ends") is not read.
func bylineDate(p *analysis.Pass, s string) (core.RefDate, bool) {
	parserOnce.Do(configs)
	_, found, err := dates.Search(byMonth, s)
	if err != nil || len(found) == 0 || found[0].Date.Time.IsZero() || !dateShape.MatchString(found[0].Text) {
		return core.RefDate{}, false
	}
	i := strings.Index(s, found[0].Text)
	if i < 0 {
		return core.RefDate{}, false
	}
	names, run := 0, 0
	for _, w := range strings.Fields(s[:i]) {
		switch w = strings.Trim(w, ",;:()"); {
		case w == "" || bylineJoin[strings.ToLower(w)]:
			run = 0
		case bylineName.MatchString(w):
			if names, run = names+1, run+1; run > nameRun {
				return core.RefDate{}, false
			}
		default:
			return core.RefDate{}, false
		}
	}
	outlet := 0 // "… 3:46 PM Good Morning America": the outlet's name after the date
	for _, w := range strings.Fields(s[i+len(found[0].Text):]) {
		switch w = strings.Trim(w, ",;:()"); {
		case w == "" || bylineAfter.MatchString(w):
		case bylineName.MatchString(w) && outlet < nameRun:
			outlet++
		default:
			return core.RefDate{}, false
		}
	}
	if names == 0 {
		return core.RefDate{}, false
	}
	return readDate(p, found[0].Text, false)
}

var hourMinute = regexp.MustCompile(`\b(\d{1,2})h(\d{2})\b`)

var relative = regexp.MustCompile(`(?i)\b(?:ago|yesterday|today|tomorrow|hours?|minutes?|mins?)\b`)

func sameDay(a, b time.Time) bool { return a.Year() == b.Year() && a.YearDay() == b.YearDay() }

// day0 is the calendar day t names in its own zone.
func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func dayDate(t time.Time, evidence string) core.RefDate {
	d := day0(t)
	return core.RefDate{Value: d.Format("2006-01-02"), Precision: core.PrecisionDay, Time: d, Latest: d.AddDate(0, 0, 1), Evidence: evidence}
}

var weekdays = lexicons.Words("weekdays")

// weekdayNamed returns the weekday a date string names, or -1.
func weekdayNamed(s string) int {
	low := strings.ToLower(s)
	for i, w := range weekdays {
		if strings.Contains(low, w) || strings.Contains(low, w[:3]+",") || strings.Contains(low, w[:3]+" ") {
			return i
		}
	}
	return -1
}

// dayFirst reads the text's own cues to the order of a numeric date: 1 day
// first (British or Commonwealth spelling, pounds or euros, a UK or
// European dateline), -1 month first (American spelling or dollars), 0 when
// they say nothing or disagree.
func dayFirst(p *analysis.Pass) int {
	low := strings.ToLower(p.Text)
	score := 0
	for _, w := range britishSpellings {
		if hasWord(low, w) {
			score++
		}
	}
	for _, w := range americanSpellings {
		if hasWord(low, w) {
			score--
		}
	}
	if strings.ContainsAny(p.Text, "£€") {
		score++
	}
	if strings.Contains(p.Text, "$") {
		score--
	}
	switch {
	case score > 0:
		return 1
	case score < 0:
		return -1
	}
	return 0
}

var (
	britishSpellings  = lexicons.Words("british_spellings")
	americanSpellings = lexicons.Words("american_spellings")
)

// hasWord reports w in text as a word of its own, or with a plural "s":
// "program" is not in "programme", nor "labor" in "laboratory".
func hasWord(text, w string) bool {
	letter := func(b byte) bool { return b >= 'a' && b <= 'z' }
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(w)
		if end < len(text) && text[end] == 's' {
			end++
		}
		if (start == 0 || !letter(text[start-1])) && (end == len(text) || !letter(text[end])) {
			return true
		}
		i = start + 1
	}
}
