// Package sourcing asks "who says so?": it reports unnamed, vague and
// unconfirmed sources, private claims and figures given with no source, and
// summarises the article's attributions for the profile.
package sourcing

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

var (
	RuleAnonymous = core.Rule{ID: "sourcing.anonymous", Name: "Unnamed source", Dimension: "sourcing", Severity: core.Warning,
		Summary: "A claim rests on a source the reader cannot identify.",
		Doc:     "Flags unnamed sources: \"a confidential source revealed\", \"a source familiar with the talks\", \"officials who spoke on condition of anonymity\". Anonymity is sometimes justified, but the reader must take the claim on trust; good practice says why the source was not named."}
	RuleWeasel = core.Rule{ID: "sourcing.weasel", Name: "Vague attribution", Dimension: "sourcing", Severity: core.Warning,
		Summary: "A vague group stands in for a source.",
		Doc:     "Flags attribution to nobody in particular: \"analysts note\", \"critics argue\", \"some say\", \"it is widely believed\", \"drawing criticism from … observers\". The wording sounds sourced but names no one whose claim could be checked. Words inside a named speaker's direct quote are the speaker's and are not flagged."}
	RuleHearsay = core.Rule{ID: "sourcing.hearsay", Name: "Hearsay", Dimension: "sourcing", Severity: core.Warning,
		Summary: "A report is passed on as unconfirmed or second-hand.",
		Doc:     "Flags \"reports emerged\", \"reportedly\", \"allegedly\", \"no official confirmation\": the article relays a claim it has not confirmed and does not say who made it."}
	RuleUnsourcedClaim = core.Rule{ID: "sourcing.unsourced_claim", Name: "Claim with no source", Dimension: "sourcing", Severity: core.Warning,
		Summary: "A claim about someone's private intent or actions has no source.",
		Doc:     "Flags assertions about what a third party privately thinks, signals or plans (\"has privately signaled that it would…\") when neither the sentence nor the one before says who reported it. Such claims can only come from a source; the reader is not told which."}
	RuleUnsourcedFigure = core.Rule{ID: "sourcing.unsourced_figure", Name: "Figure with no source", Dimension: "sourcing", Severity: core.Info,
		Summary: "A specific number is stated as fact with no source.",
		Doc:     "Flags percentages, amounts of money and large counts (\"approximately 20% of the territory\", \"480 infantry vehicles per year\") in a sentence that attributes them to no one. Dates, ages, small counts and figures inside quotes are not flagged."}
)

// ruleByID maps a lexicon category's declared rule to the rule it reports.
var ruleByID = map[string]core.Rule{RuleAnonymous.ID: RuleAnonymous, RuleWeasel.ID: RuleWeasel, RuleHearsay.ID: RuleHearsay, RuleUnsourcedClaim.ID: RuleUnsourcedClaim}

// Scorer is the sourcing scorer.
type Scorer struct{}

// New returns the sourcing scorer.
func New() Scorer { return Scorer{} }

func (Scorer) Name() string { return "sourcing" }
func (Scorer) Rules() []core.Rule {
	return []core.Rule{RuleAnonymous, RuleWeasel, RuleHearsay, RuleUnsourcedClaim, RuleUnsourcedFigure}
}

// Stage reports unnamed, vague and missing sources outside page furniture,
// and counts the article's sourcing for the profile.
func (s Scorer) Stage() *analysis.Stage {
	return analysis.NewStage("sourcing", analysis.Sourcing, []analysis.Key{analysis.Integrity, analysis.Attributions}, s.score)
}

func (s Scorer) score(p *analysis.Pass) *core.SourcingStats {
	stats := &core.SourcingStats{}
	for _, m := range p.Matches {
		rule, ok := ruleByID[m.Rule()]
		if !ok || p.IsExcluded(m.Start, m.End) {
			continue
		}
		if _, quoted := p.QuoteAt(m.Start, m.End); quoted {
			continue // the speaker's words, not the outlet's attribution
		}
		si := p.SentenceAt(m.Start)
		switch rule.ID {
		case RuleAnonymous.ID:
			stats.Anonymous++
		case RuleWeasel.ID:
			if surveyResult(p, si, m) {
				continue // "67 percent of voters say": a poll's finding, not a vague source
			}
			stats.Weasel++
		case RuleHearsay.ID:
			stats.Hearsay++
		case RuleUnsourcedClaim.ID:
			if attributedNear(p, si, m) {
				continue
			}
		}
		p.Report(core.Finding{Rule: rule.ID, Start: m.Start, End: m.End, Severity: rule.Severity, Confidence: 0.85,
			Weight: m.Entry.Weight, Message: message(rule, p.Text[m.Start:m.End]), Explanation: explain(rule, p.Text[m.Start:m.End])})
	}
	figures(p)
	summarise(p, stats)
	return stats
}

