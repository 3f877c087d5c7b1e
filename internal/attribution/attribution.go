// Package attribution finds who says what: for each reporting cue (said,
// told, according to…) the source (a named person or organisation, an
// anonymous or vague source, a pronoun resolved to the last named person)
// and the content (a direct quote or a paraphrase). It also names the
// speaker of each direct quote.
package attribution

import (
	"github.com/credence-news/credence/lexicons"
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/text"
)

// roleWords are capitalised words that make up titles rather than names.
var roleWords = toSet(lexicons.Words("title_words")...)

// orgWords mark a capitalised phrase as an organisation.
var orgWords = toSet(lexicons.Words("organisation_words")...)

// pronouns stand for a source named earlier: "he" and "she" for a person,
// "they" for a group. "It" is not among them: "it shows", "it indicates" are
// mostly about a thing, not a speaker (under half right in PolNeAR).
var pronouns = toSet(lexicons.Words("source_pronouns")...)

// statementCue are the verbs that report a statement, as opposed to an
// action ("the player asked to leave").
var statementCue = toSet(lexicons.ReportingCues("statement")...)

var passiveAux = toSet(lexicons.Words("passive_auxiliaries")...)
var groupPronouns = toSet(lexicons.Words("group_pronouns")...)

// skippable words may stand between a source and its cue ("Macron further
// suggested", "Lavrov has stated"); toBeforeCue verbs with "to" too ("she is
// expected to argue", "he seemed to think").
var (
	skippable   = toSet(lexicons.Words("between_source_and_cue")...)
	toBeforeCue = toSet(lexicons.Words("verbs_before_to_cue")...)
)

// unnamedHeadWords are lowercase heads of a source phrase that names a group
// without a person ("European officials").
var unnamedHeadWords = lexicons.Words("unnamed_source_heads")

// determiners before a cue word make it a noun or adjective ("an estimated
// £2 million", "the report").
var determiners = toSet(lexicons.Words("determiners")...)

// toSet is a set of folded words, tested by token (text.WordSet).
func toSet(ws ...string) text.WordSet { return text.NewWordSet(ws...) }

// inSentence yields the matches of each list (in text order) that lie in
// sentence si, list after list: a binary search each, where grouping every
// match by sentence cost an allocation per sentence.
func inSentence(p *analysis.Pass, si int, lists ...[]lexicon.Match) iter.Seq[lexicon.Match] {
	return func(yield func(lexicon.Match) bool) {
		sent := p.Sentences[si]
		for _, ms := range lists {
			k := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= sent.Start })
			for ; k < len(ms) && ms[k].Start < sent.End; k++ {
				if !yield(ms[k]) {
					return
				}
			}
		}
	}
}

// Stage finds who says what (Pass.Attributions and the Attributions result).
var Stage = analysis.NewStage("attribution", analysis.Attributions, nil, func(p *analysis.Pass) []analysis.Attribution {
	Extract(p)
	return p.Attributions
})

// MaxCues bounds the reporting cues read in one document. An article has a
// few hundred at most; a text of a million "Officials said." lines is no
// article, and its attributions (about 140 bytes each) were a third of the
// memory its analysis took. Past the bound's cue the rest of the text has
// no attributions: its quotes still count, with no speaker.
const MaxCues = 20_000

// Extract fills p.Attributions and the Speaker of p.Quotes, in stages:
// the candidate cues (cueCandidates), the reason a candidate is no
// attribution or names no source by construction (rejectCue), its source
// (findSource), who a pronoun stands for (resolvePronoun), what was said
// (content), then the dash- and colon-signed lines and the quotes' speakers.
func Extract(p *analysis.Pass) {
	ms := sortMatches(p)
	cands := cueCandidates(p, ms)
	p.Attributions = p.Attributions[:0] // a recycled slice (see Pass.Release)
	if cap(p.Attributions) < len(cands) {
		// Sized once: on a long transcript, growing by doubling left twice
		// the final size behind as garbage.
		p.Attributions = make([]analysis.Attribution, 0, len(cands))
	}
	lastPerson := ""
	for _, m := range cands {
		if p.Stopped() {
			break
		}
		si := p.SentenceAt(m.Start)
		if si < 0 {
			continue
		}
		a := analysis.Attribution{Sentence: si, Cue: core.Span{Start: m.Start, End: m.End}, CueText: p.Text[m.Start:m.End], Kind: analysis.SourceNone}
		switch rejectCue(p, m, si, ms.private) {
		case notACue:
			continue
		case impersonal:
			a.Impersonal = true
			p.Attributions = append(p.Attributions, a)
			continue
		}
		sent := p.Sentences[si]
		findSource(p, m, sent, ms, &a)
		resolvePronoun(p, sent, lastPerson, &a)
		if a.Kind == analysis.SourceNamedPerson && !a.Pronoun {
			lastPerson = a.Name
		}
		a.Content, a.Direct = content(p, sent, m)
		p.Attributions = append(p.Attributions, a)
	}
	n := len(p.Attributions)
	dashSigned(p)
	colonLabelled(p)
	inSentenceOrder(p, n)
	assignSpeakers(p)
}

// matchSets are a pass's lexicon matches that attribution reads, by
// category, each in text order.
type matchSets struct {
	anonymous, weasel, private, hearsay []lexicon.Match
	cue, cueQuote, cueDocument          []lexicon.Match
}

// sortMatches sorts the pass's matches into the categories attribution
// reads, in one pass over them.
func sortMatches(p *analysis.Pass) matchSets {
	// Counted first, so that the sets share one exact allocation instead of
	// seven growing ones (this runs for every document). Each set's
	// capacity ends at its length, so appending to one never writes into
	// the next.
	var counts [len(attributionCategories)]int
	n, cues := 0, 0
	matches := p.Matches
	for i := range matches {
		c := slices.Index(attributionCategories[:], matches[i].Entry.Category)
		if c < 0 {
			continue
		}
		if c >= firstCueCategory {
			if cues++; cues > MaxCues {
				matches = matches[:i] // the text from here on has no attributions
				break
			}
		}
		counts[c]++
		n++
	}
	var sets [len(attributionCategories)][]lexicon.Match
	buf := make([]lexicon.Match, n)
	for c, k := range counts {
		sets[c], buf = buf[:0:k], buf[k:]
	}
	for _, m := range matches {
		if c := slices.Index(attributionCategories[:], m.Entry.Category); c >= 0 {
			sets[c] = append(sets[c], m)
		}
	}
	return matchSets{anonymous: sets[0], weasel: sets[1], private: sets[2], hearsay: sets[3],
		cue: sets[4], cueQuote: sets[5], cueDocument: sets[6]}
}

// attributionCategories are the lexicon categories sortMatches keeps, in
// matchSets' order.
var attributionCategories = [...]string{"anonymous", "weasel", "private", "hearsay", "cue", "cue_quote", "cue_document"}

// firstCueCategory is the index of "cue" in attributionCategories: it and
// those after it are reporting cues, which MaxCues bounds.
const firstCueCategory = 4

// cueCandidates are the reporting cues in text order: the cue words, and
// the verbs that report only after a quote ("…," she wrote) or a document
// ("a poll released Monday found").
func cueCandidates(p *analysis.Pass, ms matchSets) []lexicon.Match {
	cues := ms.cue
	if cq := append(quotedAfter(p, ms.cueQuote), afterDocument(p, ms.cueDocument)...); len(cq) > 0 {
		cues = append(cues, cq...)
		sort.Slice(cues, func(i, j int) bool { return cues[i].Start < cues[j].Start })
	}
	return cues
}

// verdict is what rejectCue makes of a candidate cue.
type verdict int

const (
	isCue      verdict = iota
	notACue            // a noun, part of a name, inside a quote, the claim itself
	impersonal         // a passive cue: no source by construction
)

