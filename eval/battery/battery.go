// Package battery generates the title battery: for every head of state and
// government in the knowledge base and each end of a term, short articles
// dated just before and just after it in every supported date style, using
// the title as a present act, with "former", "then-" and inside a quote,
// each with the verdict the knowledge base implies. It measures the
// factual.title check's recall and false alarms per date style.
package battery

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/internal/kb"
)

// Case is one generated article and what the check should say.
type Case struct {
	Style, Use string // date style; how the title is used
	Doc        *core.Document
	Title      string // the title phrase, e.g. "President Joe Biden"
	Name       string // the name alone, for a title set after it
	Flag       bool   // a finding of Rule is expected on it
	Rule       string // the rule checked: factual.title when empty
}

// heads are the offices recorded in full for everyone the knowledge base
// lists (the ones "never held" may be said of).
var heads = map[string]bool{"President": true, "Prime Minister": true, "Chancellor": true}

// margin is how far from a term's end the articles are dated: well inside
// the two years in which a stale title is flagged, and clear of the day.
const margin = 40 * 24 * time.Hour

// Styles are the ways the generated articles state their date.
var Styles = []string{"metadata", "dateline", "header", "iso header", "numeric day-first", "weekday header"}

// Generate returns the battery for the knowledge base's heads of state and
// government whose term ended before checkedThrough; every nth term when
// every > 1 (a sample for `make test`).
func Generate(k *kb.KB, every int) []Case {
	type boundary struct {
		p   *kb.Person
		o   kb.Office
		end time.Time
	}
	var bs []boundary
	for _, p := range k.People {
		for _, o := range p.Offices {
			if !heads[o.Title] || o.End == nil || !o.End.Before(k.CheckedThrough.Add(-margin)) {
				continue
			}
			end := o.End.Time
			// Clear of another term in the same title on either side (a
			// return to office would make both verdicts right).
			if o.End.Sub(o.Start.Time) < 2*margin || holdsAround(p, o.Title, end) {
				continue
			}
			bs = append(bs, boundary{p, o, end})
		}
	}
	sort.Slice(bs, func(i, j int) bool { return bs[i].p.ID+bs[i].end.String() < bs[j].p.ID+bs[j].end.String() })
	var out []Case
	for i, b := range bs {
		if every > 1 && i%every != 0 {
			continue
		}
		name := b.p.Given[0] + " " + b.p.Surname[0]
		title := b.o.Title + " " + name
		before, after := b.end.Add(-margin), b.end.Add(margin)
		for _, style := range Styles {
			for _, u := range []struct {
				use      string
				sentence string
				at       time.Time
				flag     bool
			}{
				{"present act, in office", title + " said on Tuesday that talks would continue.", before, false},
				{"present act, after the term", title + " said on Tuesday that talks would continue.", after, true},
				{"former, in office", "Former " + title + " said on Tuesday that talks would continue.", before, true},
				{"former, after the term", "Former " + title + " said on Tuesday that talks would continue.", after, false},
				{"then-, after the term", "The plan was drawn up by then-" + title + ", officials said on Tuesday.", after, false},
				{"title after the name, in office", name + ", the former " + strings.ToLower(b.o.Title) + ", said on Tuesday that talks would continue.", before, true},
				{"title after the name, after the term", name + ", the " + strings.ToLower(b.o.Title) + ", said on Tuesday that talks would continue.", after, true},
				{"former after the name, after the term", name + ", the former " + strings.ToLower(b.o.Title) + ", said on Tuesday that talks would continue.", after, false},
				{"title set off before the name, in office", "The " + strings.ToLower(b.o.Title) + ", " + name + ", said on Tuesday that talks would continue.", before, false},
				{"title set off before the name, after the term", "The " + strings.ToLower(b.o.Title) + ", " + name + ", said on Tuesday that talks would continue.", after, true},
				{"inside a quote, after the term", "\u201c" + title + " will decide,\u201d a protester shouted on Tuesday.", after, false},
			} {
				c := Case{Style: style, Use: u.use, Title: title, Name: name, Flag: u.flag, Doc: article(style, u.sentence, u.at)}
				if u.use == "present act, after the term" && b.p.Died != nil && !u.at.Before(b.p.Died.Time) {
					c.Rule = "factual.date" // a term ended by death: the statement is the error ("… died on …")
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// GenerateLife returns the life battery: for everyone the knowledge base
// gives a date of death, "the late …", "…, who died in …" and "… said on
// Tuesday" in articles dated before and after the death (and a year of
// death one off); for everyone it records as living, "the late …". Each
// in every date style, with the factual.date verdict the dates imply.
func GenerateLife(k *kb.KB) []Case {
	var out []Case
	add := func(p *kb.Person, use, sentence, expect string, at time.Time, flag bool) {
		for _, style := range Styles {
			out = append(out, Case{Style: style, Use: use, Title: expect, Name: p.Name(), Flag: flag, Rule: "factual.date", Doc: article(style, sentence, at)})
		}
	}
	for _, p := range k.People {
		name := p.Name()
		switch {
		case p.Died != nil:
			died := p.Died.Time
			before, after := died.Add(-margin), died.Add(margin)
			add(p, "the late, before the death", "The late "+name+" was remembered on Tuesday.", "late "+name, before, true)
			add(p, "the late, after the death", "The late "+name+" was remembered on Tuesday.", "late "+name, after, false)
			add(p, "died in another year", name+", who died in "+fmt.Sprint(died.Year()-1)+", was remembered on Tuesday.", name, died.AddDate(2, 0, 0), true)
			add(p, "died in the year", name+", who died in "+fmt.Sprint(died.Year())+", was remembered on Tuesday.", name, died.AddDate(2, 0, 0), false)
			add(p, "a statement this week, after the death", name+" said on Tuesday that talks would continue.", name+" said", after, true)
			add(p, "a statement this week, before the death", name+" said on Tuesday that talks would continue.", name+" said", before, false)
		case p.Born != nil:
			add(p, "the late, living", "The late "+name+" was remembered on Tuesday.", "late "+name, k.CheckedThrough.Add(-margin), true)
		}
	}
	return out
}

// holdsAround reports a term in the same title within the margin of end.
func holdsAround(p *kb.Person, title string, end time.Time) bool {
	for _, o := range p.Offices {
		if o.Title == title && (o.Holds(end.Add(margin)) || o.Holds(end.Add(-margin)) && o.End != nil && !o.End.Equal(end)) {
			return true
		}
	}
	return false
}

// article writes a short article dated at in the given style.
func article(style, sentence string, at time.Time) *core.Document {
	head := "Leaders meet on trade\n\nBy Staff Reporter\n\n"
	body := sentence + " Officials from both sides attended the meeting, a spokesperson said.\n"
	doc := &core.Document{ID: style, Source: "battery"}
	switch style {
	case "metadata":
		doc.Published = at.Format("2006-01-02")
		doc.Text = head + body
	case "dateline":
		doc.Text = head + "BRUSSELS, " + at.Format("January 2, 2006") + " — " + body
	case "header":
		doc.Text = head + "Published: " + at.Format("2 Jan 2006, 15:04") + " GMT\n\n" + body
	case "iso header":
		doc.Text = head + at.Format("2006-01-02") + "T09:30:00+01:00\n\n" + body
	case "numeric day-first":
		d := at
		if d.Day() <= 12 { // keep it unambiguous: only day-first can read it
			d = d.AddDate(0, 0, 13-d.Day())
		}
		doc.Text = head + "Updated " + d.Format("02/01/2006") + "\n\n" + body
	case "weekday header":
		doc.Text = head + "Last updated: " + at.Format("Monday, January 2, 2006") + "\n\n" + body
	default:
		panic("battery: unknown style " + style)
	}
	return doc
}

// Counts are one style's results.
type Counts struct{ Expected, Found, Quiet, FalseAlarms int }

// Recall is the share of expected findings found.
func (c Counts) Recall() float64 { return ratio(c.Found, c.Expected) }

// FalseAlarmRate is the share of cases that expect none but got one.
func (c Counts) FalseAlarmRate() float64 { return ratio(c.FalseAlarms, c.Quiet) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Run scores every case and counts, per style (and "all"), how often the
// title check said what the knowledge base implies. misses lists the first
// few wrong verdicts.
func Run(eng *engine.Engine, cases []Case) (map[string]*Counts, []string) {
	out := map[string]*Counts{"all": {}}
	var misses []string
	for _, c := range cases {
		res, err := eng.Analyze(c.Doc)
		if err != nil {
			misses = append(misses, c.Style+": "+err.Error())
			continue
		}
		rule := c.Rule
		if rule == "" {
			rule = "factual.title"
		}
		flagged := false
		for _, f := range res.Findings {
			flagged = flagged || f.Rule == rule && (strings.Contains(f.Text, c.Title) || strings.HasPrefix(f.Text, c.Name+", the") || strings.HasSuffix(f.Text, ", "+c.Name))
		}
		for _, key := range []string{"all", c.Style} {
			n := out[key]
			if n == nil {
				n = &Counts{}
				out[key] = n
			}
			switch {
			case c.Flag:
				n.Expected++
				if flagged {
					n.Found++
				}
			default:
				n.Quiet++
				if flagged {
					n.FalseAlarms++
				}
			}
		}
		if flagged != c.Flag && len(misses) < 12 {
			misses = append(misses, fmt.Sprintf("%s, %s: %q on %s (%s) %s", c.Style, c.Use, c.Title, res.RefDate.Value, res.RefDate.Evidence, map[bool]string{true: "flagged", false: "not flagged"}[flagged]))
		}
	}
	return out, misses
}

// Section is the battery's part of the evaluation report: every term end,
// recall and false alarms per date style.
func Section(eng *engine.Engine, k *kb.KB) string {
	cases := Generate(k, 1)
	counts, misses := Run(eng, cases)
	var b strings.Builder
	fmt.Fprintf(&b, "## Title battery\n\nGenerated from the knowledge base (eval/battery): every end of a term of a president, prime minister or chancellor it records in full, %d cases. Each article is dated %d days before or after the term ended, in each date style, with the title as a present act (\"President X said on Tuesday\"), with \"former\", with \"then-\", after the name, set off before it (\"The president, X, said\") and inside a quote; the expected verdict comes from the knowledge base. Targets: recall ≥ 0.95 and false alarms ≤ 0.5%% in every style.\n\n| date style | recall | found / expected | false alarms | flagged / expected none |\n|---|---|---|---|---|\n",
		len(cases), int(margin.Hours()/24))
	for _, style := range append(append([]string{}, Styles...), "all") {
		c := counts[style]
		fmt.Fprintf(&b, "| %s | %.3f | %d / %d | %.4f | %d / %d |\n", style, c.Recall(), c.Found, c.Expected, c.FalseAlarmRate(), c.FalseAlarms, c.Quiet)
	}
	if len(misses) > 0 {
		b.WriteString("\nFirst wrong verdicts: " + strings.Join(misses, "; ") + ".\n")
	}
	life := GenerateLife(k)
	counts, misses = Run(eng, life)
	c := counts["all"]
	fmt.Fprintf(&b, "\nThe life battery (GenerateLife), %d cases in the same date styles: for each of the knowledge base's people with a date of death, \"the late …\", \"…, who died in …\" (the year and one off) and \"… said on Tuesday\", dated %d days before and after the death; for each it records as living, \"the late …\". factual.date recall %.3f (%d / %d), false alarms %.4f (%d / %d).\n",
		len(life), int(margin.Hours()/24), c.Recall(), c.Found, c.Expected, c.FalseAlarmRate(), c.FalseAlarms, c.Quiet)
	if len(misses) > 0 {
		b.WriteString("\nFirst wrong verdicts: " + strings.Join(misses, "; ") + ".\n")
	}
	return b.String()
}