func message(r core.Rule, text string) string {
	switch r.ID {
	case RuleAnonymous.ID:
		return "Unnamed source: \"" + text + "\"."
	case RuleWeasel.ID:
		return "Vague attribution: \"" + text + "\" names no one."
	case RuleHearsay.ID:
		return "Unconfirmed report: \"" + text + "\"."
	}
	return "Claim about private intent with no source: \"" + text + "\"."
}

func explain(r core.Rule, text string) string {
	switch r.ID {
	case RuleAnonymous.ID:
		return "The claim is credited to a source the article does not name, so the reader cannot judge who is speaking or why they would know; the article does not say why anonymity was granted."
	case RuleWeasel.ID:
		return "\"" + text + "\" sounds like a source but names nobody: which analysts, critics or observers? Without names the claim cannot be checked and may be the writer's own view."
	case RuleHearsay.ID:
		return "The article passes on a report it has not confirmed and does not say who made it, so the reader cannot tell how solid it is."
	}
	return "The article states what someone privately thinks or signals, which only a source could know, yet neither this sentence nor the one before names one."
}

// attributedNear reports whether sentence si or the one before credits a
// source other than through the private-intent phrase itself.
func attributedNear(p *analysis.Pass, si int, m lexicon.Match) bool {
	for _, group := range [][]analysis.Attribution{p.AttributionsIn(si - 1), p.AttributionsIn(si)} {
		for _, a := range group {
			// A cue with no source found ("the goal agreed last year") attributes nothing.
			if a.Impersonal || a.Kind == analysis.SourceNone {
				continue
			}
			if a.Cue.Start >= m.Start && a.Cue.End <= m.End {
				continue
			}
			return true
		}
	}
	return false
}

// figure matches percentages, money, magnitudes ("20 million"), ratios
// ("one in five"), counts of ten thousand or more, and counts given as a rate
// ("480 infantry vehicles per year").
var figure = regexp.MustCompile(`(?i)(?:\b(?:approximately|about|around|nearly|almost|roughly|some|more than|over|up to|at least|less than|fewer than|an estimated)\s+)?(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\b\d{1,3}(?:,\d{3}){1,}(?:\.\d+)?\b(?:\s\w+){0,3}\s(?:per|a|each|every)\s(?:year|month|week|day)\b|\b\d{2,3}(?:,\d{3})+\b|\b[1-9]\d{2,}(?:\s[\w-]+){0,3}\s(?:per|a|each|every)\s(?:year|month|week|day)\b)`)

// findFigures returns the matches of figure in s, exactly as
// figure.FindAllStringIndex(s, -1) would, running the pattern only on the
// few words around each place a match can hold: a word with a digit, or
// "in" (a spelled-out ratio). Over a whole sentence the pattern was a fifth
// of the analysis. A match reaches at most three words before such a word
// ("more than $ 5") and five after it ("480 infantry vehicles per year"),
// and windows start and end at whitespace, where \b reads the same with or
// without the text around it, so every match lies in one window and is
// found there.
func findFigures(s string) [][]int {
	var fields [][2]int // whitespace-separated words, as the pattern's \s splits them
	var anchors []int   // indexes into fields
	for i := 0; i < len(s); {
		for i < len(s) && isRegexpSpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		j, digit := i, false
		for j < len(s) && !isRegexpSpace(s[j]) {
			digit = digit || s[j] >= '0' && s[j] <= '9'
			j++
		}
		if digit || strings.EqualFold(s[i:j], "in") {
			anchors = append(anchors, len(fields))
		}
		fields = append(fields, [2]int{i, j})
		i = j
	}
	var out [][]int
	for k := 0; k < len(anchors); {
		first, last := max(0, anchors[k]-3), min(len(fields)-1, anchors[k]+5)
		// Merge the windows that overlap this one.
		for k++; k < len(anchors) && anchors[k]-3 <= last; k++ {
			last = min(len(fields)-1, anchors[k]+5)
		}
		// Within a window the pattern is tried, anchored, only where a match
		// can start; the first start that matches is the leftmost match.
		end := fields[last][1]
		for p := fields[first][0]; p < end; {
			if figureStart(s, p, end) {
				// The pattern sees the character before p too, so that its
				// \b reads as it would over the whole text.
				re, r := figureAt, 0
				if p > 0 {
					_, r = utf8.DecodeLastRuneInString(s[:p])
					re = figureAfter
				}
				if loc := re.FindStringIndex(s[p-r : end]); loc != nil {
					out = append(out, []int{p, p - r + loc[1]})
					p += loc[1] - r
					continue
				}
			}
			p++
		}
	}
	return out
}