// rejectCue says whether a candidate cue in sentence si reports speech.
func rejectCue(p *analysis.Pass, m lexicon.Match, si int, private []lexicon.Match) verdict {
	// "privately signaled" is the claim itself, not its source.
	for pm := range inSentence(p, si, private) {
		if m.Start >= pm.Start && m.End <= pm.End {
			return notACue
		}
	}
	if m.First > 0 && determiners.Has(&p.Tokens[m.First-1]) && !relativeThat(p, m.First) {
		return notACue
	}
	// "America asserted itself": with a reflexive object "assert" is an
	// act, not speech ("described himself as" stays speech).
	if m.Last < len(p.Tokens) && reflexive.Has(&p.Tokens[m.Last]) && strings.HasPrefix(p.Tokens[m.First].Norm, "assert") {
		return notACue
	}
	// After a possessive the cue word is a noun: "Putin's warning that";
	// after a pronoun the "'s" is "is" or "has": "he's saying".
	if text.PossessiveAt(p.Tokens, m.First-2) && !(m.First > 2 && pronouns.Has(&p.Tokens[m.First-3])) {
		return notACue
	}
	// A passive cue ("is expected to", "it is said that") names no source
	// by construction: it is recorded as an impersonal attribution.
	// "is saying", "is warning" are progressive: the subject speaks.
	if m.First > 0 && passiveAux.Has(&p.Tokens[m.First-1]) && !(m.Last < len(p.Tokens) && p.Tokens[m.Last].Norm == "by") &&
		!strings.HasSuffix(p.Tokens[m.First].Norm, "ing") {
		return impersonal
	}
	if _, inQuote := p.QuoteAt(m.Start, m.End); inQuote {
		return notACue
	}
	// A capitalised cue word mid-sentence is part of a name ("United
	// States"), except in a headline ("…, Lindsey Graham Says") and after
	// a dash that ends a dateline ("LONDON, March 3 — According to …").
	if m.First > p.Sentences[si].First && p.Capitalized(p.Tokens[m.First]) && !(headlineSays.Has(&p.Tokens[m.First]) && p.TitleCase(m.First)) &&
		!dashBefore(p, m.First) {
		return notACue
	}
	return isCue
}

// dashBefore reports a dash right before token k ("—", "–", or a hyphen
// or two set off by spaces): the end of a dateline, after which a
// sentence starts again.
func dashBefore(p *analysis.Pass, k int) bool {
	if k == 0 {
		return false
	}
	t := &p.Tokens[k-1]
	switch t.Norm {
	case "—", "–":
		return true
	case "-":
		return t.Start > 0 && (p.Text[t.Start-1] == ' ' || p.Text[t.Start-1] == '-')
	}
	return false
}

// findSource fills a's source: anonymous or vague wording at the cue,
// hearsay ("according to reports", nobody's), or the named or unnamed
// source the cue's construction points to.
func findSource(p *analysis.Pass, m lexicon.Match, sent text.Sentence, ms matchSets, a *analysis.Attribution) {
	si := a.Sentence
	// Anonymous or vague wording right at the cue is the source.
	for am := range inSentence(p, si, ms.anonymous, ms.weasel) {
		near := am.First <= m.Last+8 && am.Last >= m.First-6
		if near && am.First >= sent.First && am.Last <= sent.Last {
			a.Kind = analysis.SourceAnonymous
			if am.Entry.Category == "weasel" {
				a.Kind = analysis.SourceVague
			}
			a.Source = p.Text[am.Start:am.End]
			a.SourceSpan = core.Span{Start: am.Start, End: am.End}
		}
	}
	// "according to reports" is hearsay: the reports are nobody's.
	for h := range inSentence(p, si, ms.hearsay) {
		if h.Start <= m.Start && h.End >= m.End {
			a.Impersonal = true
		}
	}
	if a.Kind != analysis.SourceNone || a.Impersonal {
		return
	}
	cueWord := p.Tokens[m.First].Norm
	switch {
	case m.Entry.Category == "cue_document":
		documentSource(p, sent, m.First, a)
	case cueWord == "according":
		sourceAfter(p, m.Last, sent.Last, a)
	case strings.HasSuffix(cueWord, "ing") && afterParticipleOpener(p, sent.First, m.First):
		// "Clinton had mocked the complaint, saying …": a participle
		// after a comma reports what the sentence's subject said, or
		// who spoke earlier in it ("…," Christie said, adding …); so
		// does one after "by" ("pitched himself to voters by telling
		// them that …") or a dash ("Republicans are challenging her
		// statements -- claiming that …").
		if b := earlierSource(p, si); b != nil {
			a.Kind, a.Source, a.SourceSpan, a.Name = b.Kind, b.Source, b.SourceSpan, b.Name
			return
		}
		sentenceSubject(p, sent, m.First, a)
	case coordinated(p, sent.First, m.First):
		// "He clinched the nomination and said …": the verb shares
		// the sentence's subject, which an earlier cue in the sentence
		// may have found already ("in which Bloomberg criticized
		// Democrats, but argued that …").
		if b := earlierSource(p, si); b != nil && b.SourceSpan.End <= b.Cue.Start {
			a.Kind, a.Source, a.SourceSpan, a.Name, a.Pronoun = b.Kind, b.Source, b.SourceSpan, b.Name, b.Pronoun
			return
		}
		sentenceSubject(p, sent, m.First, a)
	default:
		sourceBefore(p, m.First, sent.First, a)
		// Only a verb of saying puts its source after it ("…, said the
		// mayor"); after "criticized" or "condemned" the noun is the
		// object ("criticized the council, but …").
		// "asked" names its addressee after it ("Trump asked Clinton
		// whether …") unless it closes a question ("'…?' asked Mr.
		// Manafort").
		closesQuestion := cueWord == "asked" && m.First > 0 && closesClause[p.Tokens[m.First-1].Norm]
		if a.Kind == analysis.SourceNone && !a.Pronoun && (closesQuestion || cueWord != "told" && cueWord != "asked" && (statementCue.Has(&p.Tokens[m.First]) || speechCue.Has(&p.Tokens[m.First]))) {
			sourceAfter(p, m.Last, sent.Last, a)
		}
	}
}

// coordinated reports a cue at token first right after "and" or "but", or
// after them and a verb with "to" ("agreed and seemed to think").
func coordinated(p *analysis.Pass, sentFirst, first int) bool {
	k := first - 1
	if verbWithTo(p, k, sentFirst) {
		k -= 2
	}
	return k > sentFirst && (p.Tokens[k].Norm == "and" || p.Tokens[k].Norm == "but")
}

// verbWithTo reports "to" at token k after a toBeforeCue verb, both after
// token first ("expected to", "seemed to"): words a source's cue may follow.
func verbWithTo(p *analysis.Pass, k, first int) bool {
	return k-1 > first && p.Tokens[k].Norm == "to" && toBeforeCue.Has(&p.Tokens[k-1])
}

// participleOpener are the tokens after which a participle cue reports the
// sentence's subject: a comma, "by", a dash (every dash folds to "-").
var participleOpener = map[string]bool{",": true, "by": true, "-": true}

// afterParticipleOpener reports whether the participle at token first
// follows a participleOpener, directly or past up to two of the adverbs
// that may stand between a source and its verb ("…, eventually saying").
func afterParticipleOpener(p *analysis.Pass, sentFirst, first int) bool {
	k := first - 1
	for k > sentFirst && first-k <= 2 && skippable.Has(&p.Tokens[k]) {
		k--
	}
	return k > sentFirst && participleOpener[p.Tokens[k].Norm]
}

