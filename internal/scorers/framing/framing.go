// Package framing measures how the outlet's own voice colours a story:
// loaded wording, editorializing, unhedged speculation, and a marked
// difference of tone toward the sides of the story. Wording inside a direct
// quote is the speaker's: it is reported as quoted and never counted.
package framing

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/internal/refdate"
	"github.com/credence-news/credence/internal/spanmodel"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

var (
	RuleLoaded = core.Rule{ID: "framing.loaded", Name: "Loaded wording", Dimension: "framing", Severity: core.Warning,
		Summary: "Emotive, evaluative or pejorative wording in the outlet's own voice.",
		Doc:     "Flags words and phrases that carry the writer's judgement where neutral wording exists: pejorative labels (\"regime\", \"so-called\"), emotive verbs (\"slammed\", \"caved\"), loaded nouns, intensifiers, euphemisms and evaluations stated as description (\"deepening divisions\", \"landmark show of unity\"). Matches on stems, so inflections count; negated and literal uses (\"the storm slammed the coast\") do not. Inside a direct quote the words are the speaker's: they are reported as quoted and do not count against the outlet. In slanted copy, where the lexicon's loaded wording is dense, a model trained on the loaded wording people marked in other news also marks words no entry lists; such a finding says which features carried it."}
	RuleEditorial = core.Rule{ID: "framing.editorial", Name: "Opinion in the news voice", Dimension: "framing", Severity: core.Warning,
		Summary: "A prescription or opinion in the news voice.",
		Doc:     "Flags statements in which the report itself tells actors what they must do or declares what is obvious (\"The situation demands urgent action\", \"it is clear that\", \"X should resign\"), when no named source is credited with the view."}
	RuleSpeculation = core.Rule{ID: "framing.speculation", Name: "Speculation stated as fact", Dimension: "framing", Severity: core.Info,
		Summary: "An unhedged prediction or speculative stakes.",
		Doc:     "Flags predictions stated as certain (\"will significantly impact\") and speculative stakes (\"could define … for decades\", \"could make or break\") that no named source is credited with."}
	RuleAsymmetry = core.Rule{ID: "framing.asymmetry", Name: "One-sided tone", Dimension: "framing", Severity: core.Warning, DocumentLevel: true,
		Summary: "The sides of the story get markedly different treatment.",
		Doc:     "Finds the actors of the story (countries, capitals, governments and their officials), scores the tone of the outlet's wording around each and how each is sourced (named and quoted, or through vague and anonymous sources), and flags a marked imbalance, with the spans that make it."}
)

// Scorer is the framing scorer. Actors maps an actor alias (folded) to the
// side it stands for, e.g. "kyiv" → "Ukraine".
type Scorer struct {
	Actors *Actors
	// Learned marks loaded words the lexicon does not list (nil: none).
	Learned *spanmodel.Model
}

// New returns the framing scorer.
func New(actors *Actors, learned *spanmodel.Model) Scorer {
	return Scorer{Actors: actors, Learned: learned}
}

// learnedLexicon holds the one entry the learned model's spans are
// reported under.
var learnedLexicon = &lexicon.Lexicon{Name: "learned", Categories: map[string]lexicon.Category{
	"learned": {Rule: "framing.loaded", Description: "wording that a model trained on the loaded wording people marked in other news scores as loaded here"},
}}

var learnedEntry = learnedLexicon.Bind(&lexicon.Entry{Phrase: "(learned)", Category: "learned", Weight: 0.8, Polarity: -1})

func (Scorer) Name() string { return "framing" }
func (Scorer) Rules() []core.Rule {
	return []core.Rule{RuleLoaded, RuleEditorial, RuleSpeculation, RuleAsymmetry}
}

// Stage reports loaded, editorial and speculative wording in the outlet's
// voice (outside furniture, and not a source's words) and one-sided tone.
func (s Scorer) Stage() *analysis.Stage {
	return analysis.NewStage("framing", analysis.Framing, []analysis.Key{analysis.Integrity, analysis.Attributions}, s.score)
}

func (s Scorer) score(p *analysis.Pass) *core.FramingStats {
	stats := &core.FramingStats{Densities: map[string]float64{}}
	sentenceWeight := map[int]float64{}
	var own []lexicon.Match
	type spanKey struct {
		rule       string
		start, end int
	}
	reported := map[spanKey]bool{}
	var loaded []listedSpan // the loaded findings listed, to withdraw those inside a longer one
	matches := p.Matches
	learned := s.Learned.Spans(p)
	if len(learned) > 0 {
		matches = slices.Grow(matches[:len(matches):len(matches)], len(learned))
		for _, sp := range learned {
			matches = append(matches, lexicon.Match{Entry: learnedEntry, Lexicon: learnedLexicon, First: sp.First, Last: sp.Last, Start: sp.Start, End: sp.End})
		}
	}
	for mi, m := range matches {
		cat := m.Entry.Category
		var rule core.Rule
		switch m.Rule() {
		case RuleLoaded.ID:
			rule = RuleLoaded
		case RuleEditorial.ID:
			rule = RuleEditorial
		case RuleSpeculation.ID:
			rule = RuleSpeculation
		default:
			continue
		}
		if !p.Wants(rule.ID) {
			continue // a partial run (--only) has no profile for the rule to count in either
		}
		if p.IsExcluded(m.Start, m.End) || reported[spanKey{rule.ID, m.Start, m.End}] {
			continue // one finding per span and rule, whichever entries matched
		}
		reported[spanKey{rule.ID, m.Start, m.End}] = true
		si := p.SentenceAt(m.Start)
		if rule.ID == RuleLoaded.ID && (inName(p, si, m.First, m.Last) || plainSense(p, si, &m) || termOfTheText(p, &m)) {
			continue // "the Revolutionary Guard", "Jeremy Bash", "a massive building", "the so-called Islamic State", chaos in a piece on chaos theory
		}
		q, quoted := p.QuoteAt(m.Start, m.End)
		if quoted && rule.ID != RuleLoaded.ID {
			continue
		}
		if !quoted && rule.ID != RuleLoaded.ID && namedAttribution(p, si) && !sentenceAdverb(p, si, &m) {
			continue // a named source's view, reported as such
		}
		if rule.ID == RuleEditorial.ID && indirectQuestion(p, si, m.First) {
			continue // "Asked whether the campaign should…": the question's, not the outlet's
		}
		f := core.Finding{Rule: rule.ID, Start: m.Start, End: m.End, Severity: rule.Severity, Confidence: 0.8, Weight: m.Entry.Weight}
		word := p.Text[m.Start:m.End]
		desc := m.Lexicon.Categories[cat].Description
		var sp *spanmodel.Span // the learned model's span, for its findings
		if mi >= len(p.Matches) {
			sp = &learned[mi-len(p.Matches)]
			f.Learned, f.Confidence = true, math.Round(sp.P*100)/100
		}
		reporter, indirect, claim := "", false, ""
		if !quoted && rule.ID == RuleLoaded.ID {
			reporter, indirect = reportedSpeech(p, si, m.Start, m.End)
			if !indirect {
				reporter, indirect = characterisation(p, si, m.First)
			}
			if !indirect {
				reporter, indirect = viewpoint(p, si, m.First)
			}
			if !indirect {
				reporter, indirect = labelledTurn(p, m.Start)
			}
			if !indirect {
				claim = claimClause(p, si, m.First)
			}
			if !indirect && claim == "" && askedQuestion(p, si, m.First) {
				claim = "question" // "asked people whether Black Lives Matter is a racist group"
			}
		}
		switch {
		case quoted:
			f.Quoted, f.Severity = true, core.Info
			speaker := q.Speaker
			if speaker == "" {
				speaker = "the quoted speaker"
			}
			// Concatenation, not Sprintf: this runs for every loaded word.
			f.Message = "Loaded wording inside a quote (" + possessive(speaker) + " words, not the outlet's): " + strconv.Quote(word) + "."
			f.Explanation = strconv.Quote(word) + " is " + desc + ", but it sits inside a direct quote, so it is reported as the speaker's wording and does not count against the outlet."
			stats.QuotedLoaded++
		case indirect:
			f.Quoted, f.Severity = true, core.Info
			f.Message = "Loaded wording in reported speech (" + possessive(reporter) + " account, not the outlet's words): " + strconv.Quote(word) + "."
			f.Explanation = strconv.Quote(word) + " is " + desc + ", but it is part of what " + reporter + " is reported to have said, so it is shown as the source's characterisation and does not count against the outlet."
			stats.QuotedLoaded++
		case claim != "":
			f.Quoted, f.Severity = true, core.Info
			f.Message = "Loaded wording in a claim the article reports (the " + claim + " that…), not the outlet's own words: " + strconv.Quote(word) + "."
			f.Explanation = strconv.Quote(word) + " is " + desc + ", but it is part of the " + claim + " the article reports, so it is shown as that claim's wording and does not count against the outlet."
			stats.QuotedLoaded++
		default:
			f.Message, f.Explanation = describe(rule, word, desc)
			if sp != nil {
				carried := ""
				if len(sp.Why) > 0 {
					carried = " (carried most by " + strings.Join(sp.Why, "; ") + ")"
				}
				f.Explanation = strconv.Quote(word) + " is " + desc + carried + ", in the outlet's own voice; no lexicon entry lists it, so read it as a model's suggestion."
			}
			stats.Densities[cat] += 1
			if si >= 0 {
				sentenceWeight[si] += m.Entry.Weight
			}
			own = append(own, m)
		}
		n := len(p.Findings)
		p.Report(f)
		if rule.ID == RuleLoaded.ID && len(p.Findings) > n {
			loaded = append(loaded, listedSpan{n, f.Start, f.End})
		}
	}
	p.Withdraw(inside(loaded))
	if p.Wants(RuleEditorial.ID) {
		for _, f := range rhetoricalQuestions(p) {
			p.Report(f)
			stats.Densities["editorial"]++
		}
	}
	words := math.Max(float64(p.ArticleWords()), 1)
	for c, n := range stats.Densities {
		stats.Densities[c] = math.Round(n/words*1000*10) / 10
	}
	stats.MostLoaded = mostLoaded(p, sentenceWeight)
	if s.Actors != nil && p.Wants(RuleAsymmetry.ID) {
		s.asymmetry(p, own)
	}
	return stats
}

