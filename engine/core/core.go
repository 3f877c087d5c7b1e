// Package core holds the types every part of Credence shares: the ingested
// Document, findings with exact spans, rules, the reference date and the
// reliability profile. It has no logic beyond validating spans, so that the
// ingesters, scorers, profile and reporters can all depend on it.
package core

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Document is one article as read from its input, before analysis.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source"` // path, path:line, or URL
	Title  string `json:"title,omitempty"`
	Byline string `json:"byline,omitempty"`
	// Published is the publication date as given by metadata, if any.
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	// Text is the article text exactly as read; every offset points into it.
	Text string `json:"-"`
	// Mask, when set, has the length of Text and blanks with spaces the bytes that
	// are markup rather than prose (Markdown syntax, say). Scorers read Mask so
	// markup never shifts an offset nor reads as words.
	Mask   string            `json:"-"`
	Format string            `json:"format"`
	Meta   map[string]string `json:"meta,omitempty"`
}

// Prose returns the text scorers analyse: Mask when set, else Text.
func (d *Document) Prose() string {
	if d.Mask != "" {
		return d.Mask
	}
	return d.Text
}

// Severity orders how much a finding should worry a reader.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Dimensions of the reliability profile, in report order.
var Dimensions = []string{"sourcing", "framing", "factual", "transparency", "integrity"}

// Rule describes one check a scorer performs.
type Rule struct {
	ID        string   `json:"id"`   // dimension.kind, e.g. "sourcing.weasel"
	Name      string   `json:"name"` // a reader's name for it: "Vague attribution"
	Dimension string   `json:"dimension"`
	Severity  Severity `json:"severity"`
	// Summary is one line; Doc explains what the rule looks for and why it
	// matters to a reader.
	Summary string `json:"summary"`
	Doc     string `json:"doc"`
	// DocumentLevel rules report start == end == 0.
	DocumentLevel bool `json:"document_level,omitempty"`
}

// Span is a byte range into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finding is one thing a scorer noticed.
type Finding struct {
	Rule       string   `json:"rule"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Severity   Severity `json:"severity"`
	Confidence float64  `json:"confidence"`
	// Message is one line; Explanation says why, for a reader.
	Message     string `json:"message"`
	Explanation string `json:"explanation"`
	// Quoted marks wording that sits inside a direct quote, or in speech
	// reported from a named source: the speaker's, not the outlet's. Quoted
	// findings are reported but do not count against the outlet.
	Quoted bool `json:"quoted,omitempty"`
	// Suppressed holds the reason given by an inline credence-ignore marker:
	// the finding is reported but does not count.
	Suppressed string `json:"suppressed,omitempty"`
	// Evidence holds further spans (document-level findings point here).
	Evidence []Span `json:"evidence,omitempty"`
	// Learned marks a finding of the learned model rather than a lexicon entry.
	Learned bool `json:"learned,omitempty"`
	// Weight is the finding's strength within its rule (lexicon weight); 1 if unset.
	Weight float64 `json:"-"`
}

// Integrity is what the integrity scorer decides about a text beside its
// findings: whether enough article remains to score it.
type Integrity struct {
	// Unscorable, when set, says why the text is not an article (a paywall,
	// an aggregator page, too little prose left after page furniture).
	Unscorable string
}

// FactualChecks is what the factual scorer could not check.
type FactualChecks struct {
	// Unchecked counts the date-dependent checks skipped for want of a
	// reference date.
	Unchecked int
}

// Quantity is a counted quantity in the text ("approximately 30 nations"):
// its span, its words (white space folded) and the noun counted.
type Quantity struct {
	Start, End int
	Phrase     string
	Subject    string
}

// Omitted counts the findings of one rule that a document had past the
// per-rule listing cap: they are not listed (a pathological text could
// otherwise hold millions in memory), but their cost still counts.
type Omitted struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
	// Cost is the sum of weight × confidence of the omitted findings that
	// count against the outlet (not quoted), by severity.
	Cost [3]float64 `json:"-"`
}

// CheckSpan returns an error when [start, end) is not a valid span of text:
// out of range, reversed, or cutting a UTF-8 sequence.
func CheckSpan(text string, start, end int) error {
	if start < 0 || end > len(text) || start > end {
		return fmt.Errorf("span [%d,%d) out of range for text of %d bytes", start, end, len(text))
	}
	if (start < len(text) && !utf8.RuneStart(text[start])) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return fmt.Errorf("span [%d,%d) is not on rune boundaries", start, end)
	}
	return nil
}

// Precision of a reference date.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionNone  = "none"
)

// RefDate is the date an article speaks from, with how it was found.
type RefDate struct {
	Value     string `json:"value"` // 2006-01-02, 2006-01 or 2006; "" when unknown
	Precision string `json:"precision"`
	Method    string `json:"method"` // metadata, dateline, explicit, anniversary, event, override, none
	Evidence  string `json:"evidence,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	// Time is the earliest moment the value allows; Latest the last.
	Time   time.Time `json:"-"`
	Latest time.Time `json:"-"`
}