// earlierSource is the last attribution found so far when it is in
// sentence si and has a source: the subject a later verb of the sentence
// may share. "According to sources, Clinton … by telling them" is not
// that: the sources tell where the account came from, and the teller is
// the sentence's subject.
func earlierSource(p *analysis.Pass, si int) *analysis.Attribution {
	if n := len(p.Attributions); n > 0 && p.Attributions[n-1].Sentence == si && p.Attributions[n-1].Source != "" && !p.Attributions[n-1].Hearsay() {
		return &p.Attributions[n-1]
	}
	return nil
}

// resolvePronoun names the source a pronoun stands for: "they", the group
// or organisation that last spoke within three sentences; "he" or "she",
// the last person named before it (else lastPerson, the last person who
// spoke).
func resolvePronoun(p *analysis.Pass, sent text.Sentence, lastPerson string, a *analysis.Attribution) {
	switch {
	case !a.Pronoun:
	case strings.EqualFold(a.Source, "they"):
		for j := len(p.Attributions) - 1; j >= 0 && p.Attributions[j].Sentence >= a.Sentence-3; j-- {
			if b := &p.Attributions[j]; (b.Kind == analysis.SourceUnnamed || b.Kind == analysis.SourceNamedOrg) && !b.Pronoun {
				a.Kind, a.Name = b.Kind, b.Name
				if a.Name == "" {
					a.Name = b.Source
				}
				return
			}
		}
	default:
		a.Name = lastNamedBefore(p, a.SourceSpan.Start, sent.First)
		if a.Name == "" {
			a.Name = lastPerson
		}
		if a.Name != "" {
			a.Kind = analysis.SourceNamedPerson
		}
	}
}

// content is what the cue reports: the rest of the sentence, or a direct
// quote in it, else one ending just before it in the same paragraph
// ("'We will win.' The minister said so."). Quotes are in order and never
// overlap: only the first two to end at or after sent.Start-2 can be either.
func content(p *analysis.Pass, sent text.Sentence, m lexicon.Match) (core.Span, bool) {
	if k := sort.Search(len(p.Quotes), func(k int) bool { return p.Quotes[k].End >= sent.Start-2 }); k < len(p.Quotes) {
		q := p.Quotes[k]
		if q.End <= sent.Start && k+1 < len(p.Quotes) && p.Quotes[k+1].Start < sent.End {
			q = p.Quotes[k+1] // the sentence has a quote of its own
		}
		if q.End <= m.Start && quotedTitle(p, q) {
			// "Arnold, who starred in “True Lies,” also said he …": a
			// work's name before the cue is not what it reports.
			return core.Span{Start: m.End, End: sent.End}, false
		}
		if q.Start < sent.End && q.End > sent.Start || q.End <= sent.Start && !strings.Contains(p.Text[q.End:sent.Start], "\n") {
			return core.Span{Start: q.InnerStart, End: q.InnerEnd}, true
		}
	}
	return core.Span{Start: m.End, End: sent.End}, false
}

// inSentenceOrder moves the attributions appended after the first n (the
// dash- and colon-signed ones, out of text order) to their sentences, each
// after those already there and the extras of one sentence in the order
// they were found: a merge of two sorted runs, linear in their length (an
// insertion per extra was quadratic on a long transcript).
func inSentenceOrder(p *analysis.Pass, n int) {
	if len(p.Attributions) == n {
		return
	}
	extra := slices.Clone(p.Attributions[n:])
	slices.SortStableFunc(extra, func(a, b analysis.Attribution) int { return a.Sentence - b.Sentence })
	main := slices.Clone(p.Attributions[:n])
	out := p.Attributions[:0]
	i, j := 0, 0
	for i < len(main) || j < len(extra) {
		if j == len(extra) || i < len(main) && main[i].Sentence <= extra[j].Sentence {
			out = append(out, main[i])
			i++
		} else {
			out = append(out, extra[j])
			j++
		}
	}
	p.Attributions = out
}

// colonLabelled attributes a line that opens with a name and a colon: a
// headline's "Pence: Gennifer Flowers would…" or a transcript's "WALLACE:
// Let's start…". Labels that are not speakers ("Editor's note:",
// "Update:") are left alone.
func colonLabelled(p *analysis.Pass) {
	for si, sent := range p.Sentences {
		k := sent.First
		if k >= sent.Last || p.Tokens[k].Start > 0 && p.Text[p.Tokens[k].Start-1] != '\n' {
			continue
		}
		end := nameEnd(p, k, min(sent.Last, k+4))
		if end == k || end+1 >= sent.Last || p.Tokens[end].Norm != ":" || notSpeaker.Has(&p.Tokens[end-1]) || notSpeaker.Has(&p.Tokens[k]) {
			continue
		}
		colon := p.Tokens[end]
		a := analysis.Attribution{Sentence: si, Cue: core.Span{Start: colon.Start, End: colon.End}, CueText: ":",
			Content: core.Span{Start: p.Tokens[end+1].Start, End: sent.End}}
		if end-k == 1 && documentNouns.Has(&p.Tokens[k]) {
			unnamed(p, &a, k, k)
		} else {
			classifyCapitalised(p, k, end, -1, &a)
		}
		if a.Kind != analysis.SourceNone {
			p.Attributions = append(p.Attributions, a)
		}
	}
}

// notSpeaker are labels that open a line with a colon without a speaker.
var notSpeaker = toSet(lexicons.Words("labels_not_speakers")...)

// dashSigned attributes a quote signed with a dash and a name after it, as
// collections of voices print them ("“…he represents our greatest shame.”
// ― Sonya Herridge"): the name alone, up to the end of its line.
func dashSigned(p *analysis.Pass) {
	for _, q := range p.Quotes {
		rest := p.Text[q.End:]
		trimmed := strings.TrimLeft(rest, " ")
		r, size := utf8.DecodeRuneInString(trimmed)
		if r != '\u2015' && r != '\u2014' && r != '\u2013' {
			continue
		}
		dash := q.End + len(rest) - len(trimmed)
		k := sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= dash+size })
		end := nameEnd(p, k, min(len(p.Tokens), k+5))
		if end-k < 2 || end < len(p.Tokens) && !strings.ContainsAny(p.Text[p.Tokens[end-1].End:p.Tokens[end].Start]+p.Tokens[end].Norm, "\n.") {
			continue // a name of two words or more, then the line or the sentence ends
		}
		si := p.SentenceAt(q.Start)
		if si < 0 {
			continue
		}
		a := analysis.Attribution{Sentence: si, Cue: core.Span{Start: dash, End: dash + size}, CueText: p.Text[dash : dash+size],
			Content: core.Span{Start: q.InnerStart, End: q.InnerEnd}, Direct: true}
		classifyCapitalised(p, k, end, -1, &a)
		if a.Kind != analysis.SourceNone {
			p.Attributions = append(p.Attributions, a)
		}
	}
}

// quotedAfter keeps the matches of a verb that attributes only what it
// introduces as a direct quote: "the chair called it "a floor to build on""
// reports words; "the chair called a vote" does not.
func quotedAfter(p *analysis.Pass, ms []lexicon.Match) []lexicon.Match {
	var out []lexicon.Match
	for _, m := range ms {
		k := sort.Search(len(p.Quotes), func(k int) bool { return p.Quotes[k].Start >= m.End })
		if k < len(p.Quotes) && p.Quotes[k].Start-m.End <= 12 && !strings.ContainsAny(p.Text[m.End:p.Quotes[k].Start], ".;\n") {
			out = append(out, m)
		}
	}
	return out
}

// headlineSays are the cues a title-case headline capitalises ("Obama Says…").
var headlineSays = toSet(lexicons.ReportingCues("headline")...)

// partyMembers name a party's members as a group.
var partyMembers = toSet(lexicons.Words("party_members")...)

// groupNoun reports a lowercase head noun of an unnamed source: a group, an
// institution or a document, singular or plural ("officials", "the
// reports").
func groupNoun(t *text.Token) bool { return groupNouns.Has(t) }