// sentenceAdverb reports a match that opens its sentence and ends with a
// comma ("Predictably, the company blamed the regulator."): the writer's
// comment on what the sentence reports, even when a named source speaks in
// it.
func sentenceAdverb(p *analysis.Pass, si int, m *lexicon.Match) bool {
	if si < 0 || p.Tokens[m.Last-1].Norm != "," {
		return false
	}
	first := p.Sentences[si].First
	return m.First == first || m.First > first && (p.Tokens[m.First-1].Norm == "—" || p.Tokens[m.First-1].Norm == "–")
}

// listedSpan is a finding's index in the pass's findings and its span.
type listedSpan struct{ index, start, end int }

// inside returns the indexes of the findings whose span lies inside
// another's ("relentlessly" inside "relentlessly attacked", "bashing"
// inside "immigrant-bashing"): the longer phrase is the wording, and a
// reader should not see its word flagged twice.
func inside(spans []listedSpan) []int {
	if len(spans) < 2 {
		return nil
	}
	slices.SortFunc(spans, func(a, b listedSpan) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	var out []int
	maxEnd := -1
	for _, sp := range spans {
		if sp.end <= maxEnd {
			out = append(out, sp.index)
		}
		maxEnd = max(maxEnd, sp.end)
	}
	return out
}

func describe(r core.Rule, word, desc string) (string, string) {
	switch r.ID {
	case RuleEditorial.ID:
		return fmt.Sprintf("Opinion in the news voice: %q.", word),
			fmt.Sprintf("%q is %s: the report itself, not a named source, tells the reader what should happen or what is obvious.", word, desc)
	case RuleSpeculation.ID:
		return fmt.Sprintf("Unhedged speculation: %q.", word),
			fmt.Sprintf("%q is %s, stated without a source or a hedge, so a guess reads like a finding.", word, desc)
	}
	return "Loaded wording: " + strconv.Quote(word) + ".",
		strconv.Quote(word) + " is " + desc + " in the outlet's own voice; neutral wording would let the reader judge."
}

// rhetoricalQuestions are the questions the outlet puts to its reader in
// its own voice, presuming their answer ("Why is that even relevant?",
// "How can the report not be finalised when the body was cremated weeks
// ago?"): a report answers questions or says who asks them; asking one
// that presumes its answer steers the reader to doubt or to a conclusion.
// An open question ("Will it last?", "What changed?") is the analyst's
// and is left alone (rhetoricalMarker), as is a question in the headline
// (the first line), a one-line subheading, one in a quote, beside an
// attribution ("Why, he asked, …"), set out after a colon ("The question
// is: …") or on a line of a transcript or interview.
func rhetoricalQuestions(p *analysis.Pass) []core.Finding {
	var out []core.Finding
	firstLine := strings.IndexByte(p.Text, '\n')
	if firstLine < 0 {
		return nil // a text of one line is all headline
	}
	var dateline core.Span // read at the first question reported
	datelineRead, hasDateline := false, false
	for si, sent := range p.Sentences {
		if sent.Last-sent.First < 3 || p.Tokens[sent.Last-1].Norm != "?" || sent.Start < firstLine || !rhetoricalMarker(p, sent) {
			continue
		}
		if p.IsExcluded(sent.Start, sent.End) || len(p.AttributionsIn(si)) > 0 || presented(p, sent) || questionBefore(p, si, sent.Last, true) {
			continue
		}
		if _, q := p.QuoteAt(p.Tokens[sent.First].Start, p.Tokens[sent.First].End); q {
			continue
		}
		if _, q := p.QuoteAt(p.Tokens[sent.Last-1].Start, p.Tokens[sent.Last-1].End); q {
			continue
		}
		if heading(p, sent) || transcriptLine(p, sent.Start) {
			continue
		}
		if !datelineRead {
			dateline, hasDateline = refdate.DatelineSpan(p.Text)
			datelineRead = true
		}
		start := sent.Start
		if hasDateline && dateline.End > start && dateline.End < sent.End {
			// "LONDON, March 3 — Are they for real?": the question, not its dateline.
			start = sent.End - len(strings.TrimLeft(p.Text[dateline.End:sent.End], " -—–"))
		}
		r := RuleEditorial
		out = append(out, core.Finding{Rule: r.ID, Start: start, End: sent.End, Severity: r.Severity, Confidence: 0.6, Weight: 1,
			Message:     "A rhetorical question in the news voice: " + strconv.Quote(text.Clip(p.Text[start:sent.End], 80)) + ".",
			Explanation: "The outlet asks the reader a question in its own voice instead of reporting an answer or who asks it; a question put this way steers the reader to doubt or to a conclusion, which is opinion rather than report."})
	}
	return out
}

// rhetoricalMarker reports the words that make a question rhetorical
// rather than the analyst's open one ("Will it last?"): a negation that
// presumes the answer ("How does this not warrant…?", "Doesn't the
// government…?", "isn't it?") or an intensifier of incredulity ("Why is
// that even relevant?", "Are they for real?", "Will it ever stop?").
func rhetoricalMarker(p *analysis.Pass, sent text.Sentence) bool {
	for k := sent.First; k < sent.Last; k++ {
		if rhetoricalWords.Has(&p.Tokens[k]) || negatedContraction(p, k) {
			return true
		}
	}
	return false
}

var rhetoricalWords = text.NewWordSet(lexicons.Words("rhetorical_question_markers")...)

// negatedContraction reports the "t" of "doesn't", "won’t", "isn't" at
// token k: the tokenizer splits them as "doesn", "'", "t".
func negatedContraction(p *analysis.Pass, k int) bool {
	return k >= 2 && p.Tokens[k].Norm == "t" && p.Tokens[k-1].Norm == "'" && strings.HasSuffix(p.Tokens[k-2].Norm, "n") &&
		p.Tokens[k-2].End == p.Tokens[k-1].Start && p.Tokens[k-1].End == p.Tokens[k].Start
}

// presented reports a question the text sets out as such: after a colon
// ("The question is: will the council act?") or a dash that opens it.
func presented(p *analysis.Pass, sent text.Sentence) bool {
	if sent.First > 0 && p.Tokens[sent.First-1].Norm == ":" {
		return true
	}
	for k := sent.First; k < sent.Last; k++ {
		if p.Tokens[k].Norm == ":" {
			return true
		}
	}
	return false
}

// heading reports a question that is a line of its own of at most eight
// words: a subheading of an explainer ("What happens next?").
func heading(p *analysis.Pass, sent text.Sentence) bool {
	if sent.Last-sent.First > 9 {
		return false
	}
	lineStart, ok := lineStartBefore(p.Text, sent.Start)
	lineEnd := strings.IndexByte(p.Text[sent.End:min(len(p.Text), sent.End+maxTurn)], '\n')
	if !ok || lineEnd < 0 && sent.End+maxTurn < len(p.Text) {
		return false // a line longer than a heading's
	}
	if lineEnd < 0 {
		lineEnd = len(p.Text) - sent.End
	}
	return strings.TrimSpace(p.Text[lineStart:sent.Start]) == "" && strings.TrimSpace(p.Text[sent.End:sent.End+lineEnd]) == ""
}

// transcriptLine reports a line of a transcript or interview: the text has
// speaker-labelled turns, or the line opens with "Q:" or "Q.".
func transcriptLine(p *analysis.Pass, at int) bool {
	if _, ok := labelledTurn(p, at); ok {
		return true
	}
	lineStart, ok := lineStartBefore(p.Text, at)
	line := p.Text[lineStart:min(len(p.Text), lineStart+3)]
	return ok && (strings.HasPrefix(line, "Q:") || strings.HasPrefix(line, "Q.") || strings.HasPrefix(line, "Q "))
}

// lineStartBefore returns where the line holding byte at starts, looking
// back at most maxTurn bytes (ok false beyond: a text on one long line is
// not read back to its start for each of its sentences).
func lineStartBefore(s string, at int) (int, bool) {
	from := max(0, at-maxTurn)
	nl := strings.LastIndexByte(s[from:at], '\n')
	if nl < 0 && from > 0 {
		return 0, false
	}
	return from + nl + 1, true
}

// indirectQuestion reports an editorial phrase inside a reported question:
// "whether" or "if" after "asked" earlier in the sentence, or "whether"
// just before ("Asked whether the campaign should take responsibility").
func indirectQuestion(p *analysis.Pass, si, at int) bool {
	return questionBefore(p, si, at, false)
}

// askedQuestion reports a loaded word inside a question someone is said to
// have asked ("asked people whether Black Lives Matter is a racist group"):
// the asker's wording. Without an asker, "whether" leaves the word the
// outlet's ("whether the reckless plan passes").
func askedQuestion(p *analysis.Pass, si, at int) bool {
	return questionBefore(p, si, at, true)
}

func questionBefore(p *analysis.Pass, si, at int, needAsker bool) bool {
	if si < 0 {
		return false
	}
	asked := false
	for k := p.Sentences[si].First; k < at; k++ {
		switch p.Tokens[k].Norm {
		case "asked", "asking", "wondered", "question":
			asked = true
		case "whether":
			if asked || !needAsker {
				return true
			}
		case "if":
			if asked {
				return true
			}
		}
	}
	return false
}

// inName reports a loaded word that is part of the name of an institution:
// capitalised in running text, in a run of capitalised words that ends in
// a word like Guard, Act or International ("the Revolutionary Guard",
// "Amnesty International", "the Foreign Corrupt Practices Act"). A
// capitalised epithet before a person's name ("Crooked Hillary") stays
// loaded, and a headline in title case, where every word is capitalised,
// is left alone.
func inName(p *analysis.Pass, si, first, last int) bool {
	if si < 0 || first == p.Sentences[si].First || !p.Capitalized(p.Tokens[first]) {
		return false
	}
	end := last
	for end < p.Sentences[si].Last && !p.Tokens[end].Punct && p.Capitalized(p.Tokens[end]) {
		end++
	}
	return institutionWord.Has(&p.Tokens[end-1]) && !p.TitleCase(first)
}

var institutionWord = text.NewWordSet(lexicons.Words("institution_heads")...)

var (
	characterisationVerb   = text.NewWordSet(lexicons.Words("characterisation_verbs")...)
	characterisationAsVerb = text.NewWordSet(lexicons.Words("characterisation_as_verbs")...)
	disparagingAsVerb      = text.NewWordSet(lexicons.Words("disparaging_as_verbs")...)
	accusationWord         = text.NewWordSet(lexicons.Words("accusation_words")...)
	verbalAttack           = text.NewWordSet(lexicons.Words("verbal_attack_words")...)
	sizeAdjective          = text.NewWordSet(lexicons.Words("size_adjectives")...)
	vagueAgent             = text.NewWordSet(lexicons.Words("vague_agents")...)
	predicativeFollower    = text.NewWordSet(lexicons.Words("predicative_followers")...)
	soCalledTarget         = text.NewWordSet(lexicons.Words("so_called_targets")...)
	passiveAux             = text.NewWordSet(lexicons.Words("passive_auxiliaries")...)
)

// labelledBySpeaker reports a line's colon label that is a person the
// text quotes elsewhere, by name or surname ("Joe Scarborough: …" or
// "Graham: …" over an article in which Lindsey Graham says something).
// Words the text never gives as a speaker are a label ("Wow:", "Fact
// Check:", "North Korea:").
func labelledBySpeaker(p *analysis.Pass, a *analysis.Attribution) bool {
	if a.Kind != analysis.SourceNamedPerson || a.Name == "" {
		return false
	}
	for _, b := range p.Attributions {
		if b.Kind == analysis.SourceNamedPerson && b.CueText != ":" && (b.Name == a.Name || strings.HasSuffix(b.Name, " "+a.Name) || strings.HasSuffix(a.Name, " "+b.Name)) {
			return true
		}
	}
	return false
}

// characterisation reports a loaded word that is someone's naming of a
// thing rather than the outlet's: after "called" or "branded" in its
// clause ("O'Malley calling Trump a fascist"), after "as" following
// "portrayed", "seen" or "dismissed" ("what many Democrats view as
// dishonest"), or after "of" following "accused" or "allegations". It looks back at most
// twelve words (an object can be long: "portrayed her use of the private
// email system as a reckless danger"), or maxObject when an "as" anchors
// the naming ("perceived some of Twitter's efforts to clamp down on
// terrorist-related posts as toothless"), and stops at a clause break. "Called for" and "called on"
// are requests, not names. As with reported speech, a characterisation by
// a vague or anonymous source ("what many Democrats view as dishonest")
// stays the outlet's. So is the target of a verbal attack, named after
// "on", "against" or "of" ("railed against government handouts", "a
// critique of her cozy relationship"): the attacker's name for it.
func characterisation(p *analysis.Pass, si, first int) (string, bool) {
	if si < 0 {
		return "", false
	}
	for _, a := range p.AttributionsIn(si) {
		if (a.Kind == analysis.SourceVague || a.Kind == analysis.SourceAnonymous) && !a.Hearsay() {
			// "what critics call a cash grab": a word no one checkable said
			// is the outlet's, as in reportedSpeech. "…, according to people
			// close to the campaign" only says where the account came from.
			return "", false
		}
	}
	as, of := false, false
	for k := first - 1; k >= p.Sentences[si].First && k >= first-maxObject; k-- {
		t := &p.Tokens[k]
		if k < first-12 && !as {
			break // past twelve words only "VERB … as" still names
		}
		if t.Punct {
			if t.Norm == ";" || t.Norm == ":" || t.Norm == "(" || t.Norm == ")" {
				return "", false
			}
			continue
		}
		switch {
		case as && disparagingAsVerb.Has(t):
			return "the characterisers", true // "reviled in the West as a despot", "has been demonized as a beast"
		case (characterisationVerb.Has(t) || characterisationAsVerb.Has(t)) && !strings.HasSuffix(t.Norm, "ing") && k > p.Sentences[si].First &&
			(passiveAux.Has(&p.Tokens[k-1]) || p.Tokens[k-1].Norm == "," && strings.HasSuffix(t.Norm, "ed") && complementFollows(p, k, first)):
			// After a comma, a participle is passive only with its complement
			// right after it ("the deal, hailed as historic"); with an object
			// first it is the verb of a subject an appositive interrupted
			// ("The report, published on Monday, called the programme a
			// fiasco").
			if namedAgent(p, si, first) {
				return "the speaker", true // "has been called a charlatan by fellow physicians"
			}
			return "", false // "is seen as", "has been called", "the deal, hailed as": no one's naming but the outlet's
		case (t.Norm == "on" || t.Norm == "against" || t.Norm == "of") && attackTarget(p, k, first):
			return "the critic", true // "sharp attacks on Washington elites", "railed against government handouts"
		case t.Norm == "as":
			as = true
		case t.Norm == "of":
			of = true
		case characterisationVerb.Has(t):
			if nx := p.Tokens[k+1].Norm; nx == "for" || nx == "on" || nx == "off" || nx == "up" || nx == "in" {
				return "", false
			}
			if text.PossessiveAt(p.Tokens, k+1) || k > p.Sentences[si].First && determiners.Has(&p.Tokens[k-1]) && p.Tokens[k-1].Norm != "that" {
				continue // a noun: "the brand's advert", "a call from" ("letters that called him" is the verb)
			}
			if k >= 2 && p.Tokens[k-1].Norm == "-" && p.Tokens[k-2].Norm == "so" {
				continue // "so-called" is not a speaker's naming
			}
			return "the speaker", true
		case as && characterisationAsVerb.Has(t), of && accusationWord.Has(t):
			return "the speaker", true
		}
	}
	return "", false
}

// maxObject is how far back, in tokens, a verb that names "as" is looked
// for past its object.
const maxObject = 24

// attackTarget reports a loaded word at token first inside the target of a
// verbal attack whose preposition is token k ("attacks on Washington
// elites"): the attack word right before it, and at most three words of a
// noun phrase between (a verb ends the target: "the attack on the embassy
// was a disgraceful failure" is the outlet's verdict).
func attackTarget(p *analysis.Pass, k, first int) bool {
	if k == 0 || first-k > 4 || !verbalAttack.Has(&p.Tokens[k-1]) {
		return false
	}
	for j := k + 1; j < first; j++ {
		if t := &p.Tokens[j]; t.Punct && t.Norm != "-" || clauseVerb[t.Norm] {
			return false
		}
	}
	return true
}

// complementFollows reports whether only "as" and an article stand
// between the participle at token k and the loaded word at first ("hailed
// as a landmark deal", "called a fiasco"): no object of its own.
func complementFollows(p *analysis.Pass, k, first int) bool {
	for j := k + 1; j < first; j++ {
		if n := p.Tokens[j].Norm; n != "as" && n != "a" && n != "an" && n != "the" {
			return false
		}
	}
	return true
}

// namedAgent reports a passive naming's agent after the loaded word at
// token first, within its clause: "called a charlatan by fellow
// physicians". A vague agent ("by critics", "by many") leaves the word the
// outlet's, as in reportedSpeech.
func namedAgent(p *analysis.Pass, si, first int) bool {
	last := p.Sentences[si].Last
	for k := first + 1; k < last && k <= first+6; k++ {
		t := &p.Tokens[k]
		if t.Punct && t.Norm != "-" && !text.IsApostrophe(t) && t.Norm != "\"" && t.Norm != "“" && t.Norm != "”" {
			return false
		}
		if t.Norm == "by" {
			return k+1 < last && !p.Tokens[k+1].Punct && !vagueAgent.Has(&p.Tokens[k+1]) && !p.VagueWording(k+1, min(k+4, last))
		}
	}
	return false
}

// claimClause reports a loaded word in the "that" clause of a noun for
// something someone said or believes: "Obama repeated his contention that
// … will only serve as a propaganda tool", "the assertions that Republicans
// were in disarray", "criticism from fellow Democrats that the president
// has caved". The article reports the claim; the wording is the claim's.
// The noun is returned, or "". As with reported speech, the claim of a
// vague or anonymous source ("critics' claims that") stays the outlet's.
func claimClause(p *analysis.Pass, si, first int) string {
	if si < 0 {
		return ""
	}
	lo := p.Sentences[si].First
	for k := first - 1; k > lo; k-- {
		t := &p.Tokens[k]
		if t.Punct && (t.Norm == ";" || t.Norm == ":" || t.Norm == "(" || t.Norm == ")") {
			return ""
		}
		if t.Norm != "that" {
			continue
		}
		if between := p.Text[t.End:p.Tokens[first].Start]; turnBetween(between) || inAside(between) {
			return ""
		}
		// The noun, up to five words before "that" with no break between.
		for j := k - 1; j >= lo && j >= k-5 && !p.Tokens[j].Punct; j-- {
			if claimNoun.Has(&p.Tokens[j]) {
				if p.VagueWording(max(lo, j-4), k) {
					return ""
				}
				return p.Text[p.Tokens[j].Start:p.Tokens[j].End]
			}
		}
	}
	return ""
}

var claimNoun = text.NewWordSet(lexicons.Words("claim_nouns")...)

// plainSense reports a loaded-word match used in its plain sense or as a
// name: a size adjective before the noun it measures ("a massive concrete
// building") unless that noun is loaded too; "so-called" before anything
// but a claim of legitimacy ("the so-called Islamic State", "so-called
// carried interest"), where it introduces a name or a term; a capitalised
// word after a capitalised word mid-sentence ("Jeremy Bash", "Grand
// Slam"); praise described with its speaker ("Obama hailed the
// ruling"; see AgentSpeaks); and a label after "anti-".
func plainSense(p *analysis.Pass, si int, m *lexicon.Match) bool {
	if si < 0 || m.Last >= p.Sentences[si].Last {
		return false
	}
	t, next := &p.Tokens[m.First], &p.Tokens[m.Last]
	switch {
	case m.Entry.AgentSpeaks:
		return identifiedSubject(p, si, m.First)
	case m.Last-m.First == 1 && sizeAdjective.Has(t) && (figureAt(p, si, m.Last) || next.Norm == ":" && figureAt(p, si, m.Last+1)):
		return true // the size stated with its figure: "a massive $916 million loss", "her edge was massive: 69 percent"
	case m.Last-m.First == 1 && sizeAdjective.Has(t) && !next.Punct && !predicativeFollower.Has(next):
		return !loadedAt(p, m.Last)
	case strings.EqualFold(p.Text[m.Start:m.End], "so-called"):
		// A sneer only at a claim of legitimacy ("the so-called reform");
		// before anything else it introduces a name or a term.
		for k := m.Last; k < m.Last+2 && k < p.Sentences[si].Last && !p.Tokens[k].Punct; k++ {
			if soCalledTarget.Has(&p.Tokens[k]) {
				return false
			}
		}
		return true
	case m.First > p.Sentences[si].First+1 && p.Capitalized(*t) && p.Capitalized(p.Tokens[m.First-1]) && !p.Tokens[m.First-1].Punct:
		return !p.TitleCase(m.First)
	case m.First == p.Sentences[si].First+1 && p.Capitalized(*t) && p.Capitalized(p.Tokens[m.First-1]) && !p.Tokens[m.First-1].Punct && !sentenceOpener.Has(&p.Tokens[m.First-1]):
		// The second word of a sentence after a capitalised first word
		// that is no function word is a name's ("Richard Petty's
		// sentiments"); after "The" it is not ("The Corrupt …").
		return !p.TitleCase(m.First)
	case m.First > p.Sentences[si].First+2 && p.Capitalized(*t) && nameJoiner[p.Tokens[m.First-1].Norm] && p.Capitalized(p.Tokens[m.First-2]) &&
		!p.Tokens[m.First-2].Punct && p.Capitalized(*next) && !next.Punct:
		return !p.TitleCase(m.First) // "the National Center for Disaster Preparedness": a name across its "for"
	case m.First >= 2 && p.Tokens[m.First-1].Norm == "-" && p.Tokens[m.First-1].End == t.Start && p.Tokens[m.First-2].Norm == "anti":
		return true // "anti-fascist demonstrators", "anti-racist groups": a movement's name, against the label
	case m.Last-m.First == 1 && literalNoun.Has(t) && nounAfter(p, si, m.First):
		return true // "a manager's gut instinct", "the blasts that began in Austin": the noun, not the verb
	case m.Last-m.First == 1 && measuredCutVerb.Has(t):
		return measuredCut(p, si, m.First)
	}
	return false
}

// figureAt reports a figure at token k of sentence si: a currency sign or
// a number.
func figureAt(p *analysis.Pass, si, k int) bool {
	if k >= p.Sentences[si].Last {
		return false
	}
	n := p.Tokens[k].Norm
	return n == "$" || n == "£" || n == "€" || n != "" && n[0] >= '0' && n[0] <= '9'
}

// nounAfter reports a determiner or a possessive right before token k
// ("the", "their", "a manager's", "voters’", "its own"), which makes the
// word there a noun. "That" and "this" are left out: they are also the
// subject or the relative pronoun before a verb ("a law that guts the
// programme").
func nounAfter(p *analysis.Pass, si, k int) bool {
	if k-1 > p.Sentences[si].First && p.Tokens[k-1].Norm == "own" {
		k--
	}
	if k-1 < p.Sentences[si].First {
		return false
	}
	prev := &p.Tokens[k-1]
	if prev.Norm == "s" && text.PossessiveAt(p.Tokens, k-2) {
		return true
	}
	if text.IsApostrophe(prev) && k-2 >= p.Sentences[si].First && p.Tokens[k-2].End == prev.Start && strings.HasSuffix(p.Tokens[k-2].Norm, "s") {
		return true // a plural's possessive: "voters’ guts"
	}
	return determiners.Has(prev) && prev.Norm != "that" && prev.Norm != "this"
}

// nameJoiner are the lowercase words inside an institution's name.
var nameJoiner = map[string]bool{"for": true, "of": true, "on": true, "against": true}

// measuredCut reports a verb of cutting at token k beside what business
// and budget news measures ("HP would slash 30,000 jobs", "the IMF slashes
// its forecast", "the deficit has been slashed"): the trade's stock verb
// for a large cut. A number, or a word of measured_cut_objects, within four
// words either side in the sentence.
func measuredCut(p *analysis.Pass, si, k int) bool {
	sent := p.Sentences[si]
	for j := max(sent.First, k-4); j < min(sent.Last, k+5); j++ {
		if t := &p.Tokens[j]; j != k && (measuredCutObject.Has(t) || t.Norm != "" && t.Norm[0] >= '0' && t.Norm[0] <= '9') {
			return true
		}
	}
	return false
}

var (
	measuredCutVerb   = text.NewWordSet(lexicons.Words("measured_cut_verbs")...)
	literalNoun       = text.NewWordSet(lexicons.Words("literal_verb_nouns")...)
	sentenceOpener    = text.NewWordSet(lexicons.Words("sentence_openers")...)
	measuredCutObject = text.NewWordSet(lexicons.Words("measured_cut_objects")...)
)

// termOfTheText reports a loaded noun that the text uses as a term
// elsewhere: one occurrence right beside a word of its entry's unless_near
// ("chaos theory") sets the sense for the whole text, one
// sense per discourse, so "chaos" alone in an article on chaos theory is
// the term too. Loaded nouns only: a verb keeps a sense per use ("the storm
// slammed the coast; the mayor slammed FEMA"), and so does a label ("regime
// change" says nothing of "the Assad regime" in the same article: judged
// true findings on BASIL and PolNeAR were lost when labels were included).
func termOfTheText(p *analysis.Pass, m *lexicon.Match) bool {
	if m.Last-m.First != 1 || len(m.Entry.UnlessNear) == 0 || p.Tokens[m.First].NormID == 0 || m.Entry.Category != "loaded_noun" {
		return false
	}
	terms := analysis.Memo(p, textTerms, func() map[termKey]bool { return map[termKey]bool{} })
	key := termKey{m.Entry, p.Tokens[m.First].NormID}
	if used, ok := terms[key]; ok {
		return used
	}
	used := false
	for k := range p.Tokens {
		if p.Tokens[k].NormID == key.id && m.Entry.TermBeside(p.Tokens, k) {
			used = true
			break
		}
	}
	terms[key] = used
	return used
}

type termKey struct {
	entry *lexicon.Entry
	id    int32
}

// textTerms caches, per document, whether a loaded noun is a term of it.
var textTerms = analysis.NewResult[map[termKey]bool]("framing: loaded nouns the text uses as terms")

// identifiedSubject reports whether the verb at token k has a subject
// before it ("Obama has often hailed", "a Times article hailed", "the
// Treasury secretary also lauded", "critics lauded the film": its
// reception, described): not a passive ("was hailed"), a participle after
// a comma ("the deal, hailed as"), or a source the weasel lexicon calls
// vague.
func identifiedSubject(p *analysis.Pass, si, k int) bool {
	first := p.Sentences[si].First
	j := k - 1
	if j < first || passiveAux.Has(&p.Tokens[j]) {
		return false
	}
	for j >= first && betweenSubjectAndVerb.Has(&p.Tokens[j]) && !passiveAux.Has(&p.Tokens[j]) {
		j--
	}
	if j > first && p.Tokens[j].Norm == "," {
		return namedBeforeAppositive(p, first, j)
	}
	if j < first || p.Tokens[j].Punct || determiners.Has(&p.Tokens[j]) {
		return false
	}
	return !p.VagueWording(max(first, j-3), j+1)
}

// namedBeforeAppositive reports a full name before the appositive that the
// comma at token j closes: "Jonathan Cowan, president of Third Way,
// hailed". A single capitalised word ("Signed in May, the deal, hailed
// as") is not taken for a name.
func namedBeforeAppositive(p *analysis.Pass, first, j int) bool {
	for i := j - 1; i > first && i > j-16; i-- {
		if p.Tokens[i].Norm != "," {
			continue
		}
		name := 0
		for n := i - 1; n >= first && !p.Tokens[n].Punct && p.Capitalized(p.Tokens[n]); n-- {
			name++
		}
		return name >= 2
	}
	return false
}

var (
	betweenSubjectAndVerb = text.NewWordSet(lexicons.Words("between_source_and_cue")...)
	determiners           = text.NewWordSet(lexicons.Words("determiners")...)
)

// loadedAt reports whether a framing.loaded match starts at token k (the
// matches are in text order).
func loadedAt(p *analysis.Pass, k int) bool {
	for i := sort.Search(len(p.Matches), func(i int) bool { return p.Matches[i].First >= k }); i < len(p.Matches) && p.Matches[i].First == k; i++ {
		if p.Matches[i].Rule() == RuleLoaded.ID {
			return true
		}
	}
	return false
}

// reportedSpeech reports whether [start, end) lies in what an identified
// source is said to have said in sentence si: after the cue ("Clinton said
// Trump ran a divisive campaign") or before a cue that closes the sentence
// ("It was a disaster, the mayor said."). The source's name is returned.
// A direct quote is handled by the caller; a vague or anonymous source's
// "report" is not a speaker to hand the words to.
func reportedSpeech(p *analysis.Pass, si, start, end int) (string, bool) {
	if si < 0 {
		return "", false
	}
	sent := p.Sentences[si]
	// The attributions before the words, nearest first: the nearest that
	// introduces them is the speaker, and trying it first spares the rest
	// (a sentence of a hundred "said"s and as many loaded words was read a
	// hundred times a word).
	type speaker struct {
		name, cue string
		to        int
	}
	var earlier []speaker
	for _, a := range p.AttributionsIn(si) {
		if a.CueText == ":" && start >= a.Content.Start && end <= a.Content.End && labelledBySpeaker(p, &a) {
			// A line labelled with its speaker: a headline's "Joe
			// Scarborough: Trump Playing Dumb …".
			return a.Name, true
		}
		cue := strings.ToLower(firstWord(a.CueText))
		if findingCue[cue] && !strings.HasPrefix(strings.TrimLeft(p.Text[a.Cue.End:min(len(p.Text), a.Cue.End+6)], " "), "that") {
			continue // "the report found that …" is its finding; "found an astonishing 73 percent" is the writer's
		}
		// An unresolved "he" or "they" is still someone the outlet reports.
		if a.Impersonal || !speechVerb[cue] && !findingCue[cue] ||
			a.Kind != analysis.SourceNamedPerson && a.Kind != analysis.SourceNamedOrg && a.Kind != analysis.SourceUnnamed && !a.Pronoun {
			continue
		}
		from, to := a.Cue.Start, a.Cue.End
		inverted := false // "…, said Starmer": the words come before
		if a.SourceSpan.End > a.SourceSpan.Start {
			// "According to Lopez, the plan is …" names its source after
			// the cue too, but its words follow both.
			inverted = a.SourceSpan.Start >= a.Cue.End && !a.Hearsay()
			from, to = min(from, a.SourceSpan.Start), max(to, a.SourceSpan.End)
		}
		name := a.Name
		if name == "" {
			name = a.Source
		}
		if a.Pronoun || !strings.ContainsFunc(name, unicode.IsLetter) {
			name = "the speaker" // a resolved "he" or "she" may name the wrong person
		}
		if start >= to && !inverted {
			earlier = append(earlier, speaker{name, cue, to})
			continue
		}
		// Before an attribution that closes the sentence after a comma or a
		// quote ("It was a disaster, the mayor said on Monday."), or is set
		// between commas inside it ("Trump is so reckless, the vice
		// president said, that …"): the first such, in text order, wins.
		if end > from {
			continue
		}
		before := strings.TrimRight(p.Text[sent.Start:from], " ")
		if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "”") && !strings.HasSuffix(before, "\"") {
			continue
		}
		after := p.Text[to:sent.End]
		if c := strings.IndexByte(after, ','); c >= 0 && strings.HasSuffix(before, ",") {
			after = after[:c]
		}
		if fieldsAtMost(after, 3) {
			return name, true
		}
	}
	// After the attribution (the nearest one), not as the first word of
	// its object ("Trump says racist things" is the writer's description;
	// what someone alleges is their charge), and up to a turn to another
	// voice ("…, but for Republicans it is a cover-up"); a promise or a
	// plea, up to its first comma.
	slices.SortStableFunc(earlier, func(x, y speaker) int { return y.to - x.to })
	for _, sp := range earlier {
		between := p.Text[sp.to:start]
		if (allegationVerb[sp.cue] || !objectOfCue(p, sp.to, end)) && !turnBetween(between) && !inAside(between) &&
			!(promiseVerb[sp.cue] && strings.ContainsAny(between, ",;")) {
			return sp.name, true
		}
	}
	return "", false
}