// figureAt is figure anchored at the start of its input; figureAfter,
// anchored after its first character.
var (
	figureAt    = regexp.MustCompile(`^(?:` + figure.String() + `)`)
	figureAfter = regexp.MustCompile(`^(?s:.)(?:` + figure.String() + `)`)
)

// figureApprox are the approximations a match of figure can begin with,
// each with the word the pattern requires after it, if any ("more than"),
// folded as the pattern's (?i) folds them; ratioNumbers, the spelled-out
// numbers of a ratio ("one in five").
var (
	figureApprox = map[string]string{"approximately": "", "about": "", "around": "", "nearly": "", "almost": "", "roughly": "",
		"some": "", "over": "", "more": "than", "up": "to", "at": "least", "less": "than", "fewer": "than", "an": "estimated"}
	ratioNumbers = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)

// figureStart reports whether a match of figure, in s[:end], may begin at
// s[p]: a currency sign, or a word boundary (as \b reads it, by
// text.IsRegexpWord) before a number that can be a figure's, a spelled-out
// number of a ratio, or an approximation (with its second word) followed
// by spaces and what a figure starts with. Only there is the pattern tried:
// "some", "over", "at" and "an" begin a figure rarely, and dates and years
// are numbers with none of a figure's marks.
func figureStart(s string, p, end int) bool {
	if c := s[p]; c == '$' || strings.HasPrefix(s[p:], "€") || strings.HasPrefix(s[p:], "£") {
		return true
	}
	if p > 0 && text.IsRegexpWord(s[p-1]) == text.IsRegexpWord(s[p]) {
		return false
	}
	if s[p] >= '0' && s[p] <= '9' {
		return numberStart(s, p, end)
	}
	w, q := foldWord(s, p)
	if slices.Contains(ratioNumbers, w) {
		return true
	}
	second, ok := figureApprox[w]
	if !ok {
		return false
	}
	if second != "" { // the pattern's one literal space, then the word
		if q >= len(s) || s[q] != ' ' {
			return false
		}
		if w, q = foldWord(s, q+1); w != second {
			return false
		}
	}
	r := q // \s+, then a currency sign, a digit or a ratio's number
	for r < len(s) && isRegexpSpace(s[r]) {
		r++
	}
	if r == q || r == len(s) {
		return false
	}
	if c := s[r]; c == '$' || c >= '0' && c <= '9' || strings.HasPrefix(s[r:], "€") || strings.HasPrefix(s[r:], "£") {
		return true
	}
	w, _ = foldWord(s, r)
	return slices.Contains(ratioNumbers, w)
}