// groupNouns are unnamedHeadWords, their plurals in -s, and documentNouns.
var groupNouns = func() text.WordSet {
	var ws []string
	for _, w := range unnamedHeadWords {
		ws = append(ws, w, w+"s")
	}
	return toSet(append(ws, documentNounWords...)...)
}()

// documentNouns head a source that is a document or a body of research.
var documentNouns = toSet(documentNounWords...)

var documentNounWords = lexicons.Words("document_nouns")

// docBefore returns the document noun a verb's subject ends in ("a
// Quinnipiac University poll released in late August found"), within the
// eight tokens before the verb and no comma away; -1 if there is none.
func docBefore(p *analysis.Pass, cue, first int) int {
	for k := cue - 1; k >= first && k >= cue-8; k-- {
		t := p.Tokens[k]
		if t.Punct {
			return -1
		}
		if documentNouns.Has(&t) {
			return k
		}
	}
	return -1
}

// afterDocument keeps the matches of a verb that attributes only when its
// subject is a poll, study or report ("the survey found"; not "police found").
func afterDocument(p *analysis.Pass, ms []lexicon.Match) []lexicon.Match {
	var out []lexicon.Match
	for _, m := range ms {
		if si := p.SentenceAt(m.Start); si >= 0 && docBefore(p, m.First, p.Sentences[si].First) >= 0 {
			out = append(out, m)
		}
	}
	return out
}

// documentSource takes the noun phrase that ends in the document noun, back
// to its determiner: "A Quinnipiac University poll". A capitalised word in
// it names the publisher.
func documentSource(p *analysis.Pass, sent text.Sentence, cue int, a *analysis.Attribution) {
	end := docBefore(p, cue, sent.First)
	if end < 0 {
		return
	}
	start, named := end, false
	for start > sent.First && !p.Tokens[start-1].Punct && !determiners.Has(&p.Tokens[start]) && end-start < 8 {
		start--
		named = named || p.Capitalized(p.Tokens[start]) && start > sent.First
	}
	unnamed(p, a, start, end)
	if named {
		a.Kind, a.Name = analysis.SourceNamedOrg, a.Source
	}
}

// lastNamedBefore finds the nearest person's name (two or more capitalised
// words, titles stripped) before offset off, looking back at most three
// sentences: the antecedent of "he" or "she".
func lastNamedBefore(p *analysis.Pass, off, sentFirst int) string {
	si := p.SentenceAt(off)
	if si < 0 {
		return ""
	}
	first := p.Sentences[max(0, si-3)].First
	end := -1
	for k := sentFirst - 1; k >= first; k-- {
		t := p.Tokens[k]
		capital := p.Capitalized(t) && !t.Punct && !roleWords.Has(&t) && !orgWords.Has(&t)
		switch {
		case capital && end < 0:
			end = k
		case !capital && end >= 0:
			if end-k >= 2 && !isSentenceStart(p, k+1) && !dateOpener(p, k+1, end) {
				return p.Text[p.Tokens[k+1].Start:p.Tokens[end].End]
			}
			end = -1
		}
	}
	// A name that opens the window ("Angela Merkel met the press. She said").
	if end-first >= 1 && !isSentenceStart(p, first) && !dateOpener(p, first, end) {
		return p.Text[p.Tokens[first].Start:p.Tokens[end].End]
	}
	return ""
}

// dateOpener reports a capitalised run that opens a sentence with a time,
// not a name: "On Wednesday, he told…", "In March".
func dateOpener(p *analysis.Pass, from, to int) bool {
	return openingPreps.Has(&p.Tokens[from]) && (weekdays.Has(&p.Tokens[to]) || monthNames.Has(&p.Tokens[to]))
}

var (
	weekdays   = toSet(lexicons.Words("weekdays")...)
	monthNames = toSet(lexicons.Words("month_names")...)
)

func isSentenceStart(p *analysis.Pass, k int) bool {
	si := p.SentenceAt(p.Tokens[k].Start)
	return si >= 0 && p.Sentences[si].First == k && k+1 < len(p.Tokens) && !p.Capitalized(p.Tokens[k+1])
}

// contractedAux are the auxiliaries written against the word before them
// ("he's", "they've", "she'd"), after an apostrophe.
var contractedAux = lexicons.Set("contracted_auxiliaries")