// hasWord reports whether w is one of the words of s.
func hasWord(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == w {
			return true
		}
	}
	return false
}

// fieldsAtMost reports whether s has at most n words.
func fieldsAtMost(s string, n int) bool {
	for range strings.FieldsSeq(s) {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// viewpoint reports a loaded word in a sentence set in a named person's
// view: "For Jonathan Chait, Williamson is exposing the perverse logic…",
// "To Senator Ana Ruiz, the levy is a disaster", "To Florida consultant
// Wilson, …", "In Mr. Allen's view, …". What follows the comma is that
// person's view. A full name, or a role and a name, is required ("For
// Democrats, the loss was devastating" describes their loss).
func viewpoint(p *analysis.Pass, si, first int) (string, bool) {
	if si < 0 {
		return "", false
	}
	sent := p.Sentences[si]
	k := sent.First
	if k+3 >= sent.Last {
		return "", false
	}
	opener := p.Tokens[k].Norm
	if opener != "for" && opener != "to" && opener != "in" {
		return "", false
	}
	for j := k + 1; j < sent.Last && j <= k+8; j++ {
		if p.Tokens[j].Norm != "," {
			continue
		}
		if first < j {
			return "", false
		}
		end := j
		if opener == "in" { // "In Mr. Allen's view,"
			if p.Tokens[j-1].Norm != "view" || j-3 <= k || !text.IsApostrophe(&p.Tokens[j-3]) {
				return "", false
			}
			end = j - 3
		}
		caps, lower := 0, 0
		for i := k + 1; i < end; i++ {
			t := &p.Tokens[i]
			switch {
			case !t.Punct && p.Capitalized(*t):
				caps++
			case t.Norm == "." || t.Norm == "the":
			case !t.Punct:
				lower++ // a role before the name: "To Florida consultant Wilson,"
			default:
				return "", false
			}
		}
		if caps < 2 || lower > 0 && !p.Capitalized(p.Tokens[end-1]) {
			return "", false // "To many conservatives,", "For the Obama administration,": a group
		}
		return p.Text[p.Tokens[k+1].Start:p.Tokens[end-1].End], true
	}
	return "", false
}

// labelledTurn reports a loaded word in a line that opens with a speaker's
// label, as a transcript prints a turn ("GORKA: No, not at all. … a
// revolutionary moment"): the attribution stage finds the label on the
// line's first sentence, and every sentence of the line is that speaker's.
// A transcript has turns: one labelled line alone is a headline's or a
// section's ("LOOK: Shocking photos…", "Open Borders Chaos: …"). A turn is
// looked for within maxTurn bytes, so a text on one long line is not read
// back to its start for every loaded word.
func labelledTurn(p *analysis.Pass, at int) (string, bool) {
	if !analysis.Memo(p, transcriptTurns, func() bool { return transcript(p) }) {
		return "", false
	}
	lineStart, ok := lineStartBefore(p.Text, at)
	if !ok {
		return "", false
	}
	si := p.SentenceAt(lineStart)
	if si < 0 {
		return "", false
	}
	for _, a := range p.AttributionsIn(si) {
		if a.CueText == ":" && a.Cue.Start >= lineStart && a.Cue.End <= at {
			if a.Name != "" {
				return a.Name, true
			}
			return a.Source, true
		}
	}
	return "", false
}

// maxTurn bounds a transcript turn's length, in bytes.
const maxTurn = 4000

// transcriptTurns caches, per document, whether it is a transcript.
var transcriptTurns = analysis.NewResult[bool]("framing: the text is a transcript")

// transcript reports a text with two or more lines labelled by a speaker.
func transcript(p *analysis.Pass) bool {
	turns := 0
	for i := range p.Attributions {
		if p.Attributions[i].CueText == ":" {
			if turns++; turns == 2 {
				return true
			}
		}
	}
	return false
}

// objectOfCue reports a loaded word that opens the object of the cue rather
// than a clause: "Trump says racist things" describes what he says, while
// "Trump says political correctness has run amok" reports it. The word
// right after the cue is reported only when a verb follows it closely;
// "believes in" and "thinks of" are not speech.
func objectOfCue(p *analysis.Pass, cueEnd, end int) bool {
	// The first three words after the cue, and the words between it and
	// the loaded ones read only as far as needed: the cue may be far back.
	var after [3]string
	n := 0
	for w := range strings.FieldsSeq(p.Text[cueEnd:min(len(p.Text), end+40)]) {
		if after[n], n = w, n+1; n == len(after) {
			break
		}
	}
	if n == 0 {
		return true
	}
	between := p.Text[cueEnd:end]
	switch strings.ToLower(after[0]) {
	case "in", "of", "about":
		// "believes in", "thinks of": the object; but "stating in an
		// interview that …" reports the clause, and what someone warns of
		// is their prediction ("warned of chaos if the vote failed").
		before := strings.Fields(p.Text[max(0, cueEnd-24):cueEnd])
		return !hasWord(between, "that") && !(len(before) > 0 && strings.HasPrefix(strings.ToLower(before[len(before)-1]), "warn"))
	}
	if !fieldsAtMost(between, 1) {
		return false
	}
	for _, w := range after[1:n] {
		if clauseVerb[strings.ToLower(strings.Trim(w, ",.;:"))] {
			return false
		}
	}
	return true
}

var (
	clauseVerb     = lexicons.Set("clause_verbs")
	allegationVerb = lexicons.Set("allegation_verbs")
)

// turnBetween reports a clause that hands the sentence to another voice.
// "but not" and "but also" join two words of one clause ("supporting but
// not endorsing"), not two voices, and "while" before a participle opens a
// time clause ("while serving as secretary").
func turnBetween(s string) bool {
	for _, t := range []string{", but ", "; ", " but ", " while ", " whereas ", " although "} {
		for rest := s; ; {
			i := strings.Index(rest, t)
			if i < 0 {
				break
			}
			rest = rest[i+len(t):]
			if t == " while " && strings.HasSuffix(firstWord(rest), "ing") {
				continue // "her use of email while serving as secretary was…": a time clause inside the reported one
			}
			if (t == ", but " || t == " but ") && correlative(s[:len(s)-len(rest)]) {
				continue // "not just a failure, but a catastrophe": one claim, raised
			}
			if t != " but " || !strings.HasPrefix(rest, "not ") && !strings.HasPrefix(rest, "also ") {
				return true
			}
		}
	}
	return false
}

// correlative reports a "but" that closes "not just …", "not only …" or
// "not merely …" within the few words before it: the second half of one
// statement, not a turn to another voice.
func correlative(before string) bool {
	words := strings.Fields(before)
	for i := max(0, len(words)-8); i+1 < len(words)-1; i++ {
		if words[i] == "not" && (words[i+1] == "just" || words[i+1] == "only" || words[i+1] == "merely" || words[i+1] == "simply") {
			return true
		}
	}
	return false
}

// inAside reports a word in an aside the writer opened between commas
// inside reported words and has not closed: "he claimed that his budget
// plan, which slashes antipoverty programs, was inspired by…" (the
// relative clause is the outlet's description, not the speaker's).
func inAside(between string) bool {
	i := max(strings.LastIndex(between, ", which "), strings.LastIndex(between, ", who "))
	return i >= 0 && !strings.Contains(between[i+2:], ",")
}

// speechVerb are the cues that report what someone said or thought, as
// opposed to what they did ("announced a truly game-changing battery" is
// the writer's description of the product).
var speechVerb = lexicons.ReportingCueSet("speech")

// findingCue are the verbs by which a report, an inquiry or a study states
// its finding: what follows "found that" is the finding's wording.
var findingCue = map[string]bool{"found": true, "finds": true, "concluded": true, "concludes": true}

// promiseVerb reports a promise or a plea: what was promised or asked for
// runs to the first comma; a clause after it is the writer's.
var promiseVerb = lexicons.ReportingCueSet("promise")

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// namedAttribution reports whether sentence si credits a named or affiliated source.
func namedAttribution(p *analysis.Pass, si int) bool {
	for _, a := range p.AttributionsIn(si) {
		if a.Kind == analysis.SourceNamedPerson || a.Kind == analysis.SourceNamedOrg || a.Kind == analysis.SourceUnnamed {
			return true
		}
	}
	return false
}

func mostLoaded(p *analysis.Pass, w map[int]float64) []core.Span {
	idx := make([]int, 0, len(w))
	for si := range w {
		idx = append(idx, si)
	}
	sort.Slice(idx, func(i, j int) bool {
		if w[idx[i]] != w[idx[j]] {
			return w[idx[i]] > w[idx[j]]
		}
		return idx[i] < idx[j]
	})
	var out []core.Span
	for _, si := range idx[:min(3, len(idx))] {
		out = append(out, core.Span{Start: p.Sentences[si].Start, End: p.Sentences[si].End})
	}
	return out
}

// side accumulates how one actor is treated.
type side struct {
	name      string
	mentions  int
	tone      float64
	voice     float64 // named sources of this side
	evidence  []core.Span
	positives []core.Span
}

// asymmetry compares the treatment of the two most-mentioned sides.
func (s Scorer) asymmetry(p *analysis.Pass, own []lexicon.Match) {
	sides := map[string]*side{}
	get := func(n string) *side {
		if sides[n] == nil {
			sides[n] = &side{name: n}
		}
		return sides[n]
	}
	// Mentions per sentence, with their positions.
	type mention struct {
		side string
		pos  int
	}
	perSentence := map[int][]mention{} // by sentence: few sentences name a side
	var sc lexicon.Scratch
	var found []lexicon.Match
	for si, sent := range p.Sentences {
		if p.Stopped() {
			break
		}
		if p.IsExcluded(sent.Start, sent.End) {
			continue
		}
		found = s.Actors.m.AppendMatches(found[:0], p.Tokens[sent.First:sent.Last], &sc)
		for _, m := range found {
			side := m.Entry.Category // the actors' categories are their sides
			tok := p.Tokens[sent.First+m.First]
			start := tok.Start
			// Names are capitalised: "may" the verb is not Theresa May.
			if !p.Capitalized(tok) {
				continue
			}
			if _, q := p.QuoteAt(start, start+1); q {
				continue
			}
			perSentence[si] = append(perSentence[si], mention{side, start})
			get(side).mentions++
		}
	}
	nearest := func(si, pos int) string {
		best, dist := "", math.MaxInt
		for _, m := range perSentence[si] {
			d := m.pos - pos
			if d < 0 {
				d = -d
			}
			if d < dist {
				best, dist = m.side, d
			}
		}
		return best
	}
	for _, m := range own {
		si := p.SentenceAt(m.Start)
		if si < 0 || m.Entry.Polarity == 0 {
			continue
		}
		if n := nearest(si, m.Start); n != "" {
			sd := get(n)
			sd.tone += float64(m.Entry.Polarity) * m.Entry.Weight
			if m.Entry.Polarity < 0 {
				sd.evidence = append(sd.evidence, core.Span{Start: m.Start, End: m.End})
			} else {
				sd.positives = append(sd.positives, core.Span{Start: m.Start, End: m.End})
			}
		}
	}
	// Vague and anonymous sources about a side count against its treatment;
	// a named source from a side gives it a voice.
	for _, a := range p.Attributions {
		switch a.Kind {
		case analysis.SourceVague, analysis.SourceAnonymous:
			for _, n := range distinctSides(perSentence[a.Sentence], func(m mention) string { return m.side }) {
				sd := get(n)
				sd.tone -= 0.75
				sd.evidence = append(sd.evidence, a.SourceSpan)
			}
		case analysis.SourceNamedPerson, analysis.SourceNamedOrg:
			if n := s.Actors.SideOf(a.Source); n != "" {
				sd := get(n)
				sd.voice++
				sd.positives = append(sd.positives, a.SourceSpan)
			}
		}
	}
	var ranked []*side
	for _, sd := range sides {
		if sd.mentions >= 2 {
			ranked = append(ranked, sd)
		}
	}
	if len(ranked) < 2 {
		return
	}
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].mentions != ranked[j].mentions {
			return ranked[i].mentions > ranked[j].mentions
		}
		return ranked[i].name < ranked[j].name
	})
	a, b := ranked[0], ranked[1]
	// Both sides must be what the story is about: a US campaign story that
	// mentions Mexico twice is not a story about the two countries.
	if b.mentions < 3 || 4*b.mentions < a.mentions {
		return
	}
	score := func(sd *side) float64 { return sd.tone + 0.5*math.Min(sd.voice, 3) }
	if score(a) > score(b) {
		a, b = b, a // a is the worse-treated side
	}
	gap := score(b) - score(a)
	if a.tone > -2.5 || gap < 3 {
		return
	}
	ev := append(append([]core.Span{}, a.evidence...), b.positives...)
	sort.Slice(ev, func(i, j int) bool { return ev[i].Start < ev[j].Start })
	ev = dedupeSpans(ev)
	p.Report(core.Finding{Rule: RuleAsymmetry.ID, Severity: RuleAsymmetry.Severity, Confidence: math.Min(0.95, 0.5+gap/12), Weight: math.Min(2, gap/3),
		Evidence: ev,
		Message: fmt.Sprintf("Document level: %s is described with more negative words and unnamed or vague sources than %s: %d passages against %d.",
			a.name, b.name, len(a.evidence), len(b.evidence)),
		Explanation: fmt.Sprintf("In the outlet's own voice, %d passages about %s use negative wording or rest on unnamed or vague sources, against %d about %s; %s",
			len(a.evidence), a.name, len(b.evidence), b.name, voices(b))})
}