// Known reports whether the date is known at least to the year.
func (r RefDate) Known() bool { return r.Precision != "" && r.Precision != PrecisionNone }

// Unbounded is the Latest of a date the article is only known not to
// precede: a date its body mentions.
var Unbounded = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// NoEarlier reports whether the article may be any time after Time.
func (r RefDate) NoEarlier() bool { return r.Latest.Equal(Unbounded) }

// Contribution is one finding's effect on the overall score.
type Contribution struct {
	Rule   string  `json:"rule"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Points float64 `json:"points"` // score points lost
}

// Profile is the per-article reliability verdict.
type Profile struct {
	Score float64 `json:"score"` // 0-100, higher is more reliable
	Band  string  `json:"band"`  // high, medium, low, unscorable
	// The two axes media-literacy charts plot. Reliability (0-100, higher
	// is better) is what the sourcing, facts, transparency and integrity of
	// the text earn it, however it is worded; slant (0-100, 0 is neutral)
	// is how one-sided its own voice is: loaded words, opinion, addressing
	// the reader. Score combines both.
	Reliability float64 `json:"reliability"`
	Slant       float64 `json:"slant"`
	// SlantBy names, in plain words, what raised the slant most.
	SlantBy    []string           `json:"slant_by,omitempty"`
	Confidence float64            `json:"confidence"`
	Dimensions map[string]float64 `json:"dimensions"`
	// Reason explains an unscorable band.
	Reason string `json:"reason,omitempty"`
	// FactualUnchecked counts date-dependent checks (titles) skipped because
	// the reference date is unknown: the factual dimension is not vouched for.
	FactualUnchecked int            `json:"factual_unchecked,omitempty"`
	Top              []Contribution `json:"top_findings,omitempty"`
	// Sourcing holds the attribution statistics when a sourcing scorer ran.
	Sourcing *SourcingStats `json:"sourcing,omitempty"`
	// Framing holds per-category densities.
	Framing *FramingStats `json:"framing,omitempty"`
}

// SourcingStats summarises who the article lets speak.
type SourcingStats struct {
	Named            int      `json:"named"`
	Anonymous        int      `json:"anonymous"`
	Weasel           int      `json:"weasel"`
	Hearsay          int      `json:"hearsay"`
	ClaimSentences   int      `json:"claim_sentences"`
	AttributedShare  float64  `json:"attributed_share"`
	DistinctNamed    int      `json:"distinct_named_sources"`
	DirectQuoteShare float64  `json:"direct_quote_share"`
	DirectQuotes     int      `json:"direct_quotes"`
	Quoted           []string `json:"quoted,omitempty"`
	// Relations counts the attributions DirectQuoteShare is a share of.
	Relations int `json:"-"`
}

// FramingStats summarises the outlet's own voice.
type FramingStats struct {
	Densities    map[string]float64 `json:"densities"` // findings per 1,000 words by category
	QuotedLoaded int                `json:"quoted_loaded"`
	MostLoaded   []Span             `json:"most_loaded_sentences,omitempty"`
}

// Result is everything Credence says about one document.
type Result struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title,omitempty"`
	Byline    string `json:"byline,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	// Outlet is the publisher named by the input's "source" field, if any.
	Outlet  string  `json:"outlet,omitempty"`
	RefDate RefDate `json:"reference_date"`
	// Profile is nil for a partial run (some scorers or rules only): the
	// dimensions not checked would read as clean and the score as high.
	Profile  *Profile  `json:"profile,omitempty"`
	Findings []Finding `json:"findings"`
	// Omitted counts findings past the per-rule cap (see Omitted).
	Omitted []Omitted `json:"omitted,omitempty"`
	// Words counts the article's words: page furniture kept out of the
	// scores is not counted.
	Words int `json:"words"`
	// Language is the ISO 639-1 code of a text found not to be English
	// ("fr"); empty for English or a text too short to tell.
	Language string `json:"language,omitempty"`
	// Text is included on request (--include-text) so spans can be checked.
	Text string    `json:"text,omitempty"`
	Doc  *Document `json:"-"`
	// Verdict is set by `credence check`: whether the document passes the
	// editor's thresholds, and why not.
	Verdict *Verdict `json:"verdict,omitempty"`
	// Attributions are the reporting relations found (for evaluation).
	Attributions []Attribution `json:"-"`
	// Quantities are the counted quantities found, which the teaching
	// report compares across outlets.
	Quantities []Quantity `json:"-"`
	// Features are the profile model's inputs, kept for evaluation and fitting.
	Features map[string]float64 `json:"-"`
}

// Verdict is a pass/fail decision on one document with its reasons.
type Verdict struct {
	Pass    bool     `json:"pass"`
	Reasons []string `json:"reasons,omitempty"`
}

// Attribution is one reporting relation: who (Source, of Kind), by which cue.
type Attribution struct {
	Source, Cue, Content Span
	Kind, Name           string
	Direct, Impersonal   bool
}
