// Package factual checks facts against the article's own reference date and
// the knowledge base: titles wrong for the date ("former President Donald
// Trump" while he is in office), wrong names of known office holders
// ("Vladimir Zelenskiy"), and dates that contradict the reference date.
// When the reference date is unknown, date-dependent checks are skipped and
// counted, never guessed.
package factual

import (
	"fmt"
	"github.com/credence-news/credence/lexicons"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/refdate"
	"github.com/credence-news/credence/internal/text"
)

var (
	RuleTitle = core.Rule{ID: "factual.title", Name: "Wrong title for the date", Dimension: "factual", Severity: core.Error,
		Summary: "A title or office is wrong for the article's date.",
		Doc:     "Checks each title given to a known office holder (\"President\", \"former Prime Minister\", \"Sir\") against the knowledge base's dated terms of office on the article's reference date: \"former President Donald Trump\" in 2026 (he is in office), \"President Biden\" after 20 January 2025, an office the person never held, an office qualified by a country the person did not hold it in (\"Canadian Prime Minister Keir Starmer\"), an honorific not yet conferred, a government called after a head whose term had ended told as acting that week (\"The Biden administration announced new tariffs on Monday\" in June 2025). Dated checks are skipped when the reference date is unknown."}
	RuleName = core.Rule{ID: "factual.name", Name: "Wrong name", Dimension: "factual", Severity: core.Error,
		Summary: "A known person's name is wrong.",
		Doc:     "Checks the names of known office holders: a wrong given name (\"Vladimir Zelenskiy\" for Volodymyr Zelensky) or a misspelt surname next to the person's title. Accepted transliterations (Zelensky, Zelenskyy, Zelenskiy) are never flagged."}
	RuleDate = core.Rule{ID: "factual.date", Name: "Wrong date", Dimension: "factual", Severity: core.Error,
		Summary: "A date or event contradicts the article's reference date.",
		Doc:     "Flags an event described as past that had not yet happened on the article's reference date, dated statements that contradict each other (a dateline of 2024 with \"as the war enters its fourth year\"), an age given beside a known person's name that their date of birth rules out on that date (\"Trump, 76,\" in 2026), \"the late\" before the name of someone alive on that date, a death put in another year than the knowledge base's, a statement dated in the article's week (\"said on Tuesday\") by someone dead by then, a year told beside an event that happened once that is not its year (\"the 2017 Brexit referendum\"), and a weekday beside a date it does not fall on (\"Monday, June 12, 2025\")."}
)

// Scorer is the factual scorer.
type Scorer struct {
	kb       *kb.KB
	surnames *lexicon.Matcher
	// single lists one-word surnames, for the misspelling check, and
	// nearby indexes them by every form with up to two letters deleted.
	single []string
	// compound are the surnames of several words ("von der leyen").
	compound []string
	nearby   map[string][]int
	// given holds the folded given names of the people with a one-word
	// surname: a name not among them cannot anchor a misspelt surname.
	given map[string]bool
	// givenLikeDemonym are the words of anyone's given names that end like
	// a nationality ("Traian", "Christian"): in a name they are names.
	givenLikeDemonym map[string]bool
	// countryWords are the knowledge base's one- and two-word country
	// names and demonyms, folded, with the country each stands for.
	countryWords map[string]string
	// onceStems are, by event id, the stems of the phrases of the events
	// that happen once (no anniversary count, no loose phrase, no year in
	// a phrase), for a year told beside one (eventYear).
	onceStems map[string]map[int32]bool
}

// New builds the factual scorer over a knowledge base.
func New(k *kb.KB, stems *text.StemCache) *Scorer {
	lx := &lexicon.Lexicon{Name: "surnames", Categories: map[string]lexicon.Category{"surname": {}}}
	for _, s := range k.Surnames() {
		lx.Entries = append(lx.Entries, &lexicon.Entry{Phrase: s, Category: "surname", Exact: true, Weight: 1, Note: s})
	}
	var single, compound []string
	for _, s := range k.Surnames() {
		if strings.Contains(s, " ") {
			compound = append(compound, s)
		} else {
			single = append(single, s)
		}
	}
	nearby, given := map[string][]int{}, map[string]bool{}
	for i, sur := range single {
		for _, d := range deletions(sur) {
			nearby[d] = append(nearby[d], i)
		}
		for _, person := range k.BySurname(sur) {
			for _, g := range person.Given {
				given[text.Fold(g)] = true
				given[leadingName(g)] = true // "Recep" of "Recep Tayyip"
			}
		}
	}
	givenLikeDemonym := map[string]bool{}
	for _, person := range k.People {
		for _, g := range person.Given {
			for _, w := range strings.Fields(text.Fold(g)) {
				if text.LooksLikeDemonym(w) {
					givenLikeDemonym[w] = true
				}
			}
		}
	}
	countryWords := map[string]string{}
	for _, c := range k.Countries {
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			if f := text.Fold(a); strings.Count(f, " ") <= 1 && !strings.Contains(f, ".") {
				countryWords[f] = c.Name
			}
		}
	}
	onceStems := map[string]map[int32]bool{}
	stemOf := stems
	if stemOf == nil {
		stemOf = &text.StemCache{} // stems are interned strings: any cache gives the same ids
	}
	for _, ev := range k.Events {
		if ev.Anniversary || len(ev.Loose) > 0 || slices.ContainsFunc(ev.Phrases, hasYear) {
			continue
		}
		set := map[int32]bool{}
		for _, ph := range ev.Phrases {
			for _, w := range strings.Fields(text.Fold(ph)) {
				set[text.Intern(stemOf.Stem(w))] = true
			}
		}
		onceStems[ev.ID] = set
	}
	return &Scorer{kb: k, surnames: lexicon.Compile(stems, lx), single: single, compound: compound, nearby: nearby, given: given, givenLikeDemonym: givenLikeDemonym, countryWords: countryWords, onceStems: onceStems}
}

// deletions returns w and every form of it with one or two letters deleted.
// Two words within two edits (insertions, deletions, substitutions) share
// one of these forms, so looking a word's forms up finds every surname
// that close without measuring the distance to all of them.
func deletions(w string) []string {
	r := []rune(w)
	seen := map[string]bool{w: true}
	out := []string{w}
	for i := range r {
		one := string(append(append([]rune{}, r[:i]...), r[i+1:]...))
		if !seen[one] {
			seen[one] = true
			out = append(out, one)
		}
		r1 := []rune(one)
		for j := range r1 {
			two := string(append(append([]rune{}, r1[:j]...), r1[j+1:]...))
			if !seen[two] {
				seen[two] = true
				out = append(out, two)
			}
		}
	}
	return out
}