// voices says how many named sources speak for a side, in words.
func voices(sd *side) string {
	switch n := int(sd.voice); n {
	case 0:
		return "no named source speaks for " + sd.name + ". The highlighted passages show where the tone differs."
	case 1:
		return "one named source speaks for " + sd.name + ". The highlighted passages show where the tone differs."
	default:
		return strconv.Itoa(n) + " named sources speak for " + sd.name + ". The highlighted passages show where the tone differs."
	}
}

func distinctSides[T any](ms []T, side func(T) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if n := side(m); !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func dedupeSpans(s []core.Span) []core.Span {
	var out []core.Span
	for _, x := range s {
		if len(out) > 0 && out[len(out)-1] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// Actors finds mentions of the sides of a story: countries by name,
// demonym, capital and seat of government, and their office holders.
type Actors struct {
	m     *lexicon.Matcher
	sides map[string]string // folded single-word alias → side
}

// NewActors builds an actor finder from alias → side ("kremlin" → "Russia").
func NewActors(stems *text.StemCache, aliases map[string]string) *Actors {
	lx := &lexicon.Lexicon{Name: "actors", Categories: map[string]lexicon.Category{}}
	single := map[string]string{}
	for alias, side := range aliases {
		lx.Categories[side] = lexicon.Category{}
		lx.Entries = append(lx.Entries, &lexicon.Entry{Phrase: alias, Category: side, Exact: true, Weight: 1})
		if !strings.Contains(alias, " ") {
			single[text.Fold(alias)] = side
		}
	}
	sort.Slice(lx.Entries, func(i, j int) bool { return lx.Entries[i].Phrase < lx.Entries[j].Phrase })
	return &Actors{m: lexicon.Compile(stems, lx), sides: single}
}

// SideOf returns the side a source phrase belongs to, from its words.
func (a *Actors) SideOf(source string) string {
	sep := func(r rune) bool { return r == ' ' || r == '\'' || r == ',' || r == '.' }
	for w := range strings.FieldsFuncSeq(text.Fold(source), sep) {
		if s, ok := a.sides[w]; ok {
			return s
		}
	}
	return ""
}

// possessive writes "Reid's", "the officials'" (a plural noun takes the
// apostrophe alone; a name ending in s keeps 's: "Giles's").
func possessive(name string) string {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	if strings.HasSuffix(last, "s") && last != "" && unicode.IsLower(rune(last[0])) {
		return name + "'"
	}
	return name + "'s"
}
