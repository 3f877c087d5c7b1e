package integrity

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
	"github.com/credence-news/credence/lexicons"
)

// shippedPatterns are the patterns of lexicons/integrity.yaml.
func shippedPatterns(t *testing.T) []*Pattern {
	t.Helper()
	raw, err := lexicons.FS.ReadFile(lexicons.Integrity)
	if err != nil {
		t.Fatal(err)
	}
	pats, err := ParsePatterns(lexicons.Integrity, raw)
	if err != nil {
		t.Fatal(err)
	}
	return pats
}

func TestPatternExamples(t *testing.T) {
	pats := shippedPatterns(t)
	ps := Compile(pats)
	for i, p := range pats {
		if len(p.Flag) == 0 || len(p.Pass) == 0 {
			t.Errorf("pattern %d (%s) needs flag and pass examples", i+1, p.Re)
		}
		for _, s := range p.Flag {
			if !p.Match(s) {
				t.Errorf("pattern %d (%s) should match %q", i+1, p.Re, s)
			}
		}
		for _, s := range p.Flag {
			if ps.Match(s) == nil {
				t.Errorf("%q (a flag example of pattern %d) is missed by the keyword prefilter", s, i+1)
			}
		}
		for _, s := range p.Pass {
			if q := ps.Match(s); q != nil {
				t.Errorf("%q (a pass example of pattern %d) is matched by pattern %s", s, i+1, q.Re)
			}
		}
	}
}

// TestPaywallWinsOverFurniture: a line that holds a paywall's words and
// a price is the paywall, though the price's pattern comes first in the
// file; a price alone in a sentence is furniture.
func TestPaywallWinsOverFurniture(t *testing.T) {
	ps := Compile(shippedPatterns(t))
	for line, want := range map[string]string{
		"This article is for subscribers only. Already a subscriber? Log in. Subscribe now for $1 a week.": "paywall",
		"Subscribe now from only $2 a week":          "paywall",
		"For just $4/month you can read everything.": "chrome",
		"Share on Facebook Share on Twitter Email":   "chrome",
	} {
		if p := ps.Match(line); p == nil || p.Category != want {
			t.Errorf("%q: matched %v, want a %s pattern", line, p, want)
		}
	}
}