// sourceBefore walks back from the cue over skippable words to a source
// phrase: a pronoun, a run of capitalised words (with titles), or a noun
// phrase headed by a group word, skipping an appositive between commas.
func sourceBefore(p *analysis.Pass, cue, first int, a *analysis.Attribution) {
	k := cue - 1
	for k >= first {
		if skippable.Has(&p.Tokens[k]) {
			k--
		} else if k-1 > first && contractedAux[p.Tokens[k].Norm] && text.IsApostrophe(&p.Tokens[k-1]) && p.Tokens[k-1].End == p.Tokens[k].Start && p.Tokens[k-2].End == p.Tokens[k-1].Start {
			k -= 2 // "he's saying", "they've argued"
		} else if verbWithTo(p, k, first) {
			k -= 2 // "she's expected to argue", "he seemed to think"
		} else {
			break
		}
	}
	if k < first {
		return
	}
	// "Arnold, who starred in “True Lies,” also said": an appositive that
	// ends with a work's name keeps its comma inside the marks.
	if k > first && p.Tokens[k-1].Norm == "," && (p.Tokens[k].Norm == "\"" || p.Tokens[k].Norm == "”") {
		if q, ok := p.QuoteAt(p.Tokens[k-1].Start, p.Tokens[k-1].End); ok && q.End == p.Tokens[k].End && quotedTitle(p, q) {
			k--
		}
	}
	// "Sen. Lindsey Graham (R-S.C.) said": jump over the parenthesis.
	if p.Tokens[k].Norm == ")" {
		for j := k - 1; j >= first && j > k-10; j-- {
			if p.Tokens[j].Norm == "(" {
				k = j - 1
				break
			}
		}
	}
	// "Keir Giles, a defence analyst, said": jump over the appositive, which
	// can be long ("Leonard E. Burman, director of the centrist
	// Urban-Brookings Tax Policy Center and a professor at …, said").
	// But "the session chair, Amara Osei, called": a name between the
	// commas after a lowercase role is the source itself (not so "a
	// delegate from Houston, Texas, said", whose "Houston, Texas" is one
	// place inside the appositive).
	if k >= first && p.Tokens[k].Norm == "," {
		for j := k - 1; j >= first && j > k-30; j-- {
			if p.Tokens[j].Norm != "," {
				continue
			}
			if placeInAppositive(p, first, j, k) {
				continue
			}
			if k-1 > j && j > first && !p.Capitalized(p.Tokens[j-1]) && !p.Tokens[j-1].Punct && nameStart(p, k-1, j+1) == j+1 {
				k--
			} else {
				k = j - 1
			}
			break
		}
	}
	if k < first {
		return
	}
	t := p.Tokens[k]
	if pronouns.Has(&t) {
		a.Source, a.SourceSpan, a.Pronoun = p.Text[t.Start:t.End], core.Span{Start: t.Start, End: t.End}, true
		a.Kind = analysis.SourceNone
		return
	}
	if groupPronouns.Has(&t) || t.Norm == "i" {
		return // "I think": in an article, the writer, whose words are the outlet's
	}
	// A relative pronoun: the source is the noun it stands for. "Who" for a
	// person or a group ("an architect who said", "Trump, who said");
	// "that" and "which" for a document or a group only, since "that"
	// opens many clauses ("a report that said", "an article by New York
	// magazine that claimed", "the agency, which says").
	who := t.Norm == "who" && p.Text[t.Start] == 'w' // not "the WHO"
	if (who || t.Norm == "that" || t.Norm == "which") && k > first {
		j := k - 1
		if p.Tokens[j].Norm == "," && j > first {
			j--
		}
		switch {
		case !who:
			if h := headBeforeModifier(p, j, first); h >= 0 && groupNoun(&p.Tokens[h]) && !p.Capitalized(p.Tokens[h]) {
				unnamed(p, a, nounPhraseStart(p, h, first), j)
			}
		case p.Capitalized(p.Tokens[j]) && !p.Tokens[j].Punct:
			classifyCapitalised(p, nameStart(p, j, first), j+1, first, a)
		case groupNoun(&p.Tokens[j]) || roleWords.Has(&p.Tokens[j]) || !p.Tokens[j].Punct && j > first && determiners.Has(&p.Tokens[j-1]):
			unnamed(p, a, nounPhraseStart(p, j, first), j)
		}
		return
	}
	end := k + 1
	start := nameStart(p, k, first)
	// "Sen. Kay Bailey Hutchison, R-Texas, said": the party-and-state tag
	// is an appositive too; the name is before it.
	if start+2 < end && (p.Tokens[start].Norm == "r" || p.Tokens[start].Norm == "d" || p.Tokens[start].Norm == "i") &&
		p.Tokens[start+1].Norm == "-" && start-1 > first && p.Tokens[start-1].Norm == "," {
		end = start - 1
		start = nameStart(p, end-1, first)
	}
	if start < end {
		// "Lindsey Graham of South Carolina said", "his critics in the
		// United States argue": a place after a preposition modifies the
		// head before it, which is the source.
		j := start - 1
		if j > first && p.Tokens[j].Norm == "the" {
			j--
		}
		if j <= first || !modifierPreposition.Has(&p.Tokens[j]) || p.Tokens[j-1].Punct {
			classifyCapitalised(p, start, end, first, a)
			return
		}
		if h := j - 1; p.Capitalized(p.Tokens[h]) {
			classifyCapitalised(p, nameStart(p, h, first), h+1, first, a)
			return
		} else if p.Tokens[j].Norm == "of" {
			// "members of the Judiciary Committee" speak for it.
			classifyCapitalised(p, start, end, first, a)
			return
		}
		k = j - 1
		t = p.Tokens[k]
	}
	// A lowercase group: "European officials", "the ministry", "the US road
	// safety regulator"; or any noun right after "the" ("the chamber said").
	// "The New York businessman said": up to four words after "the".
	// "A neighbor told", "one former executive said", "his brother
	// added" too: after any determiner of a noun phrase.
	afterThe := false
	for j := k - 1; j >= first && j >= k-5 && !p.Tokens[j].Punct; j-- {
		if subjectDeterminer.Has(&p.Tokens[j]) {
			afterThe = true
			break
		}
	}
	if s, ok := shareOfPeople(p, k, first); ok && speechCue.Has(&p.Tokens[cue]) {
		unnamed(p, a, s, k) // "47 percent said", "one in five say", "those surveyed say"
		return
	}
	// A role ("the mayor criticized") is a person whatever the verb; so is
	// a group whose modifier ends right before a verb of speech
	// ("Proponents of the new bill say"), and a person named by a noun
	// ("a narrator says", "the 46-year-old argued").
	s := nounPhraseStart(p, k, first)
	head := headOfModifier(p, s, first)
	if groupNoun(&t) || afterThe && !t.Punct && (statementCue.Has(&p.Tokens[cue]) || roleWords.Has(&t)) ||
		(pluralHead(p, k) || head < s || afterThe && personNoun(p, k)) && speechCue.Has(&p.Tokens[cue]) {
		unnamed(p, a, head, k)
	}
}

// closesClause are the tokens before an inverted cue: a comma or a quote
// mark ("…," said the actor; every double mark folds to ").
var closesClause = map[string]bool{",": true, "\"": true, "'": true, "’": true}

// personNoun reports a lowercase noun at token k that names a person or
// people: a plural for people (pluralHead), a singular that ends like an
// agent ("narrator", "activist", "commenter"), a word for kin or a
// person ("a man", "her friend"), or an age ("the 46-year-old").
func personNoun(p *analysis.Pass, k int) bool {
	t := &p.Tokens[k]
	w := t.Norm
	if t.Punct || !isLower(w) || p.Capitalized(*t) && !isSentenceStart(p, k) {
		return false
	}
	if pluralHead(p, k) || personWord.Has(t) {
		return true
	}
	if w == "old" && k >= 2 && p.Tokens[k-1].Norm == "-" && (p.Tokens[k-2].Norm == "year" || p.Tokens[k-2].Norm == "years") {
		return true
	}
	for _, suffix := range []string{"er", "or", "ist", "ian", "ant", "ent", "eon"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 && !thingInAgentForm.Has(t) {
			return true
		}
	}
	return false
}

// personOnly is a stricter test than personNoun, for a noun after a
// determiner: a word for a person, or a noun ending in "-man" (so "-woman"
// too), "-ist" or "-ian" ("businessman", "activist", "politician"), never
// capitalised and never a thing named like an agent.
func personOnly(p *analysis.Pass, k int) bool {
	t := &p.Tokens[k]
	if t.Punct || p.Capitalized(*t) || thingInAgentForm.Has(t) {
		return false
	}
	if personWord.Has(t) {
		return true
	}
	for _, suffix := range []string{"man", "ist", "ian"} {
		if strings.HasSuffix(t.Norm, suffix) && len(t.Norm) > len(suffix)+2 {
			return true
		}
	}
	return false
}

var (
	personWord = toSet(lexicons.Words("person_nouns")...)
	// thingInAgentForm are nouns ending like an agent that name things a
	// text may quote from: the speaker is then the thing's author, not it.
	thingInAgentForm = toSet(lexicons.Words("agent_form_things")...)
)

// subjectDeterminer are the words that open a noun phrase a source may be
// ("that person said", "one former executive said").
var subjectDeterminer = toSet(lexicons.Words("subject_determiners")...)

// headOfModifier widens a source noun phrase that starts at s to the head
// it modifies: "Aides to the senator", "Allies of the president",
// "Proponents of the new bill", "Officials from the party" (a group noun or
// a plural for people before "of", "to", "for", "from" or "at"), "those briefed on the talks" (a participle after
// "those" or a group noun). It returns the new start.
func headOfModifier(p *analysis.Pass, s, first int) int {
	if s-2 < first || p.Tokens[s-1].Punct {
		return s
	}
	head := s - 2
	switch prep := p.Tokens[s-1].Norm; {
	case prep == "of" || prep == "to" || prep == "for" || prep == "from" || prep == "at":
	case (prep == "on" || prep == "in" || prep == "with" || prep == "about") && head > first && strings.HasSuffix(p.Tokens[head].Norm, "ed") &&
		(p.Tokens[head-1].Norm == "those" || groupNoun(&p.Tokens[head-1])):
		head-- // "those briefed on", "officials involved in"
	default:
		return s
	}
	if h := &p.Tokens[head]; h.Norm == "those" || groupNoun(h) || kinNouns.Has(h) || pluralHead(p, head) {
		return nounPhraseStart(p, head, first)
	}
	return s
}

// relativeThat reports "that" before a cue in the past tense or "says" as
// a relative pronoun ("a report that said", "an article that claimed"),
// not a determiner before a noun ("that statement").
func relativeThat(p *analysis.Pass, cue int) bool {
	w := p.Tokens[cue].Norm
	return p.Tokens[cue-1].Norm == "that" && (strings.HasSuffix(w, "ed") || w == "said" || w == "says" || w == "told" || w == "tells")
}