// numberStart reports whether a figure may begin with the number at s[p],
// by what the pattern's number-led alternatives need: a thousands
// separator; a percentage or a magnitude after at most one space; " in "
// after the digits (a ratio); or three digits or more and a unit of time
// later in s[:end] ("480 infantry vehicles per year"). A year or a day
// of a date has none of them.
func numberStart(s string, p, end int) bool {
	digits := p
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	e := digits // the run of digits, commas and points
	for e < len(s) && (s[e] >= '0' && s[e] <= '9' || s[e] == ',' || s[e] == '.') {
		if s[e] == ',' {
			return true
		}
		e++
	}
	after := e
	if after < len(s) && isRegexpSpace(s[after]) {
		after++
	}
	for _, w := range []string{"%", "percent", "per cent", "million", "billion", "trillion"} {
		if hasPrefixFold(s[after:], w) {
			return true
		}
	}
	if hasPrefixFold(s[digits:], " in ") {
		return true
	}
	if digits-p < 3 || s[p] == '0' || e >= end {
		return false
	}
	for _, unit := range []string{"year", "month", "week", "day"} {
		if containsFold(s[e:end], unit) {
			return true
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix under the pattern's (?i), for an
// ASCII prefix: a non-ASCII byte where it would stand counts as a match
// (its folding is left to the pattern).
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// containsFold reports an ASCII word in s under the pattern's (?i), or any
// byte outside ASCII (a Kelvin sign folds to "k"): a cheap test that the
// pattern may find the word there.
func containsFold(s, word string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return true
		}
		if i+len(word) <= len(s) && hasPrefixFold(s[i:], word) {
			return true
		}
	}
	return false
}

// foldWord is the word of figureApprox or ratioNumbers that the word at
// s[p] (ASCII letters and any non-ASCII bytes, as "ſ" folds to "s") folds
// to under the pattern's (?i), or "", and where the word ends.
func foldWord(s string, p int) (string, int) {
	q, ascii := p, true
	for q < len(s) && (s[q] >= 0x80 || s[q] >= 'a' && s[q] <= 'z' || s[q] >= 'A' && s[q] <= 'Z') {
		ascii = ascii && s[q] < 0x80
		q++
	}
	for _, w := range figureWords {
		if (!ascii || len(w) == q-p) && strings.EqualFold(s[p:q], w) {
			return w, q
		}
	}
	return "", q
}

// figureWords are every word figureStart asks for.
var figureWords = func() []string {
	words := slices.Clone(ratioNumbers)
	for w, second := range figureApprox {
		words = append(words, w, second)
	}
	return words
}()

// isRegexpSpace is the pattern's \s: [\t\n\f\r ].
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// mayHoldFigure is a cheap test before the figure pattern: a percentage,
// money, a magnitude word, thousands separators, a three-digit number, or a
// spelled-out ratio ("one in five"). Dates and small counts skip the pattern.
func mayHoldFigure(s string) bool {
	// One scan for everything but the ratio; this runs on every sentence.
	run := 0 // length of the current digit run
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !figureByte[c] {
			run = 0
			continue
		}
		switch {
		case c >= '0' && c <= '9':
			run++
			if run >= 3 {
				return true
			}
			continue
		case c == '%' || c == '$':
			return true
		case c == ',' && run > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			return true
		case c == 0xE2 && strings.HasPrefix(s[i:], "€"), c == 0xC2 && strings.HasPrefix(s[i:], "£"),
			c == 'i' && strings.HasPrefix(s[i:], "illion"),
			c == 'p' && (strings.HasPrefix(s[i:], "per cent") || strings.HasPrefix(s[i:], "percent")):
			return true
		}
		run = 0
	}
	return hasRatio(s)
}

// figureByte marks the bytes mayHoldFigure looks at; any other byte only
// ends a digit run.
var figureByte = func() (t [256]bool) {
	for _, c := range []byte("0123456789%$,ip\xE2\xC2") {
		t[c] = true
	}
	return t
}()

var ratioWords = lexicons.Set("ratio_numbers")

// hasRatio reports whether s may hold "<number> in <number>" ("one in five",
// "3 in 10"). Nearly every sentence has " in ", so testing for that alone
// would send every sentence through the figure pattern.
func hasRatio(s string) bool {
	isNumber := func(w string) bool {
		if w == "" {
			return false
		}
		if ratioWords[strings.ToLower(w)] {
			return true
		}
		return strings.Trim(w, "0123456789") == ""
	}
	for off := 0; ; {
		i := strings.Index(s[off:], " in ")
		if i < 0 {
			return false
		}
		i += off
		j := i
		for j > 0 && text.IsRegexpWord(s[j-1]) {
			j--
		}
		k := i + len(" in ")
		e := k
		for e < len(s) && text.IsRegexpWord(s[e]) {
			e++
		}
		if isNumber(s[j:i]) && isNumber(s[k:e]) {
			return true
		}
		off = i + 1
	}
}

var yearLike = regexp.MustCompile(`^(?:1[89]|20)\d\d$`)

// priceTag is a shop price ("$9.99 a month", "£4.95"): a currency sign,
// at most four digits and a retail ending (.99, .95, .49), no magnitude
// word. It is the seller's own figure, not a claim that needs a source;
// a wage or a share price ("$7.25 an hour", "$31.32") still is one.
var priceTag = regexp.MustCompile(`^[$€£]\s?\d{1,4}\.(?:99|95|49)$`)

