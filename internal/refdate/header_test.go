package refdate

import (
	"strings"
	"testing"

	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/analysis"
	"github.com/credence-news/credence/internal/text"
)

// TestHeaderDates: the date styles news pages and pasted articles state
// above their text.
func TestHeaderDates(t *testing.T) {
	for _, c := range []struct {
		header, value, precision string
	}{
		{"By Ana Ruiz | 5 March 2024", "2024-03-05", "day"},
		{"Published: 5 Mar 2024, 14:02 GMT", "2024-03-05", "day"},
		{"Last updated: Tuesday, March 5, 2024", "2024-03-05", "day"},
		{"Posted Mar. 5, 2024 at 2:02 p.m.", "2024-03-05", "day"},
		{"2024-03-05T23:02:00-05:00", "2024-03-05", "day"}, // the day in its own zone
		{"21st January 2024", "2024-01-21", "day"},
		{"Updated 27/11/2023", "2023-11-27", "day"}, // only day first is possible
		{"Publié le 5 mars 2024", "2024-03-05", "day"},
		{"Veröffentlicht am 5. März 2024", "2024-03-05", "day"},
		{"Posted 03/05/2024", "2024", "year"}, // either way, and nothing in the text settles it
		{"Posted 2 hours ago", "", "none"},
		// Publication and revision on one line: the publication.
		{"Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.49 EST", "2019-01-03", "day"},
		{"Published 3 January 2019, updated 16 January 2019", "2019-01-03", "day"},
		// A byline and its date on one line, the way page copies give them.
		{"Sarah Gooding March 9, 2017 13", "2017-03-09", "day"},
		{"Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42", "2017-11-24", "day"},
		{"AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38 )", "2015-04-30", "day"},
		{"21.dez.2018 às 12h55", "2018-12-21", "day"}, // the time as Portuguese and French pages print it
	} {
		doc := &core.Document{Text: "Council approves budget\n\n" + c.header + "\n\nThe council met and approved the budget for next year, officials said.\n"}
		p := analysis.NewPass(doc, nil, &text.StemCache{}, nil)
		Find(p, nil, "")
		if p.RefDate.Value != c.value || p.RefDate.Precision != c.precision || c.value != "" && p.RefDate.Method != "header" {
			t.Errorf("%q: %s %s (%s), want %s %s", c.header, p.RefDate.Value, p.RefDate.Precision, p.RefDate.Method, c.value, c.precision)
		}
	}
}

// TestNumericDateOrder: a date that reads both ways is settled by the
// text's spelling and currency.
func TestNumericDateOrder(t *testing.T) {
	for _, c := range []struct{ body, value string }{
		{"The council's programme will cost £4 million, the centre said.", "2024-05-03"},
		{"The council's program will cost $4 million, the center said.", "2024-03-05"},
	} {
		doc := &core.Document{Text: "Budget\n\nPosted 03/05/2024\n\n" + c.body + "\n"}
		p := analysis.NewPass(doc, nil, &text.StemCache{}, nil)
		Find(p, nil, "")
		if p.RefDate.Value != c.value {
			t.Errorf("%q: %s (%s), want %s", c.body, p.RefDate.Value, p.RefDate.Evidence, c.value)
		}
	}
}

func TestHasWord(t *testing.T) {
	for _, c := range []struct {
		text, w string
		want    bool
	}{
		{"the program ran", "program", true}, {"the programme ran", "program", false}, {"a laboratory", "labor", false},
		{"labor laws", "labor", true}, {"two centres", "centre", true}, {"program", "program", true},
	} {
		if got := hasWord(c.text, c.w); got != c.want {
			t.Errorf("hasWord(%q, %q) = %v", c.text, c.w, got)
		}
	}
}

// TestHeaderEndsWithTheOpening: a bare date below the article's opening
// paragraphs (a related-posts list) is not the article's; a line that says
// it is the date ("Last updated") still is.
func TestHeaderEndsWithTheOpening(t *testing.T) {
	para := "The council met on Tuesday and approved the budget for next year after a long debate, officials said.\n\n"
	for _, c := range []struct{ tail, value, method string }{
		{"Related\n\nCouncil rejects the plan\n\nJul 17, 2014\n", "2014-07-17", "explicit"},
		{"Last updated August 7, 2012\n", "2012-08-07", "header"},
	} {
		doc := &core.Document{Text: "Council approves budget\n\n" + strings.Repeat(para, bodyLines+1) + c.tail}
		p := analysis.NewPass(doc, nil, &text.StemCache{}, nil)
		Find(p, nil, "")
		if p.RefDate.Value != c.value || p.RefDate.Method != c.method {
			t.Errorf("%q: %s (%s), want %s (%s)", c.tail, p.RefDate.Value, p.RefDate.Method, c.value, c.method)
		}
	}
}

// TestBylineDate: a line of a byline and its date, not a short line of
// prose that holds a date.
func TestBylineDate(t *testing.T) {
	p := analysis.NewPass(&core.Document{Text: "x"}, nil, &text.StemCache{}, nil)
	for line, want := range map[string]string{
		"Sarah Gooding March 9, 2017 13":                                "2017-03-09",
		"Henry Gilbert and Ana Ruiz, March 9, 2017":                     "2017-03-09",
		"By March 5, 2025 the fund ends":                                "",
		"By STEVEN DAVIDOFF SOLOMON JULY 29, 2016":                      "2016-07-29",
		"By GILLIAN MOHNEY March 11, 2015 3:46 PM Good Morning America": "2015-03-11",
		"Voters go to the polls on March 5, 2025":                       "",
		"Trump Rally Set For March 5, 2025 Moved":                       "",
	} {
		if r, _ := bylineDate(p, line); r.Value != want {
			t.Errorf("%q: %q, want %q", line, r.Value, want)
		}
	}
}