// headBeforeModifier is the head noun of the phrase ending at token j: j
// itself, or the noun before a "by" or "from" phrase of up to four words
// ("an article by New York magazine"). -1 when there is no such word.
func headBeforeModifier(p *analysis.Pass, j, first int) int {
	if groupNoun(&p.Tokens[j]) {
		return j
	}
	for i := j - 1; i > first && i >= j-4 && !p.Tokens[i].Punct; i-- {
		if w := p.Tokens[i].Norm; w == "by" || w == "from" {
			return i - 1
		}
	}
	return -1
}

// shareOfPeople reports a poll's share of its respondents ending at token
// k, the subject of what they say: "47 percent", "about one in five",
// "six in 10", "a third", "those surveyed", "a majority of voters". It
// returns where the phrase starts.
func shareOfPeople(p *analysis.Pass, k, first int) (int, bool) {
	t := &p.Tokens[k]
	switch {
	case t.Norm == "percent" || t.Norm == "%":
	case respondentWord.Has(t) && k > first && p.Tokens[k-1].Norm == "those":
		k-- // "those surveyed"
	case k-2 >= first && p.Tokens[k-1].Norm == "in" && text.IsNumber(&p.Tokens[k]) && text.IsNumber(&p.Tokens[k-2]):
		k -= 2 // "one in five"
	case k-3 >= first && p.Tokens[k-1].Norm == "of" && p.Tokens[k-2].Norm == "out" && text.IsNumber(&p.Tokens[k]) && text.IsNumber(&p.Tokens[k-3]):
		k -= 3 // "nine out of 10"
	case t.Norm == "half":
	case fractionWord.Has(t) && k > first && (p.Tokens[k-1].Norm == "a" || p.Tokens[k-1].Norm == "the" || text.IsNumber(&p.Tokens[k-1])):
	default:
		// "Thirty-one percent of those surveyed", "a majority of voters"
		for j := k - 1; j > first && j >= k-4 && !p.Tokens[j].Punct; j-- {
			if p.Tokens[j].Norm == "of" {
				if s, ok := shareOfPeople(p, j-1, first); ok {
					return s, true
				}
				break
			}
		}
		return 0, false
	}
	s := k
	for s > first && (text.IsNumber(&p.Tokens[s-1]) || shareModifier.Has(&p.Tokens[s-1]) || p.Tokens[s-1].Norm == "-") {
		s--
	}
	if s-2 >= first && p.Tokens[s-1].Norm == "of" {
		if whole, ok := shareOfPeople(p, s-2, first); ok {
			return whole, true // "31 percent of those surveyed"
		}
	}
	return s, true
}

var (
	respondentWord = toSet(lexicons.Words("poll_respondents")...)
	fractionWord   = toSet(lexicons.Words("share_fractions")...)
	shareModifier  = toSet(lexicons.Words("share_modifiers")...)
)

// placeInAppositive reports that the comma at token j splits a place in
// two ("from Houston, Texas,"): one or two capitalised words up to the
// comma at k, after a capitalised word that a preposition of place
// introduces.
func placeInAppositive(p *analysis.Pass, first, j, k int) bool {
	if k-j < 2 || k-j > 3 || j-2 < first {
		return false
	}
	for i := j + 1; i < k; i++ {
		if p.Tokens[i].Punct || !p.Capitalized(p.Tokens[i]) {
			return false
		}
	}
	for i := j - 1; i >= first && i >= j-3; i-- {
		t := &p.Tokens[i]
		if t.Punct || !p.Capitalized(*t) {
			return modifierPreposition.Has(t) && i < j-1
		}
	}
	return false
}

// pluralHead reports a lowercase plural noun for people at token k (or one
// capitalised as a sentence's first word), the
// head of a group that speaks without a name: "Sanders's supporters
// claim", "forecasters say", "Cruz's associates insist". People, not
// things: the nouns end like agents (-ers, -ists, -ants…), since "the
// remarks suggest" is the outlet's inference. The vague groups ("critics
// say") are the weasel lexicon's.
func pluralHead(p *analysis.Pass, k int) bool {
	t := &p.Tokens[k]
	w := t.Norm
	if t.Punct || p.Capitalized(*t) && !isSentenceStart(p, k) || !isLower(w) || k > 0 && pronouns.Has(&p.Tokens[k-1]) {
		return false
	}
	if !kinNouns.Has(t) {
		agent := false
		for _, suffix := range []string{"ers", "ors", "ars", "ists", "ians", "ants", "ents", "ates", "ives", "ees", "als", "ites"} {
			agent = agent || strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2
		}
		if !agent || strings.HasSuffix(w, "ments") {
			return false
		}
	}
	return !p.VagueWording(k, k+1)
}

// modifierPreposition are the prepositions that attach a place or an
// institution to a source's head ("officials in Kyiv", "Graham of South
// Carolina").
var modifierPreposition = toSet("in", "of", "from", "at", "across", "inside")

var reflexive = toSet("itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself")

// kinNouns are plural nouns for people that do not end like agents
// ("people think" is anyone, left out).
var kinNouns = toSet("colleagues", "friends", "families", "relatives", "neighbors", "neighbours", "allies")

func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// speechCue are the cues that report what someone said or thought.
var speechCue = toSet(lexicons.ReportingCues("speech")...)

// nounPhraseStart walks back from the head noun at k over at most four
// modifiers, to a determiner ("an architect") or through an owner's name
// ("Ivana Trump's brief"), not past a word that opens a clause ("While
// allies proposed").
func nounPhraseStart(p *analysis.Pass, k, first int) int {
	s := k
	for s > first && s > k-5 && !p.Tokens[s-1].Punct && !skippable.Has(&p.Tokens[s-1]) && !leadWords.Has(&p.Tokens[s-1]) && !determiners.Has(&p.Tokens[s]) {
		s--
	}
	if s-2 >= first && p.Tokens[s].Norm == "s" && p.Tokens[s-1].Norm == "'" && p.Capitalized(p.Tokens[s-2]) {
		s = nameStart(p, s-2, first)
	}
	return s
}

// sentenceSubject takes the subject that opens the sentence as the source:
// a pronoun, a run of capitalised words ("Rival Hillary Clinton"), or one
// ending in a group or role noun ("A New York judge").
func sentenceSubject(p *analysis.Pass, sent text.Sentence, cue int, a *analysis.Attribution) {
	k := sent.First
	for k < cue && (p.Tokens[k].Punct || leadWords.Has(&p.Tokens[k])) {
		k++
	}
	// An opening phrase ("In August, several groups …") is not the subject,
	// nor is the rest of its place or time after a comma ("At a rally in
	// Ames, Iowa, on Sunday, Mrs. Clinton …").
	for opened := false; k < cue; opened = true {
		c := k
		for c < cue && p.Tokens[c].Norm != "," {
			c++
		}
		if !openingPreps.Has(&p.Tokens[k]) && !(opened && c < cue && placeContinues(p, k, c)) {
			break
		}
		k = c + 1
	}
	if k >= cue {
		return
	}
	// A sentence that opens with a quote has no subject before the cue.
	if _, inQuote := p.QuoteAt(p.Tokens[k].Start, p.Tokens[k].End); inQuote {
		return
	}
	if t := p.Tokens[k]; pronouns.Has(&t) {
		a.Source, a.SourceSpan, a.Pronoun = p.Text[t.Start:t.End], core.Span{Start: t.Start, End: t.End}, true
		return
	}
	if groupPronouns.Has(&p.Tokens[k]) { // "It asked farmers … and said": not a name
		return
	}
	end := k
	if determiners.Has(&p.Tokens[end]) {
		end++ // "The Kremlin", "A New York judge"
	}
	end = nameEnd(p, end, cue)
	// A lowercase group: "several environmental groups"; the first head
	// ends it ("the mayor rejected the council's plan and said" is the
	// mayor's).
	// "The billionaire businessman began by …, saying": after a
	// determiner, a noun that can only name a person too (not every word
	// that ends like an agent: "The protests grew louder").
	person := func(j int) bool {
		return groupNoun(&p.Tokens[j]) || roleWords.Has(&p.Tokens[j]) || j > k && determiners.Has(&p.Tokens[k]) && personOnly(p, j)
	}
	for j := end; j < cue && j < end+4 && !p.Tokens[j].Punct && !p.Capitalized(p.Tokens[j]); j++ {
		if person(j) {
			end = j
			break
		}
	}
	if end < cue && person(end) {
		unnamed(p, a, k, end)
		return
	}
	if end > k && !determiners.Has(&p.Tokens[end-1]) {
		classifyCapitalised(p, k, end, sent.First, a)
	}
}