// figures flags statistics with no source nearby: none in their sentence,
// and no "said"-type attribution to an identifiable source elsewhere in
// their paragraph or in the sentence just before. The headline is a summary
// of the body and is skipped.
func figures(p *analysis.Pass) {
	para := paragraphs(p)
	n := len(p.Sentences)
	// By sentence: an identifiable source; a "said"-type one; vague sources.
	attributed, statement, vague := make([]bool, n), make([]bool, n), make([]bool, n)
	paragraphCount := 0
	if n > 0 {
		paragraphCount = para[n-1] + 1 // blank lines may leave paragraphs without a sentence
	}
	paraSourced := make([]bool, paragraphCount)
	for _, a := range p.Attributions {
		switch a.Kind {
		case analysis.SourceNamedPerson, analysis.SourceNamedOrg, analysis.SourceUnnamed:
			attributed[a.Sentence] = true
			if cue, _, _ := strings.Cut(strings.TrimSpace(a.CueText), " "); saidCue[strings.ToLower(cue)] {
				paraSourced[para[a.Sentence]] = true
				statement[a.Sentence] = true
			}
		}
	}
	// A sentence that relays hearsay or vague sources is not sourced by its
	// neighbours: "according to reports it could reach €40 million".
	for _, m := range p.Matches {
		switch m.Rule() {
		case RuleHearsay.ID, RuleWeasel.ID, RuleAnonymous.ID:
			if si := p.SentenceAt(m.Start); si >= 0 {
				vague[si] = true
			}
		}
	}
	// A paragraph that names the poll, survey or document behind its numbers
	// sources them, the paragraph before it (the results, then "Quinnipiac
	// conducted the poll…") and the paragraphs after it while they go on
	// giving shares (poll stories run on). Found once, when the first figure
	// needs it.
	var dataPara, runsOn map[int]bool
	dataSourced := func(pi int) bool {
		if dataPara == nil {
			dataPara, runsOn = map[int]bool{}, map[int]bool{}
			shares := map[int]bool{} // paragraphs that give a percentage
			for si, s := range p.Sentences {
				if dataSource(p, si) {
					dataPara[para[si]] = true
				}
				if sent := p.Text[s.Start:s.End]; strings.Contains(sent, "%") || strings.Contains(sent, "percent") {
					shares[para[si]] = true
				}
			}
			if len(para) > 0 {
				for pi := 1; pi <= para[len(para)-1]; pi++ {
					runsOn[pi] = shares[pi] && (dataPara[pi-1] || runsOn[pi-1])
				}
			}
		}
		return dataPara[pi] || dataPara[pi-1] || dataPara[pi+1] || runsOn[pi]
	}
	for si, s := range p.Sentences {
		if p.Stopped() {
			break
		}
		if si == 0 || attributed[si] {
			continue
		}
		sent := p.Text[s.Start:s.End]
		if !mayHoldFigure(sent) {
			continue
		}
		if !vague[si] && (paraSourced[para[si]] || statement[si-1] || ownAct(p, si) || dataSourced(para[si])) {
			continue
		}
		for _, loc := range findFigures(sent) {
			start, end := s.Start+loc[0], s.Start+loc[1]
			f := p.Text[start:end]
			if yearLike.MatchString(strings.TrimSpace(f)) || priceTag.MatchString(f) || p.IsExcluded(start, end) {
				continue
			}
			if _, quoted := p.QuoteAt(start, end); quoted {
				continue
			}
			p.Report(core.Finding{Rule: RuleUnsourcedFigure.ID, Start: start, End: end, Severity: RuleUnsourcedFigure.Severity,
				Confidence: 0.7, Weight: 0.6, Message: "Figure with no source: \"" + f + "\".",
				Explanation: "A specific number is stated as fact, but nothing in the sentence says where it comes from; a reader cannot check it."})
		}
	}
}

// surveyResult reports a vague group that is a population polled, in a
// sentence that gives a share of it ("67 percent of voters say", "a strong
// majority of voters say"): a poll's finding, not a vague source.
func surveyResult(p *analysis.Pass, si int, m lexicon.Match) bool {
	polled := false
	for k := m.First; k < m.Last; k++ {
		t := &p.Tokens[k]
		polled = polled || population.Has(t)
	}
	if !polled {
		return false
	}
	for _, t := range p.SentenceTokens(si) {
		switch t.Norm {
		case "percent", "%", "majority", "proportion", "plurality":
			return true
		}
	}
	return false
}

var population = text.NewWordSet(lexicons.Words("survey_populations")...)

// dataSource reports a sentence that names the document its numbers come
// from (it then sources the figures of its paragraph and the next): "An NBC News/Wall Street Journal poll last week found that voters
// favored…", "the tax returns show", "census figures released on Monday".
func dataSource(p *analysis.Pass, si int) bool {
	noun, verb := false, false
	toks := p.SentenceTokens(si)
	for k := range toks {
		noun = noun || dataNouns.Has(&toks[k])
		verb = verb || dataVerbs.Has(&toks[k])
	}
	return noun && verb
}

