package attribution

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/lexicon"
)

// cueAt finds the candidate cue whose text starts with word.
func cueAt(t *testing.T, p *analysis.Pass, word string) lexicon.Match {
	t.Helper()
	for _, m := range cueCandidates(p, sortMatches(p)) {
		if strings.HasPrefix(strings.ToLower(p.Text[m.Start:m.End]), word) {
			return m
		}
	}
	t.Fatalf("no candidate cue %q in %q", word, p.Text)
	return lexicon.Match{}
}

// TestCueCandidates: cue words, and verbs that report only after a quote
// or a document.
func TestCueCandidates(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The minister said the plan would work.", "said"},
		{"\u201cWe will win,\u201d she wrote on Monday.", "wrote"},
		{"A poll released Monday found most voters agree.", "found"},
		{"The weather was fine.", ""},
	} {
		p := analysed(t, c.text)
		var got []string
		for _, m := range cueCandidates(p, sortMatches(p)) {
			got = append(got, p.Text[m.Start:m.End])
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("%q: candidates %q, want %q", c.text, got, c.want)
		}
	}
}

// TestRejectCue: what a candidate cue can be instead of a report.
func TestRejectCue(t *testing.T) {
	for _, c := range []struct {
		text, cue string
		want      verdict
	}{
		{"The minister said the plan would work.", "said", isCue},
		{"The ministry is saying the plan works.", "saying", isCue},
		{"It is said that the plan works.", "said", impersonal},
		{"An estimated 300 people came.", "estimated", notACue},
		{"Putin's warning that the war would widen went unheeded.", "warning", notACue},
		{"The firm has privately signaled it will sell.", "signal", notACue},
		{"\u201cOfficials said nothing,\u201d she recalled.", "said", notACue},
	} {
		p := analysed(t, c.text)
		m := cueAt(t, p, c.cue)
		if got := rejectCue(p, m, p.SentenceAt(m.Start), sortMatches(p).private); got != c.want {
			t.Errorf("%q at %q: %v, want %v", c.text, c.cue, got, c.want)
		}
	}
}

// TestFindSource: the source each construction points to.
func TestFindSource(t *testing.T) {
	for _, c := range []struct {
		text, cue, source string // the source as written
		kind              string
		impersonal        bool
	}{
		{"Prime Minister Keir Starmer said the plan would work.", "said", "Prime Minister Keir Starmer", analysis.SourceNamedPerson, false},
		{"The plan would work, said Starmer.", "said", "Starmer", analysis.SourceNamedPerson, false},
		{"Critics argue the plan is weak.", "argue", "Critics argue", analysis.SourceVague, false},
		{"A source familiar with the talks said the deal was close.", "said", "source familiar with", analysis.SourceAnonymous, false},
		{"According to reports, the deal was close.", "according", "", analysis.SourceNone, true},
		{"According to the ministry, the deal was close.", "according", "ministry", analysis.SourceUnnamed, false},
	} {
		p := analysed(t, c.text)
		m := cueAt(t, p, c.cue)
		si := p.SentenceAt(m.Start)
		a := analysis.Attribution{Sentence: si, Kind: analysis.SourceNone}
		findSource(p, m, p.Sentences[si], sortMatches(p), &a)
		if !strings.EqualFold(a.Source, c.source) || a.Kind != c.kind || a.Impersonal != c.impersonal {
			t.Errorf("%q: source %q kind %v impersonal %v, want %q %v %v", c.text, a.Source, a.Kind, a.Impersonal, c.source, c.kind, c.impersonal)
		}
	}
}

// TestResolvePronoun: "he" and "she" are the last person who spoke (or was
// named earlier in the sentence); "they" the group that last spoke.
func TestResolvePronoun(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"Angela Merkel said talks were hard. She said they would go on.", "Angela Merkel"},
		{"Angela Merkel met the press. She said talks would go on.", "Angela Merkel"},
		{"The union called a strike on Monday, officials said. They said it would last a week.", "officials"},
	} {
		p := pass(t, c.text)
		last := p.Attributions[len(p.Attributions)-1]
		if !last.Pronoun || last.Name != c.name {
			t.Errorf("%q: the pronoun is %q (pronoun %v), want %q", c.text, last.Name, last.Pronoun, c.name)
		}
	}
}

// TestContent: the rest of the sentence, or its quote, or a quote just
// before it in the paragraph.
func TestContent(t *testing.T) {
	for _, c := range []struct {
		text, cue, content string
		direct             bool
	}{
		{"The minister said the plan would work.", "said", " the plan would work.", false},
		{"\u201cWe will win,\u201d the minister said.", "said", "We will win,", true},
		{"\u201cWe will win.\u201d The minister said so.", "said", "We will win.", true},
	} {
		p := analysed(t, c.text)
		m := cueAt(t, p, c.cue)
		span, direct := content(p, p.Sentences[p.SentenceAt(m.Start)], m)
		if got := p.Text[span.Start:span.End]; got != c.content || direct != c.direct {
			t.Errorf("%q: content %q direct %v, want %q %v", c.text, got, direct, c.content, c.direct)
		}
	}
}