// placeContinues reports tokens [k, c) that go on with an opening phrase's
// place after a comma: a short run of capitalised words ("Iowa", "N.H.")
// after a place ("in Ames, Iowa,"), not after a date ("In August, Trump,
// Clinton and Sanders met": a list of subjects).
func placeContinues(p *analysis.Pass, k, c int) bool {
	if c-k > 4 || k < 2 {
		return false
	}
	if prev := &p.Tokens[k-2]; prev.Punct || !p.Capitalized(*prev) || monthNames.Has(prev) || weekdays.Has(prev) {
		return false
	}
	for j := k; j < c; j++ {
		if t := p.Tokens[j]; t.Norm != "." && !(p.Capitalized(t) && !t.Punct) {
			return false
		}
	}
	return c > k
}

// openingPreps begin a phrase of time or place that opens a sentence.
var openingPreps = toSet(lexicons.Words("opening_prepositions")...)

// nameEnd returns the token after the run of capitalised words that starts
// at k ("Sen. Jane Doe"), k if token k is not one; it stops before limit.
func nameEnd(p *analysis.Pass, k, limit int) int {
	j := k
	for j < limit {
		tj := p.Tokens[j]
		if p.Capitalized(tj) && !tj.Punct {
			j++
			continue
		}
		if (tj.Norm == "-" || tj.Norm == ".") && j > k && j+1 < limit && p.Capitalized(p.Tokens[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

// nameStart returns the first token of the run of capitalised words ending
// at k ("Sen. Kay Bailey Hutchison", "Jean-Yves"), k+1 if token k is not one.
func nameStart(p *analysis.Pass, k, first int) int {
	j := k
	for j >= first {
		tj := p.Tokens[j]
		if p.Capitalized(tj) && !tj.Punct {
			j--
			continue
		}
		if (tj.Norm == "-" || tj.Norm == ".") && j > first && p.Capitalized(p.Tokens[j-1]) {
			j--
			continue
		}
		// "Ursula von der Leyen": a surname's particles between capitals.
		if j < k && j > first && nameParticle.Has(&p.Tokens[j]) && !p.Capitalized(tj) {
			pj := j - 1
			for pj > first && nameParticle.Has(&p.Tokens[pj]) {
				pj--
			}
			if p.Capitalized(p.Tokens[pj]) && !p.Tokens[pj].Punct {
				j = pj
				continue
			}
		}
		break
	}
	// A capitalised word that opens the sentence is not part of the name
	// ("Though Kaine has described himself…").
	for j+1 < k && leadWords.Has(&p.Tokens[j+1]) {
		j++
	}
	return j + 1
}

// leadWords open a sentence or clause in capitals without being a name.
var leadWords = toSet(lexicons.Words("clause_openers")...)

// nameParticle are the lower-case particles of surnames ("von der").
var nameParticle = toSet(lexicons.Words("name_particles")...)

// sourceAfter takes a capitalised run right after the cue ("said Starmer",
// "according to the Health Ministry").
func sourceAfter(p *analysis.Pass, from, last int, a *analysis.Attribution) {
	k := from
	for k < last && (p.Tokens[k].Norm == "the" || p.Tokens[k].Norm == "to") {
		k++
	}
	s := k
	k = nameEnd(p, k, last) // "said Mr. Manafort", "said Sen. Lindsey Graham"
	afterClause := p.Tokens[from-1].Norm != "to" && from >= 2 && closesClause[p.Tokens[from-2].Norm]
	if afterClause {
		// "…," said Democratic strategist Hank Sheinkopf.": a description,
		// then the name that closes the clause.
		if n, e := describedName(p, s, last); n >= 0 {
			classifyCapitalised(p, n, e, -1, a)
			return
		}
	}
	if k > s {
		// "…, said Starmer." or "said Starmer, adding": the name closes the
		// clause. In "members said Trump had one rule" it opens the content;
		// "…," said Robert Antonacci of the New York delegation' goes on
		// with the name's modifier.
		inverted := p.Tokens[from-1].Norm != "to"
		if inverted && k < last && !p.Tokens[k].Punct && !skippable.Has(&p.Tokens[k]) && !(afterClause && modifierPreposition.Has(&p.Tokens[k])) {
			return
		}
		classifyCapitalised(p, s, k, -1, a)
		return
	}
	// "according to figures compiled by …", "according to the company",
	// "according to federal statistics": the first group noun within a few
	// words.
	for j := s; j < last && j < s+6 && !p.Tokens[j].Punct; j++ {
		if groupNoun(&p.Tokens[j]) {
			// "said the company." closes the clause; in "says an internal
			// review shows" the noun opens the content.
			if p.Tokens[from-1].Norm != "to" && j+1 < last && !p.Tokens[j+1].Punct {
				return
			}
			unnamed(p, a, s, j)
			return
		}
	}
	// "…, said the actor.", "…, says a narrator.": after a cue that
	// follows a comma or a quote, a noun phrase for a person that closes
	// the clause.
	if p.Tokens[from-1].Norm != "to" && from >= 2 && from < last && closesClause[p.Tokens[from-2].Norm] && subjectDeterminer.Has(&p.Tokens[from]) {
		j := from + 1
		for j < last && j < from+7 && !p.Tokens[j].Punct && isLower(p.Tokens[j].Norm) {
			j++
		}
		if j > from+1 && (j == last || p.Tokens[j].Punct) && personNoun(p, j-1) {
			unnamed(p, a, from, j-1)
		}
		return
	}
	// Whatever follows "according to" is its source: "an attendee", "a
	// transcript of the interview", "state corporate records". The
	// phrase runs to its first break (a preposition, a comma).
	if p.Tokens[from-1].Norm == "to" {
		j := s
		for j < last && j < s+5 && !p.Tokens[j].Punct && isLower(p.Tokens[j].Norm) && !phraseBreak.Has(&p.Tokens[j]) {
			j++
		}
		if j > s && !subjectDeterminer.Has(&p.Tokens[j-1]) && !objectPronoun.Has(&p.Tokens[j-1]) {
			unnamed(p, a, s, j-1)
		}
	}
}

// describedName finds, from token s, a person's description and then the
// name that closes the clause ("Democratic strategist Hank Sheinkopf.",
// "Concord resident Whit Symms.", "former Utah governor Michael Leavitt,
// a Romney confidant"): the word before the name names a role or a
// person. It returns the name's tokens [n, e), or -1.
func describedName(p *analysis.Pass, s, last int) (n, e int) {
	e = s
	for e < last && e < s+9 {
		t := &p.Tokens[e]
		if t.Punct && !((t.Norm == "." || t.Norm == "-") && e > s && e+1 < last && p.Capitalized(p.Tokens[e+1])) {
			break
		}
		e++
	}
	if e == s || e < last && !p.Tokens[e].Punct {
		return -1, 0
	}
	n = nameStart(p, e-1, s)
	if n <= s || n >= e || !(roleWords.Has(&p.Tokens[n-1]) && !p.Capitalized(p.Tokens[n-1]) || personNoun(p, n-1)) {
		return -1, 0
	}
	return n, e
}

// phraseBreak are the words that end a noun phrase after "according to";
// objectPronoun there stands for someone named before.
var (
	phraseBreak   = toSet(lexicons.Words("according_to_breaks")...)
	objectPronoun = toSet(lexicons.Words("object_pronouns")...)
)

// classifyCapitalised names a capitalised token run [s, e) a person or an
// organisation. A single capitalised word at the start of a sentence is
// ordinary sentence case, not a name, unless it is a known org word.
func classifyCapitalised(p *analysis.Pass, s, e, sentFirst int, a *analysis.Attribution) {
	toks := p.Tokens[s:e]
	org, place := false, true
	for _, t := range toks {
		org = org || orgWords.Has(&t)
		place = place && (t.Punct || p.Places[t.Norm])
	}
	// A country speaking is its government: "Ukraine, for its part, is
	// insisting", "the United States said".
	org = org || place
	// Strip titles, nationality adjectives and honorifics from the front.
	n := 0
	for n < len(toks)-1 && (roleWords.Has(&toks[n]) || text.LooksLikeDemonym(toks[n].Norm) || toks[n].Punct) {
		n++
	}
	name := toks[n:]
	// "European Commission President Ursula von der Leyen": an office of an
	// organisation before a person's name; the person after the last title
	// speaks (an organisation's word only before the title).
	if org && len(name) > 1 {
		if r := slices.IndexFunc(name[:len(name)-1], func(t text.Token) bool { return roleWords.Has(&t) && !orgWords.Has(&t) }); r >= 0 {
			person := name[r+1:]
			for len(person) > 1 && roleWords.Has(&person[0]) {
				person = person[1:]
			}
			if !slices.ContainsFunc(person, func(t text.Token) bool { return orgWords.Has(&t) || t.Punct }) {
				org, name = false, person
			}
		}
	}
	// A lone capitalised word opening the sentence is usually sentence case
	// ("Officials said"), but a singular word right before the cue is a
	// surname ("Witkoff reported").
	opens := s == sentFirst || dashBefore(p, s) // "LONDON (Reuters) - Officials said"
	if len(toks) == 1 && opens && !org && !strings.HasSuffix(toks[0].Norm, "s") && groupNoun(&toks[0]) && !nameElsewhere(p, s) {
		unnamed(p, a, s, s) // "Poll shows…", "Report says…": a document or a group in sentence case
		return
	}
	if len(toks) == 1 && opens && !org && strings.HasSuffix(toks[0].Norm, "s") && !nameElsewhere(p, s) {
		// Unless it names a group: "Officials said", "Republicans said".
		if groupNoun(&toks[0]) || partyMembers.Has(&toks[0]) {
			unnamed(p, a, s, s)
		}
		return
	}
	a.Source = p.Text[toks[0].Start:toks[len(toks)-1].End]
	a.SourceSpan = core.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
	a.Name = p.Text[name[0].Start:name[len(name)-1].End]
	if org || (len(name) == 1 && roleWords.Has(&name[0])) {
		a.Kind = analysis.SourceNamedOrg
		a.Name = a.Source
		return
	}
	a.Kind = analysis.SourceNamedPerson
}

// unnamed makes tokens first..last a's source: a group or role without a
// name ("European officials", "the Democratic nominee").
func unnamed(p *analysis.Pass, a *analysis.Attribution, first, last int) {
	a.Kind = analysis.SourceUnnamed
	a.SourceSpan = core.Span{Start: p.Tokens[first].Start, End: p.Tokens[last].End}
	a.Source = p.Text[a.SourceSpan.Start:a.SourceSpan.End]
}

// quotedTitle reports a quotation that is a work's name rather than
// words spoken: up to six words, each capitalised or a number but for the
// small words a title leaves lowercase ("True Lies", "Die Hard 2", "The
// Art of the Deal").
func quotedTitle(p *analysis.Pass, q text.Quote) bool {
	words := strings.Fields(strings.TrimRight(p.Text[q.InnerStart:q.InnerEnd], ",.;:!? "))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && (i == 0 || !titleSmallWords[w]) {
			return false
		}
	}
	return true
}

var titleSmallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "and": true,
	"or": true, "to": true, "for": true, "at": true, "by": true, "with": true, "from": true}

// nameElsewhere reports whether the word at token k, which opens its
// sentence and ends in "s" or is a group noun (its callers ask of no
// other), is capitalised somewhere mid-sentence too: then it is a name
// ("Bernie Sanders … Sanders said"), not sentence case ("Officials said").
// Those words capitalised mid-sentence are gathered once per document.
func nameElsewhere(p *analysis.Pass, k int) bool {
	caps := analysis.Memo(p, midCaps, func() *capsSet {
		caps := &capsSet{}
		for j := 1; j < len(p.Tokens); j++ {
			if t := &p.Tokens[j]; !t.Punct && !p.Tokens[j-1].Punct && p.Capitalized(*t) && (strings.HasSuffix(t.Norm, "s") || groupNoun(t)) {
				if t.NormID != 0 {
					caps.ids = append(caps.ids, t.NormID)
				} else {
					caps.other = append(caps.other, t.Norm)
				}
			}
		}
		slices.Sort(caps.ids)
		caps.ids = slices.Compact(caps.ids)
		return caps
	})
	if t := &p.Tokens[k]; t.NormID != 0 {
		_, ok := slices.BinarySearch(caps.ids, t.NormID)
		return ok
	}
	return slices.Contains(caps.other, p.Tokens[k].Norm)
}

// capsSet holds words by their interned ids, sorted (cheaper to build for
// every document than a set of strings), and the rare word the word cache
// gave no id by its text.
type capsSet struct {
	ids   []int32
	other []string
}

// midCaps caches nameElsewhere's words for the document.
var midCaps = analysis.NewResult[*capsSet]("attribution: words capitalised mid-sentence")

// assignSpeakers gives each direct quote the source of the attribution in its
// sentence (or the next one, for a quote that stands alone).
func assignSpeakers(p *analysis.Pass) {
	hasSource := func(j int) bool { a := &p.Attributions[j]; return a.Name != "" || a.Source != "" }
	// The attribution whose content is the quote itself wins wherever it is.
	direct := map[int]int{}
	for j := range p.Attributions {
		if a := &p.Attributions[j]; a.Direct && hasSource(j) {
			if _, seen := direct[a.Content.Start]; !seen {
				direct[a.Content.Start] = j
			}
		}
	}
	// Else the last one in the quote's sentence; for a quote that is (nearly)
	// its whole sentence, the first in the sentence before, else after.
	// Attributions are in sentence order, so only those three are looked at.
	pick := func(si int, last bool) int {
		lo, hi := p.AttributionRange(si)
		best := -1
		for j := lo; j < hi; j++ {
			if hasSource(j) {
				best = j
				if !last {
					break
				}
			}
		}
		return best
	}
	for i := range p.Quotes {
		q := &p.Quotes[i]
		if q.Speaker != "" {
			continue // a transcript's turn, labelled with its speaker
		}
		best, ok := direct[q.InnerStart]
		if !ok {
			best = -1
			if si := p.SentenceAt(q.Start); si >= 0 {
				best = pick(si, true)
				if best < 0 && float64(q.End-q.Start) >= 0.8*float64(p.Sentences[si].End-p.Sentences[si].Start) {
					if best = pick(si-1, false); best < 0 {
						best = pick(si+1, false)
					}
				}
			}
		}
		if best >= 0 {
			a := p.Attributions[best]
			q.Speaker = a.Name
			if q.Speaker == "" && !a.Pronoun {
				q.Speaker = a.Source // an unresolved "he" names no one
			}
			q.SpeakerStart, q.SpeakerEnd, q.Cue = a.SourceSpan.Start, a.SourceSpan.End, a.CueText
		}
	}
}