var dataNouns = text.NewWordSet(lexicons.Words("data_sources")...)

var dataVerbs = text.NewWordSet(lexicons.Words("data_verbs")...)

// actVerbs are decisions an institution takes and announces itself: in "The
// council adopted its budget on Tuesday, raising tax by 2%" the figure is the
// council's own act, and the council is its source.
var actVerbs = text.NewWordSet(lexicons.Words("institutional_acts")...)

// subjectHeads are institutions that can be the subject of such an act.
var subjectHeads = text.NewWordSet(lexicons.Words("acting_institutions")...)

// ownAct reports whether sentence si opens with an institution doing one of
// the act verbs: "[Name] city council adopted …", "The central bank left …".
func ownAct(p *analysis.Pass, si int) bool {
	toks := p.SentenceTokens(si)
	for k := 0; k < len(toks) && k < 14; k++ { // past a dateline
		if actVerbs.Has(&toks[k]) {
			return k > 0 && subjectHeads.Has(&toks[k-1])
		}
	}
	return false
}

// saidCue are the cues that report a statement (not a proposal or a belief).
var saidCue = lexicons.ReportingCueSet("said")

// paragraphs numbers the paragraph (blank-line separated) of each sentence.
func paragraphs(p *analysis.Pass) []int {
	out := make([]int, len(p.Sentences))
	n, from := 0, 0
	for i, s := range p.Sentences {
		n += strings.Count(p.Text[from:s.Start], "\n\n")
		from = s.Start
		out[i] = n
	}
	return out
}

// summarise fills the document-level sourcing statistics.
// notAName reports a word that is no speaker's name on its own: a pronoun,
// a title ("Mr", "Sen"), a clause opener ("When"), a quantifier, a credit.
func notAName(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	return notNames[w] || titleWords[w] || clauseOpeners[w]
}

var (
	notNames      = lexicons.Set("not_names")
	titleWords    = lexicons.Set("title_words")
	clauseOpeners = lexicons.Set("clause_openers")
)

func summarise(p *analysis.Pass, st *core.SourcingStats) {
	names := map[string]bool{}
	direct := 0
	attributed := make([]bool, len(p.Sentences)) // by sentence
	rels := 0
	for i := range p.Attributions {
		a := &p.Attributions[i]
		if a.Impersonal || p.IsExcluded(p.Sentences[a.Sentence].Start, p.Sentences[a.Sentence].End) {
			continue // page furniture (a related headline, a caption list) sources nothing in the article
		}
		rels++
		switch a.Kind {
		case analysis.SourceNamedPerson, analysis.SourceNamedOrg, analysis.SourceUnnamed:
			// Only a source the reader can identify attributes a claim.
			attributed[a.Sentence] = true
		}
		switch a.Kind {
		case analysis.SourceNamedPerson, analysis.SourceNamedOrg:
			st.Named++
			// One person under several spellings ("Volodymyr Zelensky",
			// "Zelensky") counts once: key on the last word of the name.
			name := strings.TrimSpace(a.Name)
			last := name[strings.LastIndexAny(name, " \t\n")+1:] // no allocation: a batch may hold a million
			if name == "" || last == name && notAName(last) {
				break
			}
			key := strings.ToLower(last)
			if !names[key] {
				names[key] = true
				st.Quoted = append(st.Quoted, a.Name)
			}
		}
		if a.Direct {
			direct++
		}
	}
	sort.Strings(st.Quoted)
	st.DistinctNamed = len(names)
	for si := range p.Sentences {
		if isClaim(p, si) {
			st.ClaimSentences++
		}
	}
	claimsAttributed := 0
	for si, yes := range attributed {
		if yes && isClaim(p, si) {
			claimsAttributed++
		}
	}
	if st.ClaimSentences > 0 {
		st.AttributedShare = round2(float64(claimsAttributed) / float64(st.ClaimSentences))
	}
	if rels > 0 {
		st.DirectQuoteShare = round2(float64(direct) / float64(rels))
	}
	st.DirectQuotes, st.Relations = direct, rels
}

// isClaim: a sentence of at least eight words that is not excluded chrome.
func isClaim(p *analysis.Pass, si int) bool {
	s := p.Sentences[si]
	if p.IsExcluded(s.Start, s.End) {
		return false
	}
	words := 0
	for k := s.First; k < s.Last; k++ {
		t := &p.Tokens[k]
		if !t.Punct {
			words++
		}
	}
	return words >= 8
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