// near returns the indexes into single of the surnames that share a
// deletion form with w, in single's order: forms of w with up to two
// letters deleted (every surname within two edits), or, without
// twoDeletions, up to one (every surname within one edit or one swap of
// adjacent letters, at a tenth of the lookups).
func (s *Scorer) near(w string, twoDeletions bool) []int {
	// The forms are built in a stack buffer and looked up without being
	// kept (a map index by string(bytes) does not allocate): this runs for
	// every capitalised word after a title.
	var offsBuf [48]int
	offs := offsBuf[:0]
	for i := range w {
		offs = append(offs, i)
	}
	offs = append(offs, len(w))
	var buf [128]byte
	out := slices.Clone(s.nearby[w])
	for i := 0; i+1 < len(offs); i++ {
		one := append(append(buf[:0], w[:offs[i]]...), w[offs[i+1]:]...)
		out = append(out, s.nearby[string(one)]...)
		for j := i + 1; twoDeletions && j+1 < len(offs); j++ {
			two := append(append(append(buf[:0], w[:offs[i]]...), w[offs[i+1]:offs[j]]...), w[offs[j+1]:]...)
			out = append(out, s.nearby[string(two)]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (*Scorer) Name() string       { return "factual" }
func (*Scorer) Rules() []core.Rule { return []core.Rule{RuleName, RuleTitle, RuleDate} }

// Stage checks names, titles and dated events against the knowledge base
// as of the article's reference date, outside page furniture.
func (s *Scorer) Stage() *analysis.Stage {
	return analysis.NewStage("factual", analysis.Factual, []analysis.Key{analysis.Integrity, analysis.RefDate}, func(p *analysis.Pass) core.FactualChecks {
		s.score(p)
		return core.FactualChecks{Unchecked: *analysis.Memo(p, unchecked, newCount)}
	})
}

// unchecked counts, per document, the date-dependent checks skipped.
var unchecked = analysis.NewResult[*int]("factual: checks skipped")

func newCount() *int { return new(int) }

func (s *Scorer) score(p *analysis.Pass) {
	var sc lexicon.Scratch
	var found []lexicon.Match
	matched := make([]bool, len(p.Tokens)) // tokens inside a known name
	for _, sent := range p.Sentences {
		if p.Stopped() {
			break
		}
		toks := p.Tokens[sent.First:sent.Last]
		found = s.surnames.AppendMatches(found[:0], toks, &sc)
		for _, m := range found {
			first, last := sent.First+m.First, sent.First+m.Last
			// A surname opens with a capital, or with particles before one.
			capital := p.Capitalized(p.Tokens[first])
			for k := first; !capital && k < last-1 && nameParticle.Has(&p.Tokens[k]); k++ {
				capital = p.Capitalized(p.Tokens[k+1]) // "de Villepin", "de la Rúa"
			}
			if !capital || p.IsExcluded(p.Tokens[first].Start, p.Tokens[last-1].End) {
				continue
			}
			for k := first; k < last; k++ {
				matched[k] = true
			}
			people := s.kb.BySurname(m.Entry.Note)
			s.mention(p, first, last, people, sent.First)
			s.administration(p, first, last, people)
		}
		s.misspelt(p, sent, matched)
	}
	s.dates(p)
}

// titles are office titles as folded words, with the title each stands for.
var titles = []struct {
	words []string
	title string
}{
	{[]string{"vice", "president"}, "Vice President"},
	{[]string{"president"}, "President"},
	{[]string{"prime", "minister"}, "Prime Minister"},
	{[]string{"premier"}, "Prime Minister"},
	{[]string{"pm"}, "Prime Minister"},
	{[]string{"taoiseach"}, "Prime Minister"}, // Ireland's
	{[]string{"chancellor", "of", "the", "exchequer"}, "Chancellor"},
	{[]string{"chancellor"}, "Chancellor"},
	{[]string{"foreign", "minister"}, "Foreign Minister"},
	{[]string{"foreign", "affairs", "minister"}, "Foreign Minister"},
	{[]string{"external", "affairs", "minister"}, "Foreign Minister"}, // India's
	{[]string{"foreign", "secretary"}, "Foreign Secretary"},
	{[]string{"secretary", "of", "state"}, "Secretary of State"},
	{[]string{"defence", "minister"}, "Defence Minister"},
	{[]string{"defense", "minister"}, "Defence Minister"},
	{[]string{"defence", "secretary"}, "Defense Secretary"},
	{[]string{"defense", "secretary"}, "Defense Secretary"},
	{[]string{"secretary", "general"}, "Secretary General"},
	{[]string{"secretary", "-", "general"}, "Secretary-General"},
	{[]string{"speaker", "of", "the", "house"}, "Speaker"},
	{[]string{"house", "speaker"}, "Speaker"},
	{[]string{"speaker"}, "Speaker"},
	{[]string{"senate", "majority", "leader"}, "Senate Majority Leader"},
	{[]string{"senate", "minority", "leader"}, "Senate Minority Leader"},
	{[]string{"house", "majority", "leader"}, "House Majority Leader"},
	{[]string{"house", "minority", "leader"}, "House Minority Leader"},
	{[]string{"majority", "leader"}, "Majority Leader"},
	{[]string{"minority", "leader"}, "Minority Leader"},
	{[]string{"pope"}, "Pope"},
	{[]string{"king"}, "King"},
	{[]string{"queen"}, "Queen"},
	{[]string{"senator"}, "Senator"},
}

// canonical names the kind of office a title is, whatever a country calls it.
func canonical(title string) string {
	switch title {
	case "Foreign Secretary", "Secretary of State":
		return "Foreign Minister"
	case "Premier":
		return "Prime Minister"
	case "Defense Secretary", "Defence Secretary":
		return "Defence Minister"
	case "Secretary-General":
		return "Secretary General"
	}
	return title
}

// sameTitle treats the names different countries give one kind of office
// alike, and a leader's title without its chamber ("Majority Leader") as
// either chamber's.
func sameTitle(a, b string) bool {
	a, b = canonical(a), canonical(b)
	return a == b || chamberless(a) == b || a == chamberless(b)
}

// chamberless drops the chamber from a congressional leader's title.
func chamberless(title string) string {
	if t, ok := strings.CutPrefix(title, "Senate "); ok {
		return t
	}
	if t, ok := strings.CutPrefix(title, "House "); ok {
		return t
	}
	return title
}

// honorifics precede a name without being part of it.
var honorificWords = lexicons.Set("honorifics")

type mentionInfo struct {
	given                string
	givenStart, givenEnd int
	title                string
	titleStart           int
	former, then         bool
	late                 bool // "the late …", "the late President …"
	incoming             bool // "incoming President …", "President-elect …"
	honorific            string
	honorStart           int
	start                int // first token of the whole phrase
	// country is the state a qualifier before the title names ("Canadian
	// Prime Minister", "Britain's Prime Minister"), "" when none does;
	// countryStart is the qualifier's first token.
	country      string
	countryStart int
}

var nameParticle = text.NewWordSet(lexicons.Words("name_particles")...)

// parseMention reads back from the surname at token index first: given
// name(s), an honorific, a title and "former".
func (s *Scorer) parseMention(p *analysis.Pass, first, sentFirst int) mentionInfo {
	mi := mentionInfo{start: first, titleStart: -1, honorStart: -1}
	k := first - 1
	// A particle of the surname ("de Villepin", "van der Bellen") stands
	// between the given name and the surname's capitalised part.
	for n := 0; n < 2 && k > sentFirst && nameParticle.Has(&p.Tokens[k]) && !p.Capitalized(p.Tokens[k]); n++ {
		k--
	}
	// Given names: capitalised words that are not title words (at most
	// three: "Luiz Inácio Lula da Silva"), a middle initial ("George W.
	// Bush", "Viktor F. Yanukovych"), and the halves of a hyphenated name
	// ("Jean-Claude Juncker").
	gEnd := k
	for n := 0; n < 4 && k >= sentFirst; n++ {
		t := &p.Tokens[k]
		if n < 3 && t.Punct && t.Norm == "." && k-1 >= sentFirst && isInitial(p, k-1) {
			k -= 2
			continue
		}
		if t.Punct && t.Norm == "-" && k-1 >= sentFirst && k < gEnd && p.Tokens[k-1].End == t.Start && t.End == p.Tokens[k+1].Start {
			k-- // a hyphenated given name, "Jean-Claude": one name
			n--
			continue
		}
		if n == 3 {
			break
		}
		w := t.Norm
		if t.Punct || !p.Capitalized(*t) || isTitleWord(t) || honorificWords[w] || text.LooksLikeDemonym(w) && !s.givenLikeDemonym[w] {
			break
		}
		k--
	}
	if k < gEnd {
		mi.givenStart, mi.givenEnd = p.Tokens[k+1].Start, p.Tokens[gEnd].End
		mi.given = p.Text[mi.givenStart:mi.givenEnd]
		mi.start = k + 1
	}
	if k >= sentFirst && honorificWords[p.Tokens[k].Norm] && p.Capitalized(p.Tokens[k]) {
		mi.honorific = p.Text[p.Tokens[k].Start:p.Tokens[k].End]
		mi.honorStart = k
		mi.start = k
		k--
	}
	// "President-elect", "Prime Minister-designate": the title, not yet
	// taken up; it reads as "incoming" does.
	elect := k-2 >= sentFirst && (p.Tokens[k].Norm == "elect" || p.Tokens[k].Norm == "designate") && p.Tokens[k-1].Norm == "-" &&
		p.Tokens[k-1].Start == p.Tokens[k-2].End && p.Tokens[k].Start == p.Tokens[k-1].End
	if elect {
		k -= 2
	}
	// Title: the longest known title ending at k.
	var ending []int
	if k >= sentFirst {
		ending = titlesByLast[p.Tokens[k].Norm]
	}
	for _, ti := range ending {
		t := titles[ti]
		n := len(t.words)
		if k-n+1 < sentFirst {
			continue
		}
		if wordsAt(p, k-n+1, t.words) && p.Capitalized(p.Tokens[k-n+1]) {
			mi.title = t.title
			mi.titleStart = k - n + 1
			mi.start = k - n + 1
			k -= n
			break
		}
	}
	if mi.title == "" {
		// "the late Shinzo Abe", "Japan's late Shinzo Abe": said of the
		// dead. "the late Obama years" is a time, read by the caller.
		if k-1 >= sentFirst && p.Tokens[k].Norm == "late" && (lateDeterminer[p.Tokens[k-1].Norm] || k-2 >= sentFirst && text.PossessiveAt(p.Tokens, k-2)) {
			mi.late, mi.start = true, k
		}
		return mi
	}
	if k >= sentFirst && otherOffice[p.Tokens[k].Norm] {
		// "Shadow Chancellor", "Deputy Prime Minister", "Lord Chancellor",
		// "Acting President": another office than the one the title names.
		mi.title, mi.titleStart = "", -1
		return mi
	}
	mi.incoming = elect
	mi.country, mi.countryStart = s.countryBefore(p, k, sentFirst)
	// Qualifiers before the title ("U.S.", "French") and "former"/"late"/"ex-".
	for j := k; j >= sentFirst && j > k-6; j-- {
		w := p.Tokens[j].Norm
		if w == "incoming" {
			mi.incoming = true
			mi.start = j
			break
		}
		if w == "former" || w == "late" || w == "ex" || w == "then" {
			if w == "then" {
				mi.then = true // "then-President": correct for its time by construction
				break
			}
			mi.former, mi.late = true, w == "late"
			mi.start = j
			break
		}
		if !(p.Capitalized(p.Tokens[j]) || p.Tokens[j].Punct) {
			break
		}
	}
	return mi
}

// wordsAt reports whether the tokens from k are the folded words.
func wordsAt(p *analysis.Pass, k int, words []string) bool {
	if k < 0 || k+len(words) > len(p.Tokens) {
		return false
	}
	for j, w := range words {
		if p.Tokens[k+j].Norm != w {
			return false
		}
	}
	return true
}

// isInitial reports a single capital letter at token k written against
// the full stop after it: a middle initial.
func isInitial(p *analysis.Pass, k int) bool {
	t := &p.Tokens[k]
	r, size := utf8.DecodeRuneInString(p.Text[t.Start:t.End])
	return size == t.End-t.Start && unicode.IsUpper(r) && p.Tokens[k+1].Start == t.End
}

// isTitleWord reports a word of a title, a courtesy title or a country
// abbreviation: what stands before a name without being part of it.
func isTitleWord(t *text.Token) bool { return titleWords.Has(t) }

var titleWords = func() text.WordSet {
	words := []string{"minister", "secretary", "envoy", "chief", "leader", "mr", "mrs", "ms", "dr", "general", "ambassador", "governor", "mayor", "u", "s", "uk", "us", "eu", "nato", "un"}
	for _, t := range titles {
		words = append(words, t.words...)
	}
	return text.NewWordSet(words...)
}()

// otherOffice are the words before a title that make it another office.
var otherOffice = map[string]bool{"shadow": true, "deputy": true, "vice": true, "assistant": true, "junior": true, "acting": true, "lord": true, "under": true}

// titlesByLast are the titles by their last word, in the table's order
// ("vice president" before "president"), so that the word before a name
// picks the few titles it could end.
var titlesByLast = func() map[string][]int {
	m := map[string][]int{}
	for i, t := range titles {
		last := t.words[len(t.words)-1]
		m[last] = append(m[last], i)
	}
	return m
}()

// mention checks one surname occurrence.
func (s *Scorer) mention(p *analysis.Pass, first, last int, cands []*kb.Person, sentFirst int) {
	if len(cands) == 0 {
		return
	}
	// Skip a surname inside a longer capitalised name we do not know ("Trump Tower").
	if last < len(p.Tokens) && p.Capitalized(p.Tokens[last]) && !p.Tokens[last].Punct && p.Tokens[last].Start == p.Tokens[last-1].End+1 {
		if r, _ := utf8.DecodeRuneInString(p.Text[p.Tokens[last].Start:]); unicode.IsUpper(r) && !isTitleWord(&p.Tokens[last]) {
			return
		}
	}
	mi := s.parseMention(p, first, sentFirst)
	person := resolve(cands, mi)
	// A bare surname stands for a person only where it ends a phrase or
	// says or does something: "the 78-year-old Trump supporter" is not him.
	standsAlone := last >= len(p.Tokens) || p.Tokens[last].Punct || reportingNow.Has(&p.Tokens[last]) || p.Tokens[last].Norm == "died"
	surname := p.Tokens[first].Norm // folded already; a surname of several words is folded here
	if last-first > 1 {
		surname = text.Fold(p.Text[p.Tokens[first].Start:p.Tokens[last-1].End])
	}
	person = analysis.Memo(p, namedPeople, newNamedPeople).resolve(surname, person, mi, standsAlone)
	if person == nil && mi.given == "" && mi.title == "" {
		// A bare surname that a title set after it identifies: "Biden,
		// the current president," is the one Biden who was a president.
		probe := mi
		if _, ok := s.appositiveTitle(p, last, &probe); ok {
			person = resolve(cands, probe)
		}
	}
	if person == nil {
		return
	}
	spanStart := p.Tokens[mi.start].Start
	spanEnd := p.Tokens[last-1].End
	if _, quoted := p.QuoteAt(spanStart, spanEnd); quoted {
		return
	}
	// Wrong given name.
	if mi.given != "" && !person.HasGiven(mi.given) {
		gfirst := strings.Fields(mi.given)[0]
		if person.IsWrongGiven(mi.given) || person.IsWrongGiven(gfirst) {
			p.Report(core.Finding{Rule: RuleName.ID, Start: mi.givenStart, End: p.Tokens[last-1].End, Severity: RuleName.Severity, Confidence: 0.95,
				Message: fmt.Sprintf("Wrong given name: %s's given name is %s, not %s.", person.Name(), person.Given[0], mi.given),
				Explanation: fmt.Sprintf("The knowledge base lists %s (%s) with the given name %s; %q is a known confusion. Accepted spellings of the surname: %s.",
					person.Name(), describeOffices(person), givenNames(person.Given), mi.given, strings.Join(person.Surname, ", "))})
			return
		}
		if right, ok := typoOfGiven(person, gfirst); ok {
			p.Report(core.Finding{Rule: RuleName.ID, Start: mi.givenStart, End: p.Tokens[last-1].End, Severity: RuleName.Severity, Confidence: 0.85,
				Message: fmt.Sprintf("Misspelt given name: %s, not %s.", right, gfirst),
				Explanation: fmt.Sprintf("The knowledge base lists %s (%s) with the given name %s; %q differs from it by a doubled or swapped letter, the shape of a typing slip rather than another spelling of the name.",
					person.Name(), describeOffices(person), givenNames(person.Given), gfirst)})
			return
		}
	}
	if s.checkLife(p, person, mi, last, sentFirst) {
		return
	}
	s.checkAge(p, person, mi.start, last, sentFirst)
	if mi.honorific != "" {
		s.checkHonorific(p, person, mi, spanEnd)
	}
	if mi.title != "" && !mi.then && !hypothetical(p, mi) {
		// "Prime Minister Keir Starmer of Britain said": the country after.
		if c, n := s.countryAt(p, last+1); mi.country == "" && n > 0 && p.Tokens[last].Norm == "of" && endsQualifier(p, last+1+n) {
			mi.country, mi.countryStart = c, last+1
			spanEnd = p.Tokens[last+n].End
		}
		s.checkOffice(p, person, mi, spanStart, spanEnd)
		return
	}
	// The title after the name: "Donald Trump, the former president, said";
	// or before it, set off by commas: "The prime minister, Rishi Sunak,".
	if mi.title == "" {
		if s.titleBefore(p, last, sentFirst, &mi) {
			s.checkOffice(p, person, mi, p.Tokens[mi.start].Start, spanEnd)
		} else if end, ok := s.appositiveTitle(p, last, &mi); ok {
			s.checkOffice(p, person, mi, spanStart, p.Tokens[end-1].End)
		}
	}
}

// checkOffice checks a title's country, and then, if that is right, the
// title itself on the article's date.
func (s *Scorer) checkOffice(p *analysis.Pass, person *kb.Person, mi mentionInfo, start, end int) {
	if !s.checkCountry(p, person, mi, start, end) {
		s.checkTitle(p, person, mi, start, end)
	}
}

// presentQualifier are the words before a title that say the office is
// held now.
var presentQualifier = map[string]bool{"current": true, "sitting": true, "incumbent": true, "serving": true}

// titleBefore reads a title that opens the sentence and is set off from
// the name after it by commas: "The prime minister, Rishi Sunak, said",
// "Britain's former prime minister, Boris Johnson,". Only the title's
// qualifiers (the, a country, "former", "current") may come before it: in
// "After meeting the prime minister, Rishi Sunak said" the title is
// someone else's. It sets the mention's title, former, country and start.
func (s *Scorer) titleBefore(p *analysis.Pass, last, sentFirst int, mi *mentionInfo) bool {
	k := mi.start - 1
	if k-1 <= sentFirst || p.Tokens[k].Norm != "," || last >= len(p.Tokens) || p.Tokens[last].Norm != "," {
		return false
	}
	k-- // the title's last word
	for _, ti := range titlesByLast[p.Tokens[k].Norm] {
		t := titles[ti]
		n := len(t.words)
		first := k - n + 1
		if first < sentFirst {
			continue
		}
		if !wordsAt(p, first, t.words) {
			continue
		}
		former, country, countryStart := false, "", 0
		dateline := datelineEnd(p)
		open := first // the title phrase's first token
		for j := first - 1; j >= sentFirst && p.Tokens[j].Start >= dateline; j-- {
			open = j
			tok := &p.Tokens[j]
			switch {
			case tok.Norm == "former" || tok.Norm == "ex":
				former = true
			case presentQualifier[tok.Norm] || tok.Norm == "the" || tok.Norm == "s" || tok.Norm == "'" || tok.Norm == "’" || tok.Norm == "-" || isAcronym(p.Text[tok.Start:tok.End]):
			default:
				c, n := s.countryAt(p, j)
				if n == 0 || j+n > first {
					if c2, n2 := s.countryAt(p, j-1); j-1 >= sentFirst && n2 == 2 {
						c, n, j = c2, n2, j-1 // "the United Kingdom's"
					} else {
						return false
					}
				}
				country, countryStart, open = c, j, j
			}
		}
		if first > sentFirst && otherOffice[p.Tokens[first-1].Norm] {
			return false // "the deputy prime minister, …"
		}
		mi.title, mi.titleStart, mi.former, mi.start = t.title, first, former, open
		mi.country, mi.countryStart = country, countryStart
		return true
	}
	return false
}

// countryAt reads a country named at token k, in one or two words and
// with "the" before it ("France", "the United Kingdom"): the country and
// the tokens read, 0 when none is.
func (s *Scorer) countryAt(p *analysis.Pass, k int) (string, int) {
	if k < 0 {
		return "", 0
	}
	the := 0
	if k < len(p.Tokens) && p.Tokens[k].Norm == "the" {
		the = 1
	}
	k += the
	if k >= len(p.Tokens) || !p.Capitalized(p.Tokens[k]) {
		return "", 0
	}
	if k+1 < len(p.Tokens) && p.Capitalized(p.Tokens[k+1]) {
		if c, ok := s.countryWords[p.Tokens[k].Norm+" "+p.Tokens[k+1].Norm]; ok {
			return c, the + 2
		}
	}
	if c, ok := s.countryWords[p.Tokens[k].Norm]; ok {
		return c, the + 1
	}
	return "", 0
}

// endsQualifier reports whether a country read before token k ends the
// phrase it qualifies: punctuation or a lower-case word follows, not a
// possessive or another capitalised word ("of Germany's Social
// Democrats", "of France Télévisions" name something else).
func endsQualifier(p *analysis.Pass, k int) bool {
	if k >= len(p.Tokens) {
		return true
	}
	t := &p.Tokens[k]
	if text.IsApostrophe(t) {
		return false
	}
	return t.Punct || !p.Capitalized(*t)
}

// namedPeople are, per document, the known people named so far with a
// given name, by surname as written: a later bare surname ("Trump, 76,")
// is the person named in full before it. A surname two people carry in
// the document (Donald and Ivanka Trump) is left unresolved.
var namedPeople = analysis.NewResult[*docPeople]("factual: people named in full")

type docPeople struct {
	bySurname map[string]*kb.Person // nil: two people of the name
}

func newNamedPeople() *docPeople { return &docPeople{bySurname: map[string]*kb.Person{}} }

// resolve records a mention with a given name and returns the person a
// bare surname (no given name, no title) stands for. key is the surname
// as written, folded.
func (d *docPeople) resolve(key string, person *kb.Person, mi mentionInfo, standsAlone bool) *kb.Person {
	prev, seen := d.bySurname[key]
	switch {
	case mi.given != "":
		if !seen {
			d.bySurname[key] = person
		} else if prev != person {
			d.bySurname[key] = nil // another person of the name, or one the knowledge base does not know
		}
		return person
	case person == nil && mi.title == "" && mi.honorific == "" && standsAlone:
		return prev
	}
	return person
}

// appositiveTitle reads a title set after a name: ", the former
// president", ", the ex-prime minister", ", the U.S. president", and with
// the country the office is of: ", the French president", ", France's
// president", ", the president of France". It sets the mention's title,
// former and country and returns the token after the phrase.
func (s *Scorer) appositiveTitle(p *analysis.Pass, last int, mi *mentionInfo) (end int, ok bool) {
	k := last
	if k+1 >= len(p.Tokens) || p.Tokens[k].Norm != "," {
		return 0, false
	}
	country, countryStart := "", 0
	if p.Tokens[k+1].Norm == "the" {
		k += 2
	} else if c, n := s.countryAt(p, k+1); n > 0 && k+n+2 < len(p.Tokens) && text.PossessiveAt(p.Tokens, k+1+n) {
		country, countryStart = c, k+1 // ", France's president"
		k += n + 3
	} else if k+3 < len(p.Tokens) && isAcronym(p.Text[p.Tokens[k+1].Start:p.Tokens[k+1].End]) && text.PossessiveAt(p.Tokens, k+2) {
		k += 4 // ", NATO's secretary general": the organisation the office is of
	} else {
		return 0, false
	}
	former := false
	for ; k < len(p.Tokens) && k < last+8; k++ {
		t := &p.Tokens[k]
		switch {
		case t.Norm == "former" || t.Norm == "ex":
			former = true
			continue
		case t.Norm == "then":
			return 0, false // ", the then president,": the title of its time
		case presentQualifier[t.Norm]:
			continue // ", the current president"
		case t.Punct && t.Norm != "," || text.LooksLikeDemonym(t.Norm) || isAcronym(p.Text[t.Start:t.End]) || p.Places[t.Norm] || t.Norm == "u" || t.Norm == "s":
			if c, ok := s.countryWords[t.Norm]; ok && country == "" {
				country, countryStart = c, k // ", the French president"
			}
			continue // "ex-", "U.S.", "French"
		}
		for _, ti := range titles {
			n := len(ti.words)
			if !wordsAt(p, k, ti.words) {
				continue
			}
			// ", the president of France,"
			if c, cn := s.countryAt(p, k+n+1); k+n < len(p.Tokens) && p.Tokens[k+n].Norm == "of" && cn > 0 && country == "" && k+n+1+cn < len(p.Tokens) && p.Tokens[k+n+1+cn].Punct {
				country, countryStart = c, k+n+1
				n += 1 + cn
			} else if k+n+2 < len(p.Tokens) && p.Tokens[k+n].Norm == "of" && isAcronym(p.Text[p.Tokens[k+n+1].Start:p.Tokens[k+n+1].End]) && p.Tokens[k+n+2].Punct {
				n += 2 // ", the secretary general of NATO,"
			}
			// An appositive is set off by punctuation: in "the former
			// president of the club" it is another office, in "Hillary
			// Clinton, the president completely undercut her" a new clause.
			if k+n == len(p.Tokens) || p.Tokens[k+n].Punct {
				mi.title, mi.former, mi.country, mi.countryStart = ti.title, former, country, countryStart
				return k + n, true
			}
		}
		return 0, false
	}
	return 0, false
}

// resolve picks the person meant: by given name, then by title, then the
// only candidate.
func resolve(cands []*kb.Person, mi mentionInfo) *kb.Person {
	if mi.given != "" {
		for _, c := range cands {
			if c.HasGiven(mi.given) || c.HasGiven(strings.Fields(mi.given)[0]) && !otherMiddle(c, mi.given) {
				return c
			}
		}
		for _, c := range cands {
			if c.IsWrongGiven(mi.given) || c.IsWrongGiven(strings.Fields(mi.given)[0]) {
				return c
			}
		}
		// Another given name is another person ("Prime Minister Michael
		// Fischer" is not Jan Fischer), unless it is a near-spelling of an
		// accepted one ("Petr"/"Peter").
		cands = nearGiven(cands, strings.Fields(mi.given)[0])
		if len(cands) == 0 {
			return nil
		}
	}
	if mi.title != "" {
		var hit []*kb.Person
		for _, c := range cands {
			for _, o := range c.Offices {
				if sameTitle(o.Title, mi.title) {
					hit = append(hit, c)
					break
				}
			}
		}
		if len(hit) == 1 && (mi.given == "" || len(cands) == 1) {
			return hit[0]
		}
	}
	if len(cands) == 1 && mi.given == "" && mi.title != "" {
		return cands[0]
	}
	if len(cands) == 1 && mi.given != "" && cands[0].HasGiven(mi.given) {
		return cands[0]
	}
	// The full name with a slip in the given name ("Emanuel Macron").
	if len(cands) == 1 && mi.given != "" {
		if _, ok := typoOfGiven(cands[0], strings.Fields(mi.given)[0]); ok {
			return cands[0]
		}
	}
	return nil
}

// otherMiddle reports whether a given name's middle part contradicts every
// accepted form of the person's that has one: "George HW" is not George W.
// Bush, though both are George.
func otherMiddle(p *kb.Person, given string) bool {
	g := strings.Fields(given)
	if len(g) < 2 {
		return false
	}
	middle := func(s string) string { return text.Fold(strings.ReplaceAll(s, ".", "")) }
	conflict := false
	for _, x := range p.Given {
		f := strings.Fields(x)
		if len(f) < 2 || text.Fold(f[0]) != text.Fold(g[0]) {
			continue
		}
		if middle(f[1]) == middle(g[1]) {
			return false
		}
		conflict = true
	}
	return conflict
}

func describeOffices(p *kb.Person) string {
	var parts []string
	for _, o := range p.Offices {
		end := "present"
		if o.End != nil {
			end = o.End.Format("2 Jan 2006")
		}
		parts = append(parts, fmt.Sprintf("%s of %s %s – %s", o.Title, o.Of, o.Start.Format("2 Jan 2006"), end))
	}
	if len(parts) == 0 {
		return "no office on record"
	}
	return strings.Join(parts, "; ")
}

// status says how the person stood in offices of this title over the range.
func status(person *kb.Person, title string, from, to time.Time) (allIn, noneIn, everBefore, everAfter bool) {
	allIn, noneIn = true, true
	last := to.AddDate(0, 0, -1)
	for _, t := range []time.Time{from, last} {
		held := false
		for _, o := range person.Offices {
			if sameTitle(o.Title, title) && o.Holds(t) {
				held = true
			}
		}
		if held {
			noneIn = false
		} else {
			allIn = false
		}
	}
	// Terms inside the range would make the ends misleading.
	for _, o := range person.Offices {
		if !sameTitle(o.Title, title) {
			continue
		}
		if o.Start.After(from) && o.Start.Before(last) || o.End != nil && o.End.After(from) && o.End.Before(last) {
			allIn, noneIn = false, false
		}
		if o.Start.Before(from) {
			everBefore = true
		}
		if o.Start.After(last) {
			everAfter = true
		}
	}
	return
}

// inOfficeSince is the start of the term of office titled title that the
// person held on day (the zero time if none).
func inOfficeSince(person *kb.Person, title string, day time.Time) time.Time {
	for _, o := range person.Offices {
		if sameTitle(o.Title, title) && !o.Start.After(day) && (o.End == nil || o.End.After(day)) {
			return o.Start.Time
		}
	}
	return time.Time{}
}

func (s *Scorer) checkTitle(p *analysis.Pass, person *kb.Person, mi mentionInfo, start, end int) {
	if !p.RefDate.Known() {
		*analysis.Memo(p, unchecked, newCount)++
		return
	}
	from, to := p.RefDate.Time, p.RefDate.Latest
	allIn, noneIn, everBefore, everAfter := status(person, mi.title, from, to)
	phrase := p.Text[start:end]
	when := describeRef(p.RefDate)
	var f core.Finding
	switch {
	case mi.former && allIn:
		f = core.Finding{Confidence: 0.9,
			Message: fmt.Sprintf("%q: %s is the sitting %s on the article's date, not a former one.", phrase, person.Name(), mi.title),
			Explanation: fmt.Sprintf("The article dates itself to %s. The knowledge base has %s in office as %s then (%s), so \"former\" is wrong.",
				when, person.Name(), mi.title, describeOffices(person))}
	case mi.incoming && allIn && !historical(p, person, mi, end) && inOfficeSince(person, mi.title, from).Before(from.AddDate(0, 0, -7)):
		// "Incoming" fits the weeks between an election and taking office,
		// and the first days after; a week into the term it is stale.
		since := inOfficeSince(person, mi.title, from)
		f = core.Finding{Confidence: 0.85,
			Message: fmt.Sprintf("%q: %s had already been %s since %s on the article's date, not an incoming one.", phrase, person.Name(), mi.title, since.Format("2 January 2006")),
			Explanation: fmt.Sprintf("The article dates itself to %s. The knowledge base has %s in office as %s from %s (%s), so \"incoming\" is wrong.",
				when, person.Name(), mi.title, since.Format("2 January 2006"), describeOffices(person))}
	case !mi.former && !mi.incoming && noneIn && everBefore && !historical(p, person, mi, end) && (thisWeek(p, mi) || recentlyLeft(person, mi.title, from) || !regnal[canonical(mi.title)] && s.opensSentence(p, mi) && !pastNarrative(p, end)):
		f = core.Finding{Confidence: 0.85,
			Message: fmt.Sprintf("%q: %s no longer held the office of %s on the article's date.", phrase, person.Name(), mi.title),
			Explanation: fmt.Sprintf("The article dates itself to %s, but %s's term as %s had ended by then (%s); the title should say \"former\".",
				when, person.Name(), mi.title, describeOffices(person))}
	case !mi.former && !mi.incoming && noneIn && everAfter && !designate(person, mi.title, to) && (thisWeek(p, mi) || s.opensSentence(p, mi)):
		// A future title that is neither the subject of the sentence nor in
		// a present event is mostly speculation ("worrying about President
		// Trump", 2016).
		f = core.Finding{Confidence: 0.85,
			Message:     fmt.Sprintf("%q: %s did not yet hold the office of %s on the article's date.", phrase, person.Name(), mi.title),
			Explanation: fmt.Sprintf("The article dates itself to %s, before %s took office as %s (%s).", when, person.Name(), mi.title, describeOffices(person))}
	case noneIn && !everBefore && !everAfter && completeTitles[canonical(mi.title)] && mi.given != "":
		// A surname alone with a title the person never held is most likely
		// someone else of that name ("President Johnson" is not Boris).
		f = core.Finding{Confidence: 0.75,
			Message:     fmt.Sprintf("%q: %s never held an office titled %s.", phrase, person.Name(), mi.title),
			Explanation: fmt.Sprintf("The knowledge base records these offices for %s: %s. None is %s.", person.Name(), describeOffices(person), mi.title)}
	case noneIn && !everBefore && !everAfter && mi.given != "" && !mi.former && !mi.incoming && kb.SingleHolder(mi.title):
		// A minister's title on someone who never held it, when the
		// knowledge base knows who held it then: "Secretary of State Pete
		// Hegseth" in 2026 (Marco Rubio was).
		of := person.Country
		if mi.country != "" {
			of = mi.country
		}
		holder := s.holderOn(mi.title, of, from, to)
		if holder == nil {
			return
		}
		f = core.Finding{Confidence: 0.8,
			Message:     fmt.Sprintf("%q: %s never held the office of %s; on the article's date %s did.", phrase, person.Name(), mi.title, holder.Name()),
			Explanation: fmt.Sprintf("The knowledge base records these offices for %s: %s. The %s of %s on the article's date (%s) was %s (%s).", person.Name(), describeOffices(person), mi.title, theCountry(of), when, holder.Name(), describeOffices(holder))}
	default:
		return
	}
	s.uncheckedSince(&f, to)
	f.Rule, f.Start, f.End, f.Severity = RuleTitle.ID, start, end, RuleTitle.Severity
	p.Report(f)
}

// dayInClause reports a day word (dayWord) from token k to the end of its
// clause: the first comma, semicolon, colon, dash or clause-joining
// conjunction.
func dayInClause(p *analysis.Pass, k int) bool {
	end := p.Sentences[p.SentenceAt(p.Tokens[k].Start)].Last
	for ; k < end; k++ {
		switch w := p.Tokens[k].Norm; {
		case dayWord(w):
			return true
		case w == "," || w == ";" || w == ":" || w == "—" || w == "–" || clauseJoiner[w]:
			return false
		}
	}
	return false
}

var clauseJoiner = map[string]bool{"so": true, "but": true, "while": true, "because": true, "when": true, "after": true, "before": true, "although": true}

// governments names the governments called after their head ("the Biden
// administration", "the Johnson government") with the offices whose holder
// names them.
var governments = map[string][]string{
	"administration": {"President"},
	"government":     {"Prime Minister", "Chancellor"},
}

// administration checks a government called after its head and told as
// acting in the article's week ("The Biden administration announced new
// tariffs on Monday", June 2025) when that head's term had ended by the
// article's date. Only as the sentence's subject ("the" and the dateline
// alone before it), with a weekday, "today" or "yesterday" in the sentence
// and no "had" after it: "the policies of the Biden administration" and
// "the Biden administration had imposed" name it in passing. The day must
// be in the subject's own clause: "The Obama administration appealed, so
// today President Trump can drop the appeal" dates the second clause.
func (s *Scorer) administration(p *analysis.Pass, first, last int, people []*kb.Person) {
	if last+1 >= len(p.Tokens) || first == 0 || p.Tokens[first-1].Norm != "the" {
		return
	}
	offices := governments[p.Tokens[last].Norm]
	mi := mentionInfo{start: first - 1}
	if offices == nil || p.Tokens[last+1].Norm == "had" || !s.opensSentence(p, mi) || !dayInClause(p, last+1) || !p.RefDate.Known() || p.RefDate.NoEarlier() {
		return
	}
	var person *kb.Person
	var title, of string
	for _, cand := range people {
		for _, o := range cand.Offices {
			if slices.ContainsFunc(offices, func(t string) bool { return sameTitle(o.Title, t) }) && (p.Tokens[last].Norm != "administration" || o.Of == "United States") {
				if person != nil && person != cand {
					return // two leaders of the name
				}
				person, title, of = cand, o.Title, o.Of
			}
		}
	}
	if person == nil {
		return
	}
	from, to := p.RefDate.Time, p.RefDate.Latest
	if _, noneIn, everBefore, _ := status(person, title, from, to); !noneIn || !everBefore {
		return
	}
	start, end := p.Tokens[first-1].Start, p.Tokens[last].End
	phrase := p.Text[start:end]
	then := ""
	if holder := s.holderOn(title, of, from, to); holder != nil {
		then = fmt.Sprintf("; the %s of %s then was %s", title, theCountry(of), holder.Name())
	}
	f := core.Finding{Rule: RuleTitle.ID, Start: start, End: end, Severity: RuleTitle.Severity, Confidence: 0.8,
		Message: fmt.Sprintf("%q: %s was no longer %s on the article's date.", phrase, person.Name(), title),
		Explanation: fmt.Sprintf("The article dates itself to %s and tells what the %s did that week, but %s's term as %s had ended by then (%s)%s.",
			describeRef(p.RefDate), p.Text[p.Tokens[first].Start:end], person.Name(), title, describeOffices(person), then)}
	s.uncheckedSince(&f, to)
	p.Report(f)
}

// uncheckedSince lowers the confidence of an office finding dated past the
// day the knowledge base was last checked (to is the article's latest
// date), and says why: an office may have changed hands since without it
// knowing.
func (s *Scorer) uncheckedSince(f *core.Finding, to time.Time) {
	if c := s.kb.CheckedThrough; !c.IsZero() && to.After(c) {
		f.Confidence *= 0.7
		f.Explanation += fmt.Sprintf(" The knowledge base was last checked on %s, before the article's date: a change of office since then would not be in it.", c.Format("2 January 2006"))
	}
}

// holderOn returns the one person the knowledge base has in the office of
// this kind (canonical title) of country of throughout [from, to], or nil.
func (s *Scorer) holderOn(title, of string, from, to time.Time) *kb.Person {
	var holder *kb.Person
	for _, p := range s.kb.People {
		for _, o := range p.Offices {
			if o.Of == of && sameTitle(o.Title, title) && o.Holds(from) && o.Holds(to) {
				if holder != nil && holder != p {
					return nil
				}
				holder = p
			}
		}
	}
	return holder
}

// dateline caches, per document, where its dateline ends (0: none).
var dateline = analysis.NewResult[int]("factual: end of the dateline")

func datelineEnd(p *analysis.Pass) int {
	return analysis.Memo(p, dateline, func() int {
		if sp, ok := refdate.DatelineSpan(p.Text); ok {
			return sp.End
		}
		return 0
	})
}

// hypothetical reports a title after an indefinite article: "a President
// Trump would…" (2016) speaks of no one in office.
func hypothetical(p *analysis.Pass, mi mentionInfo) bool {
	if mi.start == 0 {
		return false
	}
	w := p.Tokens[mi.start-1].Norm
	return w == "a" || w == "an"
}

// completeTitles are the offices the knowledge base records in full for
// everyone it lists, so "never held" can be said of them. Ministries and
// Senate seats before 2015, or outside its countries, may be missing.
var completeTitles = map[string]bool{"President": true, "Vice President": true, "Prime Minister": true,
	"Chancellor": true, "King": true, "Queen": true, "Pope": true}

// historical reports whether a title the person no longer held is used of
// the time they held it, as news style wants: "chief of staff to President
// Bill Clinton", "rates under President Clinton", "the law President
// Clinton signed in 1993", "the President Clinton era".
func historical(p *analysis.Pass, person *kb.Person, mi mentionInfo, end int) bool {
	if mi.start > 0 {
		switch p.Tokens[mi.start-1].Norm {
		case "under", "to", "by", "during":
			return true
		}
	}
	if pastAct(p, mi, end) {
		return true
	}
	// An act of the term, named as the person's, unless the sentence names
	// a day of this week ("President Joe Biden's order on Monday", 2025, is a
	// stale title).
	if actOfOffice(p, end) && !thisWeek(p, mi) {
		return true
	}
	at := p.Tokens[mi.start].Start
	toks := p.SentenceTokens(p.SentenceAt(at))
	for i, t := range toks {
		if t.Start > end && t.Start <= end+1 && (t.Norm == "era" || t.Norm == "administration" || t.Norm == "presidency") {
			return true
		}
		// The one who came after or before them in the office, named by
		// the title of that time ("President Joe Biden's successor").
		if t.Start == end && (t.Norm == "'" || t.Norm == "’") && i+2 < len(toks) && toks[i+1].Norm == "s" &&
			(toks[i+2].Norm == "successor" || toks[i+2].Norm == "predecessor") {
			return true
		}
	}
	// A year of the term named in the sentence (the dateline's is the
	// article's date, not a time the sentence speaks of: "WASHINGTON,
	// February 14, 2025 — President Joe Biden said on Tuesday" is no use of
	// 2021-2025's title).
	for _, y := range yearsNamed(p, at) {
		for _, o := range person.Offices {
			if sameTitle(o.Title, mi.title) && o.Start.Year() <= y && (o.End == nil || o.End.Year() >= y) {
				return true
			}
		}
	}
	return false
}

// pastAct reports a title given for the time of a past act: the name is
// the object of a past-tense verb and owns the thing done ("which opposed
// President George W. Bush's push"), or a relative clause after it tells
// what the person did ("President Viktor F. Yanukovych, who owed his
// election to…"). The title is the one they held then.
func pastAct(p *analysis.Pass, mi mentionInfo, end int) bool {
	k := sort.Search(len(p.Tokens), func(i int) bool { return p.Tokens[i].Start >= end })
	if mi.start > 0 && pastVerb(&p.Tokens[mi.start-1]) && text.PossessiveAt(p.Tokens, k) {
		return true
	}
	return k+2 < len(p.Tokens) && p.Tokens[k].Norm == "," && (p.Tokens[k+1].Norm == "who" || p.Tokens[k+1].Norm == "whose") && pastVerb(&p.Tokens[k+2])
}

// pastNarrative reports a name followed by a past-tense verb of an act
// ("President George W. Bush signaled his support", in a 2017 retelling of
// 2007): years after the term, the sentence tells what the person did
// then, under the title they held then. A verb that reports a statement
// ("said") is left out. Soon after a handover a past act is as likely the
// week's news under a stale title ("Prime Minister Rishi Sunak welcomed the
// pledge"), so the caller asks this only years later.
func pastNarrative(p *analysis.Pass, end int) bool {
	k := sort.Search(len(p.Tokens), func(i int) bool { return p.Tokens[i].Start >= end })
	if k < len(p.Tokens) && (narrativeAdverbs[p.Tokens[k].Norm] || strings.HasSuffix(p.Tokens[k].Norm, "ly")) {
		k++ // "Bush also signed", "Obama famously said"
	}
	return k < len(p.Tokens) && pastVerb(&p.Tokens[k]) && !statementCue[p.Tokens[k].Norm]
}

// narrativeAdverbs may stand between a name and its verb ("Bush also signed").
var narrativeAdverbs = lexicons.Set("narrative_adverbs")

var (
	statementCue = lexicons.ReportingCueSet("statement")
	actsOfOffice = text.NewWordSet(lexicons.Words("acts_of_office")...)
)

// actOfOffice reports a name in the possessive before an act of the term
// ("President Obama's executive order", "President Barack Obama's Deferred
// Action for Childhood Arrivals, or DACA, program"): within a few words, a
// noun of such an act, or a named programme or law in capitals. "Prime
// Minister Rishi Sunak's spokesman" is no act.
func actOfOffice(p *analysis.Pass, end int) bool {
	k := sort.Search(len(p.Tokens), func(i int) bool { return p.Tokens[i].Start >= end })
	if k+2 >= len(p.Tokens) || !text.PossessiveAt(p.Tokens, k) {
		return false
	}
	k += 2
	if p.Capitalized(p.Tokens[k]) {
		return true // a named act: "Deferred Action", "Affordable Care Act"
	}
	for j := k; j < min(k+3, len(p.Tokens)) && !p.Tokens[j].Punct; j++ {
		if actsOfOffice.Has(&p.Tokens[j]) {
			return true
		}
	}
	return false
}

// pastVerb reports a verb in the past tense: a past cue or a word in -ed.
func pastVerb(t *text.Token) bool {
	return !t.Punct && (pastCue.Has(t) || len(t.Norm) >= 4 && strings.HasSuffix(t.Norm, "ed"))
}

// regnal titles stay with the name after the reign ("Pope John Paul II is a
// famously political pope", "Queen Elizabeth II's coronation"): years later,
// only a present act ("Pope John Paul II greeted pilgrims on Sunday") is an
// error, not a sentence that merely starts with the name.
var regnal = map[string]bool{"Pope": true, "King": true, "Queen": true}

// recentlyLeft reports whether the person's last term in this office ended
// less than two years before the date. A title not updated after a handover
// is the error this check is for ("President Biden" in 2025); years later the
// bare title is custom or history ("President Bill Clinton" in 2016, and
// American presidents keep the title by courtesy).
//
// Former American presidents keep the title by courtesy, and news copy
// uses it within months of the handover ("President Obama's
// grace" in September 2017): for an office in courtesy_offices the window is
// courtesyWindow days, past which only a present act is an error.
func recentlyLeft(person *kb.Person, title string, date time.Time) bool {
	for _, o := range person.Offices {
		if !sameTitle(o.Title, title) || o.End == nil || o.End.After(date) {
			continue
		}
		until := o.End.AddDate(2, 0, 0)
		if courtesyOffices[strings.ToLower(o.Title+" of "+o.Of)] {
			until = o.End.AddDate(0, 0, courtesyWindow)
		}
		if date.Before(until) {
			return true
		}
	}
	return false
}

const courtesyWindow = 90

var courtesyOffices = lexicons.Set("courtesy_offices")

// thisWeek reports whether the mention's sentence tells of something done
// in the days around the article ("met the delegation on Monday"), when a
// title, however long ago the term ended, is a present one.
func thisWeek(p *analysis.Pass, mi mentionInfo) bool {
	for _, t := range p.SentenceTokens(p.SentenceAt(p.Tokens[mi.start].Start)) {
		if dayWord(t.Norm) {
			return true
		}
	}
	return false
}

// dayWord reports a word that places an act in the article's week: a
// weekday, "today", "yesterday", "tonight".
func dayWord(w string) bool {
	return slices.Contains(weekdayNames, w) || w == "today" || w == "yesterday" || w == "tonight"
}

// opensSentence reports whether the mention is the sentence's subject: only
// qualifiers of the title (a nationality, a country, an organisation's
// acronym: "French", "Britain's", "NATO") and punctuation come before it.
// "Chancellor Angela Merkel sent a message" reports an act; "the agenda of
// President Bill Clinton" and "Enter President Trump" name one in passing.
func (s *Scorer) opensSentence(p *analysis.Pass, mi mentionInfo) bool {
	sent := p.Sentences[p.SentenceAt(p.Tokens[mi.start].Start)]
	dateline := datelineEnd(p)
	for k := sent.First; k < mi.start; k++ {
		t := p.Tokens[k]
		if t.End <= dateline {
			continue // "PARIS, May 5 — President Macron said": the dateline is not the sentence's
		}
		if !t.Punct && !text.LooksLikeDemonym(t.Norm) && !isAcronym(p.Text[t.Start:t.End]) && !p.Places[t.Norm] && t.Norm != "u" && t.Norm != "s" {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// designate reports whether the person took this office within a week after
// the date: a confirmed appointee is often given the title early.
func designate(person *kb.Person, title string, date time.Time) bool {
	for _, o := range person.Offices {
		if sameTitle(o.Title, title) && o.Start.After(date) && o.Start.Sub(date) <= 7*24*time.Hour {
			return true
		}
	}
	return false
}

func (s *Scorer) checkHonorific(p *analysis.Pass, person *kb.Person, mi mentionInfo, end int) {
	start := p.Tokens[mi.honorStart].Start
	since, ok := person.HonorificFrom(mi.honorific)
	if !ok {
		p.Report(core.Finding{Rule: RuleTitle.ID, Start: start, End: end, Severity: RuleTitle.Severity, Confidence: 0.8,
			Message:     fmt.Sprintf("%q: %s does not hold the honorific %s.", p.Text[start:end], person.Name(), mi.honorific),
			Explanation: fmt.Sprintf("The knowledge base records no %s for %s.", mi.honorific, person.Name())})
		return
	}
	if p.RefDate.Known() && p.RefDate.Latest.Before(since) {
		p.Report(core.Finding{Rule: RuleTitle.ID, Start: start, End: end, Severity: RuleTitle.Severity, Confidence: 0.8,
			Message:     fmt.Sprintf("%q: %s became %s only on %s.", p.Text[start:end], person.Name(), mi.honorific, since.Format("2 January 2006")),
			Explanation: fmt.Sprintf("The article dates itself to %s, before the honour was conferred.", describeRef(p.RefDate))})
	}
}

// countryBefore is the country a qualifier ending at token k names
// ("Canadian", "South Korean", "Britain's"), with the qualifier's first
// token ("" for none).
func (s *Scorer) countryBefore(p *analysis.Pass, k, sentFirst int) (string, int) {
	if k-2 >= sentFirst && p.Tokens[k].Norm == "s" && (p.Tokens[k-1].Norm == "'" || p.Tokens[k-1].Norm == "’") {
		k -= 2 // "Britain's Prime Minister"
	}
	if k < sentFirst || !p.Capitalized(p.Tokens[k]) {
		return "", 0
	}
	if k-1 >= sentFirst && p.Capitalized(p.Tokens[k-1]) {
		if c, ok := s.countryWords[p.Tokens[k-1].Norm+" "+p.Tokens[k].Norm]; ok {
			return c, k - 1
		}
	}
	return s.countryWords[p.Tokens[k].Norm], k
}

// checkCountry flags a title whose country qualifier is not the country
// the person held it in: "Canadian Prime Minister Keir Starmer".
func (s *Scorer) checkCountry(p *analysis.Pass, person *kb.Person, mi mentionInfo, start, end int) bool {
	if mi.country == "" {
		return false
	}
	var of []string
	for _, o := range person.Offices {
		if sameTitle(o.Title, mi.title) {
			if o.Of == mi.country {
				return false
			}
			if !slices.Contains(of, o.Of) {
				of = append(of, o.Of)
			}
		}
	}
	if len(of) == 0 {
		return false
	}
	for i := range of {
		of[i] = theCountry(of[i])
	}
	start = min(start, p.Tokens[mi.countryStart].Start)
	phrase := p.Text[start:end]
	p.Report(core.Finding{Rule: RuleTitle.ID, Start: start, End: end, Severity: RuleTitle.Severity, Confidence: 0.85,
		Message:     fmt.Sprintf("%q: %s held the office of %s in %s, not in %s.", phrase, person.Name(), mi.title, strings.Join(of, " and "), theCountry(mi.country)),
		Explanation: fmt.Sprintf("The knowledge base has %s as %s; the title's qualifier names %s.", person.Name(), describeOffices(person), theCountry(mi.country))})
	return true
}

// theCountry is a country's name as a sentence uses it ("the United Kingdom").
func theCountry(name string) string {
	if strings.HasPrefix(name, "United ") || name == "Czech Republic" || name == "Netherlands" || name == "Philippines" {
		return "the " + name
	}
	return name
}

// checkAge flags an age given beside a known person's name ("Trump, 76,
// said", "the 76-year-old former president Donald Trump", "Trump (76)")
// that their date of birth rules out on the article's date. Copy may be
// written some weeks before its date, so any age the person had from a
// month before the reference date to its last day is accepted.
func (s *Scorer) checkAge(p *analysis.Pass, person *kb.Person, first, last, sentFirst int) {
	if person.Born == nil || !p.RefDate.Known() || p.RefDate.NoEarlier() {
		return
	}
	ageFirst, ageLast, n, ok := statedAge(p, first, last, sentFirst)
	if !ok {
		return
	}
	lo, _ := person.AgeOn(p.RefDate.Time.AddDate(0, -1, 0))
	hi, _ := person.AgeOn(p.RefDate.Latest.AddDate(0, 0, -1))
	if n >= lo && n <= hi || ageInYearNamed(p, person, n, first) {
		return
	}
	ages := strconv.Itoa(hi)
	if lo != hi {
		ages = fmt.Sprintf("%d or %d", lo, hi)
	}
	born := person.Born.Format("2 January 2006")
	start, end := p.Tokens[min(first, ageFirst)].Start, p.Tokens[max(last, ageLast)-1].End
	p.Report(core.Finding{Rule: RuleDate.ID, Start: start, End: end, Severity: RuleDate.Severity, Confidence: 0.85,
		Message: fmt.Sprintf("Wrong age: %s was %s on the article's date, not %d.", person.Name(), ages, n),
		Explanation: fmt.Sprintf("The knowledge base gives %s's date of birth as %s; on the article's date, %s, that makes %s. An age from another year is a sign of reused copy or a wrong date.",
			person.Name(), born, describeRef(p.RefDate), ages)})
}

// lateDeterminer are the words "late" follows when it means dead: "the
// late", "his late"; a possessive ("Japan's late") is read as the
// tokenizer splits it, an apostrophe and "s".
var lateDeterminer = map[string]bool{"the": true, "his": true, "her": true, "their": true, "our": true, "its": true}

// eraWords after a name make "the late Obama years" a time, not a person.
var eraWords = text.NewWordSet(lexicons.Words("era_words")...)

// reportingNow are the verbs of a statement or an act reported as news,
// which a dead person cannot make in the article's week.
var reportingNow = text.NewWordSet(lexicons.Words("acts_of_the_week")...)

// checkLife checks what a sentence says of a known person's life against
// the knowledge base's dates of birth and death: "the late" before the
// name of someone alive on the article's date, a death put in another
// year, and a statement or act in the article's week ("said on Tuesday")
// by someone dead by then. It reports whether it found one.
func (s *Scorer) checkLife(p *analysis.Pass, person *kb.Person, mi mentionInfo, last, sentFirst int) bool {
	ref := p.RefDate
	if !ref.Known() || ref.NoEarlier() || hypothetical(p, mi) {
		return false
	}
	si := p.SentenceAt(p.Tokens[last-1].Start)
	if si < 0 {
		return false
	}
	sentEnd := p.Sentences[si].Last
	start, end := p.Tokens[mi.start].Start, p.Tokens[last-1].End
	var f core.Finding
	switch {
	case mi.late && !(last < sentEnd && eraWords.Has(&p.Tokens[last])) && person.KnownAlive(ref.Latest):
		f = core.Finding{Confidence: 0.9,
			Message: fmt.Sprintf("%q: %s was alive on the article's date; \"the late\" is said of the dead.", p.Text[start:end], person.Name())}
		if person.Died != nil {
			f.Explanation = fmt.Sprintf("The article dates itself to %s; the knowledge base gives %s's date of death as %s, after it.", describeRef(ref), person.Name(), person.Died.Format("2 January 2006"))
		} else {
			f.Explanation = fmt.Sprintf("The article dates itself to %s; the knowledge base records %s as living.", describeRef(ref), person.Name())
			if c := s.kb.CheckedThrough; !c.IsZero() && ref.Latest.After(c) {
				f.Confidence *= 0.7
				f.Explanation += fmt.Sprintf(" It was last checked on %s, before the article's date: a death since then would not be in it.", c.Format("2 January 2006"))
			}
		}
	case person.Died != nil:
		if y, yFirst, ok := deathYear(p, last, sentEnd); ok && y != person.Died.Year() {
			end = p.Tokens[yFirst].End
			f = core.Finding{Confidence: 0.9,
				Message:     fmt.Sprintf("Wrong year of death: %s died on %s, not in %d.", person.Name(), person.Died.Format("2 January 2006"), y),
				Explanation: fmt.Sprintf("The knowledge base gives %s's date of death as %s (%s).", person.Name(), person.Died.Format("2 January 2006"), describeOffices(person))}
			break
		}
		if last < sentEnd && reportingNow.Has(&p.Tokens[last]) && ref.Time.After(person.Died.Time) && thisWeek(p, mi) && len(yearsNamed(p, start)) == 0 {
			end = p.Tokens[last].End
			f = core.Finding{Confidence: 0.8,
				Message:     fmt.Sprintf("%q: %s died on %s, before the article's date, so cannot have done this in its week.", p.Text[start:end], person.Name(), person.Died.Format("2 January 2006")),
				Explanation: fmt.Sprintf("The article dates itself to %s and the sentence places the act in the days around it (a weekday, \"today\" or \"yesterday\", and no year). Copy reused from an earlier story, or another person of the name, is the likely cause.", describeRef(ref))}
		}
	}
	if f.Message == "" {
		return false
	}
	f.Rule, f.Start, f.End, f.Severity = RuleDate.ID, start, end, RuleDate.Severity
	p.Report(f)
	spans := analysis.Memo(p, lifeSpans, newSpans)
	*spans = append(*spans, core.Span{Start: start, End: end})
	return true
}

// lifeSpans are, per document, the spans checkLife reported: an event's
// phrase inside one ("the late Queen") is the same error, told once.
var lifeSpans = analysis.NewResult[*[]core.Span]("factual: life findings")

func newSpans() *[]core.Span { return new([]core.Span) }

// toldByLife reports a life finding overlapping [start, end).
func toldByLife(p *analysis.Pass, start, end int) bool {
	return slices.ContainsFunc(*analysis.Memo(p, lifeSpans, newSpans), func(l core.Span) bool { return l.Start < end && start < l.End })
}

// deathYear reads the year of a death told after a name: "X, who died in
// 2019", "X died on 8 July 2022", "X, who died aged 96 in 2022". Between
// "died" and the year only date words, an age and "in", "on", "at",
// "aged" may stand. It returns the year and its token.
func deathYear(p *analysis.Pass, last, sentEnd int) (year, at int, ok bool) {
	k := last
	for n := 0; n < 2 && k < sentEnd && (p.Tokens[k].Norm == "," || p.Tokens[k].Norm == "who"); n++ {
		k++
	}
	if k >= sentEnd || p.Tokens[k].Norm != "died" {
		return 0, 0, false
	}
	for j := k + 1; j < min(sentEnd, k+8); j++ {
		w := p.Tokens[j].Norm
		if n, err := strconv.Atoi(w); err == nil {
			if len(w) == 4 && n >= 1900 && n <= 2100 {
				return n, j, true
			}
			continue // a day of the month or an age
		}
		if !deathDateWord[w] && !monthWord.Has(&p.Tokens[j]) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

var deathDateWord = map[string]bool{"in": true, "on": true, "at": true, "aged": true, "age": true, "of": true, ",": true}

var monthWord = text.NewWordSet(lexicons.Words("month_words")...)

// ageInYearNamed reports whether the sentence of token first names a year
// in which the person was n: a retrospective gives the age of its time
// ("In 2016, Donald Trump, 70, won the election").
func ageInYearNamed(p *analysis.Pass, person *kb.Person, n, first int) bool {
	for _, y := range yearsNamed(p, p.Tokens[first].Start) {
		lo, _ := person.AgeOn(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		hi, _ := person.AgeOn(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
		if n >= lo && n <= hi {
			return true
		}
	}
	return false
}

// yearsNamed are the years the sentence at byte at names, outside the
// dateline (whose year is the article's).
func yearsNamed(p *analysis.Pass, at int) []int {
	var out []int
	dateline := datelineEnd(p)
	for _, t := range p.SentenceTokens(p.SentenceAt(at)) {
		if len(t.Norm) != 4 || t.End <= dateline {
			continue
		}
		if y, err := strconv.Atoi(t.Norm); err == nil && y >= 1900 && y <= 2100 {
			out = append(out, y)
		}
	}
	return out
}

// statedAge finds an age written beside the name at tokens [first, last):
// ", 76,", ", aged 76,", ", now 76," or ", who is 76," after it, "(76)"
// after it, or "76-year-old" just before it. It returns the age's tokens and the age.
func statedAge(p *analysis.Pass, first, last, sentFirst int) (ageFirst, ageLast, age int, ok bool) {
	tok := func(k int) string {
		if k < sentFirst || k >= len(p.Tokens) {
			return ""
		}
		return p.Tokens[k].Norm
	}
	number := func(k int) (int, bool) {
		n, err := strconv.Atoi(tok(k))
		return n, err == nil && len(tok(k)) == 2 && n >= 18
	}
	k := last
	switch tok(k) {
	case ",":
		switch {
		case tok(k+1) == "aged" || tok(k+1) == "now":
			k++ // ", aged 76,", ", now 76,"
		case tok(k+1) == "who" && tok(k+2) == "is":
			k += 2 // ", who is 76,"
		}
		if n, ok := number(k + 1); ok && (tok(k+2) == "," || tok(k+2) == "." || tok(k+2) == "and") {
			return last, k + 2, n, true
		}
	case "(":
		if n, ok := number(k + 1); ok && tok(k+2) == ")" {
			return last, k + 3, n, true
		}
	}
	// "76-year-old" (the number, a hyphen, "year", a hyphen, "old", written
	// as one word), then at most three words of a title written in lower
	// case ("the 82-year-old former president Joe Biden").
	before := first
	for n := 0; n < 3 && before-1 >= sentFirst && (isTitleWord(&p.Tokens[before-1]) || tok(before-1) == "former"); n++ {
		before--
	}
	if k := before - 5; k >= sentFirst && tok(k+1) == "-" && tok(k+2) == "year" && tok(k+3) == "-" && tok(k+4) == "old" && p.Tokens[k+4].End == p.Tokens[k].End+len("-year-old") {
		if n, ok := number(k); ok {
			return k, first, n, true
		}
	}
	return 0, 0, 0, false
}

func describeRef(r core.RefDate) string {
	if r.NoEarlier() {
		return fmt.Sprintf("no earlier than %s (%s: %s, a date it mentions)", r.Value, r.Method, r.Evidence)
	}
	return fmt.Sprintf("%s (%s: %s)", r.Value, r.Method, r.Evidence)
}

// misspelt flags a capitalised word one or two edits from a known surname
// when it follows a title that person held ("President Zelenksy").
func (s *Scorer) misspelt(p *analysis.Pass, sent text.Sentence, matched []bool) {
	for k := sent.First; k < sent.Last; k++ {
		t := &p.Tokens[k]
		if t.Punct || len(t.Norm) < 5 || !p.Capitalized(*t) || matched[k] || p.IsExcluded(t.Start, t.End) {
			continue
		}
		// A surname ends a name: a capitalised word right after this one,
		// or after a particle, makes this one a given name ("Prime Minister
		// Michael Fischer", "President Fernando de la Rúa").
		n := k + 1
		for n < sent.Last-1 && nameParticle.Has(&p.Tokens[n]) && !p.Capitalized(p.Tokens[n]) {
			n++
		}
		if n < sent.Last && !p.Tokens[n].Punct && p.Capitalized(p.Tokens[n]) && (n > k+1 || p.Tokens[n].Start == t.End+1) {
			continue
		}
		// A surname of several words: "Ursula von der Layen".
		j := k
		for j-1 > sent.First && nameParticle.Has(&p.Tokens[j-1]) && !p.Capitalized(p.Tokens[j-1]) {
			j--
		}
		if j < k {
			s.misspeltCompound(p, sent, j, k)
			continue
		}
		// The name is anchored by a title the person held, or else by their
		// exact given name; anchored by the given name alone, only one slip
		// (a letter wrong, missing, added, or two swapped) in a surname of
		// six letters or more counts: "Keir Starmr", "Volodymyr Zelenksy".
		mi := s.parseMention(p, k, sent.First)
		if mi.title == "" && (mi.given == "" || !s.given[text.Fold(mi.given)]) {
			continue
		}
		// A distinctive given name (six letters or more) anchors a slip in
		// a short surname too: "Narendra Modhi".
		minSurname := 6
		if len(mi.given) >= 6 {
			minSurname = 4
		}
		for _, si := range s.near(t.Norm, mi.title != "") {
			sur := s.single[si]
			if diff := len(sur) - len(t.Norm); diff > 2 || diff < -2 {
				continue
			}
			d := editDistance(t.Norm, sur)
			if mi.title == "" {
				if len(sur) < minSurname || d != 1 && !swappedOnce(t.Norm, sur) {
					continue
				}
			} else if d == 0 || d > 2 || (d == 2 && len(sur) < 8) {
				continue
			}
			if s.reportSlip(p, t.Start, t.End, sur, d, mi) {
				break
			}
		}
	}
}

// misspeltCompound checks a surname of several words whose last word is
// token k and whose particles start at token j ("von der Layen"): one slip
// in the last word of a known surname with the same particles, anchored as
// a one-word surname is.
func (s *Scorer) misspeltCompound(p *analysis.Pass, sent text.Sentence, j, k int) {
	mi := s.parseMention(p, j, sent.First)
	if mi.title == "" && mi.given == "" {
		return // reportSlip holds the given name to the person's
	}
	start, end := p.Tokens[j].Start, p.Tokens[k].End
	written := text.Fold(p.Text[start:end])
	cut := strings.LastIndexByte(written, ' ') + 1
	for _, sur := range s.compound {
		last, ok := strings.CutPrefix(sur, written[:cut])
		if !ok || len(last) < 4 || strings.Contains(last, " ") {
			continue
		}
		if d := editDistance(written[cut:], last); (d == 1 || swappedOnce(written[cut:], last)) && s.reportSlip(p, start, end, sur, d, mi) {
			return
		}
	}
}

// reportSlip reports the words at [start, end) as a misspelling of the
// surname sur (d edits away), when a person of that surname has the
// mention's title or given name; it reports whether it did.
func (s *Scorer) reportSlip(p *analysis.Pass, start, end int, sur string, d int, mi mentionInfo) bool {
	for _, person := range s.kb.BySurname(sur) {
		held := false
		for _, o := range person.Offices {
			held = held || mi.title != "" && sameTitle(o.Title, mi.title)
		}
		if mi.title != "" && !held || mi.given != "" && !person.HasGiven(mi.given) && !slices.ContainsFunc(person.Given, func(g string) bool { return leadingName(g) == text.Fold(mi.given) }) {
			continue
		}
		if _, q := p.QuoteAt(start, end); q {
			return false
		}
		anchor := "the given name " + mi.given + ", which " + person.Name() + " bears"
		if held {
			anchor = "the title " + mi.title + ", which " + person.Name() + " held"
		}
		p.Report(core.Finding{Rule: RuleName.ID, Start: start, End: end, Severity: RuleName.Severity, Confidence: 0.7,
			Message: fmt.Sprintf("%q looks like a misspelling of %s's surname.", p.Text[start:end], person.Name()),
			Explanation: fmt.Sprintf("It follows %s, and is %d letter(s) away from the accepted spellings (%s).",
				anchor, d, strings.Join(person.Surname, ", "))})
		return true
	}
	return false
}

// leadingName is the first word of a given name, folded.
func leadingName(g string) string {
	f, _, _ := strings.Cut(text.Fold(g), " ")
	return f
}

// nearGiven keeps the people with an accepted given name within two edits
// (one for names of four letters or fewer) of g.
func nearGiven(cands []*kb.Person, g string) []*kb.Person {
	g = text.Fold(g)
	var out []*kb.Person
	for _, c := range cands {
		for _, cg := range c.Given {
			f := text.Fold(strings.Fields(cg)[0])
			limit := 2
			if min(len(f), len(g)) <= 4 {
				limit = 1
			}
			if editDistance(f, g) <= limit || swappedOnce(f, g) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// typoOfGiven returns the accepted given name that g misspells by a typing
// slip: one letter doubled or undoubled ("Emanuel" for Emmanuel) or two
// neighbours swapped ("Volodmyir"). Other differences are left alone: they
// are as often another spelling of the name ("Peter" for Petr, "Olena" for
// Elena) as a mistake.
func typoOfGiven(person *kb.Person, g string) (string, bool) {
	fg := text.Fold(g)
	if len(fg) < 4 {
		return "", false
	}
	for _, cg := range person.Given {
		right := strings.Fields(cg)[0]
		f := text.Fold(right)
		if f == fg {
			continue
		}
		// Four letters admit only a swap ("Kier" for Keir): a doubled letter
		// there makes other short names ("Ann", "Jonn").
		if swappedOnce(f, fg) || len(fg) >= 5 && (doubledOnce(f, fg) || doubledOnce(fg, f)) {
			return right, true
		}
	}
	return "", false
}

// doubledOnce reports whether long is short with one letter doubled inside
// it. A doubled last letter is left out: it makes a pet form that is a name
// of its own ("Mikee" beside "Mike"), not a slip.
func doubledOnce(short, long string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	for i := 1; i < len(long)-1; i++ {
		if long[i] == long[i-1] && long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}

// swappedOnce reports whether b is a with two neighbouring letters swapped.
func swappedOnce(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] && a[i] != a[i+1]
		}
	}
	return false
}

// editDistance is the Levenshtein distance between two short words. It is
// run against every known surname of a similar length, so short words stay
// on the stack.
func editDistance(a, b string) int {
	var bufA, bufB [24]rune
	var bufP, bufC [25]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	prev, cur := bufP[:0], bufC[:0]
	if len(rb) >= len(bufP) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

var futureCue = text.NewWordSet(lexicons.Words("future_cues")...)

// pastCue words present the event as having happened.
var pastCue = text.NewWordSet(lexicons.Words("past_cues")...)

// dates flags events described as past before they happened, and anniversary
// statements that contradict a stated date.
func (s *Scorer) dates(p *analysis.Pass) {
	if !p.RefDate.Known() {
		return
	}
	// A loose mention ("the war in Ukraine") means the event only in a text
	// written after it; before, it is another war (Donbas in 2019).
	var events []refdate.EventMention
	for _, em := range refdate.MentionedEvents(p, s.kb) {
		if !em.Loose || em.Event().Date.Before(p.RefDate.Time) {
			events = append(events, em)
		}
	}
	for _, em := range events {
		ev := em.Event()
		if !ev.Date.After(p.RefDate.Latest) {
			s.eventYear(p, em)
			continue
		}
		sp := em.Span()
		si := p.SentenceAt(sp.Start)
		future, past := false, false
		toks := p.SentenceTokens(si)
		for k := range toks {
			if toks[k].Start < p.RefDate.End && toks[k].End > p.RefDate.Start {
				continue // the dateline's own words: "May 12" is not "may"
			}
			future = future || futureCue.Has(&toks[k])
			past = past || pastCue.Has(&toks[k])
		}
		// "Truss's resignation", "Gorbachev's death": a possessive event
		// noun presents it as a fact that has happened.
		past = past || possessiveEvent(p, sp)
		if future || !past || p.IsExcluded(sp.Start, sp.End) ||
			toldByLife(p, sp.Start, sp.End) {
			continue
		}
		p.Report(core.Finding{Rule: RuleDate.ID, Start: sp.Start, End: sp.End, Severity: RuleDate.Severity, Confidence: 0.7,
			Message: fmt.Sprintf("Refers to %s (%s), which had not happened by the article's date.", ev.Name, ev.Date.Format("2 January 2006")),
			Explanation: fmt.Sprintf("The article dates itself to %s, but this sentence refers to %s, dated %s in the knowledge base, as something that has happened.",
				describeRef(p.RefDate), ev.Name, ev.Date.Format("2 January 2006"))})
	}
	s.weekdays(p)
	switch p.RefDate.Method {
	case "metadata", "dateline", "override":
	default:
		return
	}
	for _, a := range refdate.Anniversaries(p, events) {
		if !a.Near {
			continue // the event is named elsewhere: "the first time in 25 years" may count from anything
		}
		slack := 31 * 24 * time.Hour
		if p.RefDate.Time.After(a.From.Add(-slack)) && p.RefDate.Time.Before(a.To.Add(slack)) {
			continue
		}
		// A retrospective dates its own anniversary ("In February 2023, as
		// the war entered its second year, …").
		if slices.ContainsFunc(yearsNamed(p, a.Span.Start), func(y int) bool { return y >= a.From.Year() && y <= a.To.Year() }) {
			continue
		}
		p.Report(core.Finding{Rule: RuleDate.ID, Start: a.Span.Start, End: a.Span.End, Severity: RuleDate.Severity, Confidence: 0.8,
			Message: fmt.Sprintf("%q does not fit the article's date %s.", a.Phrase, p.RefDate.Value),
			Explanation: fmt.Sprintf("%s was on %s, so %q places the text between %s and %s; the article is dated %s.",
				a.Event.Name, a.Event.Date.Format("2 January 2006"), a.Phrase, a.From.Format("January 2006"), a.To.Format("January 2006"), describeRef(p.RefDate))})
	}
}

// eventYear flags a year told beside an event that happened once, when it
// is not the event's: "the 2017 Brexit referendum", "the death of Queen
// Elizabeth II in 2021", "the G7 summit in Hiroshima in May 2022", and
// "last year's Brexit referendum" in 2024. The year must qualify a word of
// the event's phrase: before it, or after it through "in", "on" or "of"
// and the date's other words ("last year" directly).
func (s *Scorer) eventYear(p *analysis.Pass, em refdate.EventMention) {
	ev := em.Event()
	stems, ok := s.onceStems[ev.ID]
	if !ok {
		return
	}
	dateline := datelineEnd(p)
	// "last year" and "this year" count from the article's year, when the
	// reference date fixes it.
	refYear := 0
	if p.RefDate.Time.Year() == p.RefDate.Latest.Year() {
		refYear = p.RefDate.Time.Year()
	}
	for _, si := range em.Sentences() {
		sent := p.Sentences[si]
		for j := sent.First; j < sent.Last; j++ {
			t := &p.Tokens[j]
			if t.End <= dateline {
				continue
			}
			y, first, relative := 0, j, ""
			if n := calendarYear(t.Norm); n > 0 {
				y = n
			} else if t.Norm == "year" && j > sent.First && refYear > 0 {
				switch p.Tokens[j-1].Norm {
				case "last":
					y, first, relative = refYear-1, j-1, "last year"
				case "this":
					y, first, relative = refYear, j-1, "this year"
				}
			}
			if y == 0 || y == ev.Date.Year() {
				continue
			}
			word := -1
			after := j + 1
			if relative != "" && after+1 < sent.Last && text.PossessiveAt(p.Tokens, after) {
				after += 2 // "last year's"
			}
			if after < sent.Last && stems[p.Tokens[after].StemID] {
				word = after // "the 2017 Brexit referendum", "last year's Brexit referendum"
			} else {
				k := first - 1
				if relative == "" {
					for n := 0; n < 3 && k > sent.First && (monthWord.Has(&p.Tokens[k]) || p.Tokens[k].Norm == "," || len(p.Tokens[k].Norm) <= 2 && text.IsDigits(p.Tokens[k].Norm)); n++ {
						k--
					}
					if k > sent.First && (p.Tokens[k].Norm == "in" || p.Tokens[k].Norm == "on" || p.Tokens[k].Norm == "of") {
						k--
					} else {
						k = -1
					}
				}
				prep := k + 1 // the date's "in", "on" or "of", when k found one
				verbal := relative == "" && k >= sent.First && p.Tokens[prep].Norm != "of"
				if k > sent.First && !stems[p.Tokens[k].StemID] && p.Capitalized(p.Tokens[k]) {
					k-- // "Queen Elizabeth II in 2021": a regnal number
				}
				if k >= sent.First && stems[p.Tokens[k].StemID] {
					word = k
				} else if verbal {
					word = happenedAt(p, sent, prep, stems) // "Hurricane Katrina struck New Orleans in 2006"
				}
			}
			if word < 0 || p.IsExcluded(p.Tokens[min(first, word)].Start, p.Tokens[max(j, word)].End) {
				continue
			}
			if _, quoted := p.QuoteAt(t.Start, t.End); quoted {
				continue
			}
			start, end := p.Tokens[min(first, word)].Start, p.Tokens[max(j, word)].End
			if toldByLife(p, start, end) {
				return // "Queen Elizabeth II, who died in 2021": the wrong year of death, told once
			}
			told := fmt.Sprintf("in %d", y)
			if relative != "" {
				told = fmt.Sprintf("%s (%d, by the article's date)", relative, y)
			}
			p.Report(core.Finding{Rule: RuleDate.ID, Start: start, End: end, Severity: RuleDate.Severity, Confidence: 0.8,
				Message:     fmt.Sprintf("Wrong year: %s was on %s, not %s.", ev.Name, ev.Date.Format("2 January 2006"), told),
				Explanation: fmt.Sprintf("The knowledge base dates %s to %s (%s); the text puts it %s.", ev.Name, ev.Date.Format("2 January 2006"), ev.Source, told)})
			return
		}
	}
}

// happenedAt finds the event a verb of happening ties to a date whose
// "in" or "on" is token prep ("Hurricane Katrina struck New Orleans in
// 2006", "the referendum was held in 2015"): the verb within six words
// before it, with no punctuation between, and a word of the event's phrase
// right before the verb (an auxiliary, or ", which", between). It returns
// that word's token, or -1.
func happenedAt(p *analysis.Pass, sent text.Sentence, prep int, stems map[int32]bool) int {
	for v := prep - 1; v > sent.First && v >= prep-6; v-- {
		t := &p.Tokens[v]
		if t.Punct {
			return -1
		}
		if t.Norm == "place" && v-1 > sent.First && p.Tokens[v-1].Norm == "took" {
			v-- // "the attacks took place in 2002"
		} else if !happeningVerb.Has(t) {
			continue
		}
		w := v - 1
		for w > sent.First && passiveAux.Has(&p.Tokens[w]) {
			w--
		}
		if w-2 >= sent.First && (p.Tokens[w].Norm == "which" || p.Tokens[w].Norm == "that") && p.Tokens[w-1].Norm == "," {
			w -= 2 // "Hurricane Katrina, which struck New Orleans in 2006,"
		}
		if stems[p.Tokens[w].StemID] {
			return w
		}
		return -1
	}
	return -1
}

var (
	happeningVerb = text.NewWordSet(lexicons.Words("happening_verbs")...)
	passiveAux    = text.NewWordSet(lexicons.Words("passive_auxiliaries")...)
)

// calendarYear is the year a four-digit word names (1900 to 2100), or 0.
func calendarYear(w string) int {
	if n, err := strconv.Atoi(w); err == nil && len(w) == 4 && n >= 1900 && n <= 2100 {
		return n
	}
	return 0
}

// hasYear reports a phrase that names a year ("2024 presidential
// election"): the year is the event's, and the event one of a series.
func hasYear(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if len(w) == 4 && text.IsDigits(w) {
			return true
		}
	}
	return false
}

// weekdayNames are the weekdays in time.Weekday's order (Sunday first).
var weekdayNames = lexicons.Words("weekdays")

var weekdaySet = text.NewWordSet(weekdayNames...)

// weekdays flags a weekday named beside a date it does not fall on:
// "Monday, June 12, 2025" (a Thursday), "Monday, March 4" in a text of
// March 2026 (a date without its year is the article's year's within two
// months of it; further off it may be the year before or after). The
// dateline's own date is included: a wrong weekday there is the same slip.
func (s *Scorer) weekdays(p *analysis.Pass) {
	tok := func(k int) string {
		if k >= len(p.Tokens) {
			return ""
		}
		return p.Tokens[k].Norm
	}
	isMonth := func(k int) bool { return k < len(p.Tokens) && monthWord.Has(&p.Tokens[k]) }
	day := func(k int) int {
		w := strings.TrimRight(tok(k), "stndrh")
		if n, err := strconv.Atoi(w); err == nil && len(w) <= 2 && n >= 1 && n <= 31 {
			return n
		}
		return 0
	}
	for k := range p.Tokens {
		if !weekdaySet.Has(&p.Tokens[k]) || !p.Capitalized(p.Tokens[k]) {
			continue
		}
		wd := slices.Index(weekdayNames, p.Tokens[k].Norm)
		j := k + 1
		if tok(j) == "," {
			j++
		}
		// "June 12" or "12 June", then an optional year.
		var d int
		var m time.Month
		dot := 0 // "Nov. 8"
		if tok(j+1) == "." {
			dot = 1
		}
		if isMonth(j) && day(j+1+dot) > 0 {
			m, d, j = refdate.Month(tok(j)), day(j+1+dot), j+2+dot
		} else if isMonth(j+1) && day(j) > 0 {
			m, d, j = refdate.Month(tok(j+1)), day(j), j+2
		} else {
			continue
		}
		last := j - 1
		if tok(j) == "," {
			j++
		}
		year := 0
		if n := calendarYear(tok(j)); n > 0 {
			year, last = n, j
		}
		confidence := 0.85
		if year == 0 {
			if !p.RefDate.Known() || p.RefDate.NoEarlier() || p.RefDate.Time.Year() != p.RefDate.Latest.Year() {
				continue
			}
			// Within two months of the article's date the date is that
			// year's; further off, a retrospective may mean the year
			// before or after ("on Friday, Sept. 14" of the year before,
			// in May), so any of the three that fits is accepted.
			ref, best, fits := p.RefDate.Time, time.Duration(1<<62), false
			for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
				t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				fits = fits || t.Weekday() == time.Weekday(wd)
				if dist := t.Sub(ref).Abs(); dist < best {
					year, best = y, dist
				}
			}
			if fits && best > 61*24*time.Hour {
				continue
			}
			confidence = 0.75
		}
		date := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
		if date.Month() != m || date.Weekday() == time.Weekday(wd) {
			continue // 31 June is another slip, not a weekday's
		}
		start, end := p.Tokens[k].Start, p.Tokens[last].End
		if p.IsExcluded(start, end) {
			continue
		}
		if _, quoted := p.QuoteAt(start, end); quoted {
			continue
		}
		f := core.Finding{Rule: RuleDate.ID, Start: start, End: end, Severity: RuleDate.Severity, Confidence: confidence,
			Message:     fmt.Sprintf("%s was a %s, not a %s.", date.Format("2 January 2006"), date.Weekday(), time.Weekday(wd)),
			Explanation: fmt.Sprintf("The weekday named beside a date must be the one it falls on; %q names %s, a %s.", p.Text[start:end], date.Format("2 January 2006"), date.Weekday())}
		if tok(last) != strconv.Itoa(year) {
			f.Message = fmt.Sprintf("%s is a %s, not a %s.", date.Format("2 January 2006"), date.Weekday(), time.Weekday(wd))
			f.Explanation += fmt.Sprintf(" The date gives no year; %d puts it nearest the article's date (%s).", year, describeRef(p.RefDate))
		}
		p.Report(f)
	}
}

// possessiveEvent reports, inside span sp, a possessive followed by a
// noun of a one-time event: "Truss's resignation", "Gorbachev's death".
// Wars and invasions recur ("Russia's invasion of Ukraine" in 2016 is the
// one of 2014), so they are not on the list.
func possessiveEvent(p *analysis.Pass, sp core.Span) bool {
	si := p.SentenceAt(sp.Start)
	if si < 0 {
		return false
	}
	toks := p.SentenceTokens(si)
	for k := 2; k < len(toks); k++ {
		if toks[k].Start >= sp.Start && toks[k].End <= sp.End && text.PossessiveAt(toks, k-2) && eventNoun.Has(&toks[k]) {
			return true
		}
	}
	return false
}

var eventNoun = text.NewWordSet(lexicons.Words("one_time_event_nouns")...)

// givenNames reads a person's accepted given names: "Volodymyr (also
// written Volodimir)".
func givenNames(given []string) string {
	if len(given) == 1 {
		return given[0]
	}
	return given[0] + " (also written " + strings.Join(given[1:], ", ") + ")"
}