func TestParsePatternsErrors(t *testing.T) {
	head := "name: x\nabout: {purpose: p, selection: s, sources: o}\n"
	for _, c := range []struct{ yaml, want string }{
		{head + "patterns:\n  - {category: nope, re: x}\n", `unknown category "nope"`},
		{head + "patterns:\n  - {category: chrome, re: '('}\n", "missing closing )"},
		{head + "patterns:\n  - {category: chrome, re: x, extra: 1}\n", "field extra not found"},
		{"patterns: []\n", "about needs"},
	} {
		_, err := ParsePatterns("x.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}

// TestTruncated: a last paragraph that stops without punctuation is cut off,
// unless it is a headline (a link to another story at the foot of a page,
// found in PolNeAR's HuffPost pages).
func TestTruncated(t *testing.T) {
	body := "The council approved the budget on Tuesday after a long debate about schools and roads.\n\n"
	cases := []struct {
		last string
		want bool
	}{
		{"The mayor said the plan would be reviewed again next year by the new finance committee and", true},
		{"Critics said the vote was rushed and that residents had too little time to comment...", true},
		{"Critics said the vote was rushed and that residents had too little time to comment [...]", true},
		{"Mike Huckabee Makes Sexist Wife Joke To Bash Fed Chair Janet Yellen", false},
		// A short last line is cut when it ends on a word no sentence ends on.
		{"The mayor said the bridge would", true},
		{"Share this article", false},
		{"Read more from our reporters", false},
		{"The mayor said the plan would be reviewed again next year by the finance committee.", false},
		// A contact line or a timestamp after the last paragraph is not where the text was cut.
		{"Ana Ruiz covers local government for the paper. Follow her on Twitter @ana_ruiz", false},
		{"Lucas Nolan is a reporter covering free speech and online censorship. Email him at lnolan@example.com", false},
		{"First published July 22, 2016: 2:42 PM ET and updated again later in the day", false},
		{"Read the council's full budget papers and the minutes of the meeting at https://example.gov/budget", false},
		// Headlines listed under a heading that ends in a colon (found on a
		// saved Yahoo page); a lone unpunctuated line under one is still cut.
		{"More council news:\n\nThe new bus lanes will open on Monday in the city centre\nReview: the council races at its own speed in ‘Budget 3’\nReview: the budget runs hard and plays it safe in every one of its chapters", false},
		{"More council news:\n\nThe mayor said the plan would be reviewed again next year by the new finance committee and", true},
		{"The mayor said the plan would be reviewed again next year by the new finance\ncommittee and the council's auditors in their report on", true},
	}
	for _, c := range cases {
		// A window of a long document cut before its end (Pass.Cut) stops
		// where the next one goes on: never truncated.
		for _, cut := range []bool{false, true} {
			p := analysis.NewPass(&core.Document{Text: body + c.last}, text.Spans, nil, nil)
			p.Cut = cut
			New(nil).Stage().Run(p)
			got := false
			for _, f := range p.Findings {
				got = got || f.Rule == RuleTruncated.ID
			}
			if got != (c.want && !cut) {
				t.Errorf("%q (window cut %v): truncated = %v, want %v", c.last, cut, got, c.want && !cut)
			}
		}
	}
}

func TestWordCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "   ": 0, "one": 1, " one  two\tthree\r\n": 3, "a b c d e f g h": 8, "Zelensky’s plan": 2} {
		if got := wordCount(s); got != want || got != len(strings.Fields(s)) {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestStylesheetIsOneFinding: consecutive lines of a block pattern (a
// stylesheet) are one finding that costs what its lines would; other
// furniture stays one finding a line.
func TestStylesheetIsOneFinding(t *testing.T) {
	doc := "The council approved the budget on Tuesday after a long debate.\n.bio-text {\nwidth:100px;\nfloat:left;\nmargin-right:15px;\n}\nShare on Facebook\nShare on Twitter\nThe vote was 7 to 2.\n"
	p := analysis.NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
	New(shippedPatterns(t)).Stage().Run(p)
	var got []string
	for _, f := range p.Findings {
		if f.Rule == RuleChrome.ID {
			got = append(got, p.Text[f.Start:f.End])
			if strings.HasPrefix(p.Text[f.Start:f.End], ".bio-text") && f.Weight != 5*furnitureWeight {
				t.Errorf("stylesheet weight %.2f, want 5 lines' worth (%.2f)", f.Weight, 5*furnitureWeight)
			}
		}
	}
	want := []string{".bio-text {\nwidth:100px;\nfloat:left;\nmargin-right:15px;\n}", "Share on Facebook", "Share on Twitter"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chrome findings %q, want %q", got, want)
	}
}

// TestArticleRegion: in a copy of a whole page, the lines around the run of
// prose are found (keeping a few lines of headline, byline and date above
// it); a short text, and an article split by a list, are left whole.
func TestArticleRegion(t *testing.T) {
	para := "The council voted on Tuesday to close the old bridge to lorries for the winter months."
	rep := func(s string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = s
		}
		return out
	}
	join := func(parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		return strings.Join(all, "\n")
	}
	menu := []string{"Home", "News", "Sport", "Weather", "Business", "Opinion", "Culture", "Travel", "Video", "Podcasts", "Newsletters", "Search"}
	top := []string{"Bridge to close to lorries", "By Ana Ruiz", "5 March 2024", "Share"}
	footer := []string{"Related stories", "Council tax to rise", "New bus lanes open", "Most read", "Contact us", "Privacy", "Cookies", "Terms", "© 2024 Example News"}
	for _, c := range []struct {
		name                   string
		doc                    string
		wantFirst, wantLastOff int // wantLastOff: lines left out at the end
	}{
		{"page", join(menu, top, rep(para, 6), footer), len(menu), len(footer)},
		{"short text", join(top, rep(para, 3), footer[:3]), 0, 0},
		{"article split by a list", join(top, rep(para, 5), rep("- an item of the list", 9), rep(para, 5)), 0, 0},
		{"no prose", join(menu, menu), 0, 0},
		// Short paragraphs and an interview's turns are sentences: the article's own.
		{"short paragraphs after the long ones", join(menu, top, rep(para, 6), rep("They know that well.", 9)), len(menu), 0},
		{"a ranking list", join(menu, top, rep(para, 6), rep("4. Ben Carson (3.)", 9)), len(menu), 0},
		// A "Recommended for you" feed: teasers cut off mid-sentence, each
		// above the page's "Save", are not the article's paragraphs.
		{"a feed of teasers", join(menu, top, rep(para, 6), []string{"Contact us"}, rep("Ministers met. The report on the bridge, published on Monday, said the repairs would take", 9), rep("Save", 9)), len(menu), 19},
	} {
		p := analysis.NewPass(&core.Document{Text: c.doc}, text.Spans, nil, nil)
		ls := lines(p.Text)
		first, last := articleRegion(p, ls)
		if first != c.wantFirst || len(ls)-1-last != c.wantLastOff {
			t.Errorf("%s: region %d..%d of %d lines, want %d..%d", c.name, first, last, len(ls), c.wantFirst, len(ls)-1-c.wantLastOff)
		}
	}
}

// TestTeaserUnscorable: a teaser card that links out for the article is not
// an article; an article that ends with such a link still is.
func TestTeaserUnscorable(t *testing.T) {
	body := strings.Repeat("The council voted on Tuesday to close the old bridge to lorries for the winter months. ", 12)
	for _, c := range []struct {
		doc, want string
	}{
		{"Floods force thousands from homes\nHeavy rain has forced thousands of people from their homes, officials said.\nContinue reading at The Example Times\n", "a teaser"},
		{"Bridge to close\n" + body + "\nRead more at example.com\n", ""},
	} {
		p := analysis.NewPass(&core.Document{Text: c.doc}, text.Spans, nil, nil)
		got := New(shippedPatterns(t)).score(p).Unscorable
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%.40q: unscorable %q, want %q", c.doc, got, c.want)
		}
	}
}

// TestLabelRuns: six or more one- and two-word lines in a row (a chart's
// axis labels) are furniture even inside the article; five, or a list of
// longer items, are not.
func TestLabelRuns(t *testing.T) {
	para := "The deficit is soaring now as the economy grows, economists said on Tuesday."
	for _, c := range []struct {
		labels []string
		want   bool
	}{
		{[]string{"$900", "billion", "600", "300", "’17", "’18", "’19"}, true},
		{[]string{"$900", "billion", "600", "300", "’17"}, false},
		{[]string{"Rent up sharply", "Wages barely moving", "Prices still rising", "Savings fall again", "Debt keeps growing", "Hours cut back", "Jobs mostly part-time"}, false},
	} {
		doc := para + "\n" + strings.Join(c.labels, "\n") + "\n" + para + "\n"
		p := analysis.NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
		New(shippedPatterns(t)).Stage().Run(p)
		got := p.IsExcluded(len(para)+1, len(para)+2)
		if got != c.want {
			t.Errorf("%q: kept out %v, want %v", c.labels, got, c.want)
		}
	}
}

// TestRepeatInPageCopy: a sentence shown twice costs as damage in an
// article, and as the page's own repetition in a copy of a whole page.
func TestRepeatInPageCopy(t *testing.T) {
	para := "The council voted on Tuesday to close the old bridge to lorries for the winter months."
	caption := "Lorries queue at the old bridge on Monday, before the council's vote."
	menu := strings.Repeat("Home\nNews\nSport\nWeather\nBusiness\nOpinion\nCulture\nTravel\nVideo\n", 2)
	footer := "Related stories\nCouncil tax to rise\nNew bus lanes open\nMost read\nContact us\nPrivacy\nCookies\nTerms\n© 2024 Example News\n"
	body := caption + "\n" + strings.Repeat(para+"\n", 3) + caption + "\n" + strings.Repeat(para+" More.\n", 3)
	for _, c := range []struct {
		name, doc string
		want      float64
	}{
		{"an article", body, damageWeight},
		{"a page copy", menu + "Bridge to close\nBy Ana Ruiz\n" + body + footer, furnitureWeight},
	} {
		p := analysis.NewPass(&core.Document{Text: c.doc}, text.Spans, nil, nil)
		New(shippedPatterns(t)).Stage().Run(p)
		var got []float64
		for _, f := range p.Findings {
			if f.Rule == RuleDuplicate.ID && strings.HasPrefix(p.Text[f.Start:f.End], "Lorries") {
				got = append(got, f.Weight)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: repeated caption weighs %v, want [%v]", c.name, got, c.want)
		}
	}
}

// TestLinkList: the headline-like lines under a related-stories heading
// inside the article are kept out, up to the next paragraph, which is not.
func TestLinkList(t *testing.T) {
	para := "The council voted on Tuesday to close the old bridge to lorries for the winter months."
	after := "Repairs will start in April and the bridge should reopen to lorries in the autumn."
	links := []string{"Marissa Mayer’s Media Problem at Yahoo Is Now Verizon’s to Solve JULY 26, 2016", "Verizon Is Said to Be Near a Deal to Acquire Yahoo JULY 22, 2016"}
	doc := strings.Join([]string{para, "Related Coverage", links[0], links[1], after}, "\n") + "\n"
	p := analysis.NewPass(&core.Document{Text: doc}, text.Spans, nil, nil)
	New(shippedPatterns(t)).Stage().Run(p)
	for _, l := range links {
		if i := strings.Index(doc, l); !p.IsExcluded(i, i+len(l)) {
			t.Errorf("%q: not kept out", l)
		}
	}
	if i := strings.Index(doc, after); p.IsExcluded(i, i+len(after)) {
		t.Error("the paragraph after the list was kept out")
	}
}
