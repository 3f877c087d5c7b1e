// Package kb is Credence's dated knowledge base: people with their accepted
// and known-wrong name forms and the offices they held, countries with the
// words that stand for them, and dated events news anchors on. Lookups take
// a date, so a fact can be checked against the article's own reference date.
package kb

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/credence-news/credence/internal/text"
)

// Date is a calendar day in a YAML file (2006-01-02).
type Date struct{ time.Time }

func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse("2006-01-02", n.Value)
	if err != nil {
		return fmt.Errorf("line %d: bad date %q (want YYYY-MM-DD)", n.Line, n.Value)
	}
	d.Time = t
	return nil
}

// Office is one term in one office.
type Office struct {
	Title string `yaml:"title"` // "President", "Prime Minister", "Foreign Minister"
	Of    string `yaml:"of"`    // country or organisation
	Start Date   `yaml:"start"`
	End   *Date  `yaml:"end"` // nil while in office
	Line  int    `yaml:"-"`
}

// Holds reports whether the term covers day t.
func (o Office) Holds(t time.Time) bool {
	return !t.Before(o.Start.Time) && (o.End == nil || t.Before(o.End.Time))
}

// Honorific is a title of address such as "Sir", held from a date.
type Honorific struct {
	Title string `yaml:"title"`
	Start Date   `yaml:"start"`
}

// Person is one public figure.
type Person struct {
	ID string `yaml:"id"`
	// Given and Surname list every accepted spelling and transliteration.
	Given   []string `yaml:"given"`
	Surname []string `yaml:"surname"`
	// WrongGiven are given names known to be used by mistake ("Vladimir" for
	// Volodymyr Zelensky).
	WrongGiven []string `yaml:"wrong_given"`
	// Born is the date of birth, for the age an article gives (nil when
	// not recorded: only for living people, whose age keeps counting).
	Born *Date `yaml:"born"`
	// Died is the date of death. With Born it tells who was alive on a
	// day (KnownAlive); a person with neither is of unknown state.
	Died       *Date       `yaml:"died"`
	Country    string      `yaml:"country"`
	Offices    []Office    `yaml:"offices"`
	Honorifics []Honorific `yaml:"honorifics"`
	Source     string      `yaml:"source"`
	Line       int         `yaml:"-"`
}

// AgeOn is the person's age in whole years on day t (ok false when the
// date of birth is not recorded).
func (p *Person) AgeOn(t time.Time) (age int, ok bool) {
	if p.Born == nil {
		return 0, false
	}
	b := p.Born.Time
	age = t.Year() - b.Year()
	if t.Month() < b.Month() || t.Month() == b.Month() && t.Day() < b.Day() {
		age--
	}
	return age, true
}

// KnownAlive reports whether the knowledge base records the person as
// living on day t: born and not dead by then. A living person's entry
// carries a date of birth and none of death (living on the day the facts
// were last checked, KB.CheckedThrough); an entry with neither says
// nothing either way.
func (p *Person) KnownAlive(t time.Time) bool {
	if p.Died != nil {
		return t.Before(p.Died.Time) && (p.Born == nil || !t.Before(p.Born.Time))
	}
	return p.Born != nil && !t.Before(p.Born.Time)
}

// Name returns the canonical name.
func (p *Person) Name() string { return p.Given[0] + " " + p.Surname[0] }

// Country is a state and the words that stand for it in news copy.
type Country struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"` // demonyms, capital, seat of government
}

// Event is a dated event.
type Event struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	Date Date   `yaml:"date"`
	// Phrases that refer to the event; all words of one of them must appear.
	Phrases []string `yaml:"phrases"`
	// Loose phrases ("the war") refer to the event only in a text that
	// contains one of the Context words ("Ukraine"). They date a text that
	// has no other date, but in a text dated before the event they mean
	// something else: "the war in Ukraine" in 2019 is the war in Donbas.
	Loose   []string `yaml:"loose"`
	Context []string `yaml:"context"`
	// Anniversary is set for events whose anniversaries and durations date a
	// text ("the war enters its fourth year").
	Anniversary bool `yaml:"anniversary"`
	// Landmark is set for events texts refer to for decades (an attack, a
	// disaster): a mention says nothing of when a text was written, so it
	// never dates one; it is only checked against the text's date.
	Landmark bool `yaml:"landmark"`
	// Place is where it happened, when it happened somewhere.
	Place  string `yaml:"place"`
	Source string `yaml:"source"`
	// Flag sentences describe the event as past: in a text dated before the
	// event, each must raise factual.date. Pass sentences must not (the
	// event announced, or something else with similar words). make test
	// runs both (engine TestEventExamples).
	Flag []string `yaml:"flag"`
	Pass []string `yaml:"pass"`
}

type about struct {
	Purpose   string `yaml:"purpose"`
	Selection string `yaml:"selection"`
	Sources   string `yaml:"sources"`
	Adding    string `yaml:"adding"`
	// CheckedThrough is the last day the file's facts were checked: who held
	// which office after it is not known.
	CheckedThrough *Date `yaml:"checked_through"`
}

type file struct {
	About     about     `yaml:"about"`
	People    []Person  `yaml:"people"`
	Countries []Country `yaml:"countries"`
	Events    []Event   `yaml:"events"`
}

// KB is the loaded knowledge base.
type KB struct {
	// CheckedThrough is the earliest checked_through of the loaded files
	// (zero when none says): after it, an office may have changed hands
	// without the knowledge base knowing.
	CheckedThrough time.Time
	People         []*Person
	Countries      []Country
	Events         []Event
	bySurname      map[string][]*Person // folded surname → people
}

// PlaceWords returns the folded words of every country's name and aliases.
func (k *KB) PlaceWords() map[string]bool {
	places := map[string]bool{}
	for _, c := range k.Countries {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			for _, w := range strings.Fields(text.Fold(name)) {
				places[w] = true
			}
		}
	}
	return places
}

// Load reads the named files from fsys.
func Load(fsys fs.FS, names ...string) (*KB, error) {
	k := &KB{bySurname: map[string][]*Person{}}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", n, err)
		}
		if err := k.add(n, data); err != nil {
			return nil, err
		}
	}
	return k, k.Validate()
}

func (k *KB) add(name string, data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	var f file
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if f.About.Purpose == "" || f.About.Selection == "" || f.About.Sources == "" || f.About.Adding == "" {
		return fmt.Errorf("%s: about needs purpose, selection, sources and adding", name)
	}
	// Line numbers for validation messages.
	lines := entryLines(&root, "people")
	for i := range f.People {
		p := f.People[i]
		if i < len(lines) {
			p.Line = lines[i]
		}
		p.Source = name + ":" + fmt.Sprint(p.Line) + " " + p.Source
		k.People = append(k.People, &p)
	}
	k.Countries = append(k.Countries, f.Countries...)
	k.Events = append(k.Events, f.Events...)
	if c := f.About.CheckedThrough; c != nil && (k.CheckedThrough.IsZero() || c.Before(k.CheckedThrough)) {
		k.CheckedThrough = c.Time
	}
	return nil
}

func entryLines(root *yaml.Node, key string) []int {
	if len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			var out []int
			for _, e := range m.Content[i+1].Content {
				out = append(out, e.Line)
			}
			return out
		}
	}
	return nil
}

// Validate rejects terms that end before they start, overlapping terms of
// one person in one office, two people in one single-holder office at once,
// and one alias claimed by two people's full names.
func (k *KB) Validate() error {
	var errs []string
	fullNames := map[string]string{}
	ids := map[string]bool{}
	k.bySurname = map[string][]*Person{}
	type holder struct {
		o  Office
		id string
	}
	holders := map[[2]string][]holder{} // single-holder offices: title, of
	for _, p := range k.People {
		where := fmt.Sprintf("%s (%s)", p.ID, strings.SplitN(p.Source, " ", 2)[0])
		if p.ID == "" || len(p.Given) == 0 || len(p.Surname) == 0 {
			errs = append(errs, where+": a person needs id, given and surname")
			continue
		}
		if ids[p.ID] {
			errs = append(errs, where+": duplicate id")
		}
		ids[p.ID] = true
		for _, g := range p.Given {
			for _, s := range p.Surname {
				full := text.Fold(g + " " + s)
				if other, ok := fullNames[full]; ok && other != p.ID {
					errs = append(errs, fmt.Sprintf("%s: alias %q is also %s's", where, g+" "+s, other))
				}
				fullNames[full] = p.ID
			}
		}
		for _, w := range p.WrongGiven {
			for _, g := range p.Given {
				if text.Fold(w) == text.Fold(g) {
					errs = append(errs, fmt.Sprintf("%s: %q is both accepted and wrong", where, w))
				}
			}
		}
		if p.Died != nil && p.Born != nil && !p.Died.After(p.Born.Time) {
			errs = append(errs, fmt.Sprintf("%s: died %s before being born %s", where, p.Died.Format("2006-01-02"), p.Born.Format("2006-01-02")))
		}
		for i, o := range p.Offices {
			if d := p.Died; d != nil && (o.End == nil || o.End.After(d.Time)) {
				errs = append(errs, fmt.Sprintf("%s: %s of %s runs past the death on %s", where, o.Title, o.Of, d.Format("2006-01-02")))
			}
			if p.Born != nil {
				if age, _ := p.AgeOn(o.Start.Time); age < 18 {
					errs = append(errs, fmt.Sprintf("%s: born %s, %d when %s of %s began", where, p.Born.Format("2006-01-02"), age, o.Title, o.Of))
				}
			}
			if o.Title == "" || o.Of == "" || o.Start.IsZero() {
				errs = append(errs, fmt.Sprintf("%s: office %d needs title, of and start", where, i+1))
			}
			if o.End != nil && !o.End.After(o.Start.Time) {
				errs = append(errs, fmt.Sprintf("%s: %s of %s ends (%s) before it starts (%s)", where, o.Title, o.Of, o.End.Format("2006-01-02"), o.Start.Format("2006-01-02")))
			}
			for _, o2 := range p.Offices[i+1:] {
				if o2.Title == o.Title && o2.Of == o.Of && overlaps(o, o2) {
					errs = append(errs, fmt.Sprintf("%s: overlapping terms as %s of %s", where, o.Title, o.Of))
				}
			}
			if singleHolder[o.Title] {
				key := [2]string{o.Title, o.Of}
				for _, h := range holders[key] {
					if h.id != p.ID && overlaps(o, h.o) {
						errs = append(errs, fmt.Sprintf("%s: %s of %s at the same time as %s (from %s)", where, o.Title, o.Of, h.id, later(o, h.o).Format("2006-01-02")))
					}
				}
				holders[key] = append(holders[key], holder{o, p.ID})
			}
		}
		for _, s := range p.Surname {
			key := text.Fold(s)
			k.bySurname[key] = append(k.bySurname[key], p)
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("knowledge base invalid:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// singleHolder are the offices one person holds at a time, so two people's
// terms in one of them cannot overlap: the check that catches a mistyped
// handover date. (Senators, say, come in pairs and are not listed.)
var singleHolder = map[string]bool{"President": true, "Vice President": true, "Prime Minister": true, "Chancellor": true,
	"King": true, "Queen": true, "Pope": true, "Foreign Minister": true, "Foreign Secretary": true, "Secretary of State": true,
	"Defence Minister": true, "Defence Secretary": true, "Defense Secretary": true, "Secretary General": true,
	"Secretary-General": true, "High Representative": true, "Crown Prince": true, "Speaker": true,
	"Senate Majority Leader": true, "Senate Minority Leader": true, "House Majority Leader": true, "House Minority Leader": true}

// SingleHolder reports an office one person holds at a time (a president,
// a minister), unlike a senator's.
func SingleHolder(title string) bool { return singleHolder[title] }

// later returns the later of two offices' starts.
func later(a, b Office) time.Time {
	if a.Start.After(b.Start.Time) {
		return a.Start.Time
	}
	return b.Start.Time
}

func overlaps(a, b Office) bool {
	aEnd, bEnd := farFuture, farFuture
	if a.End != nil {
		aEnd = a.End.Time
	}
	if b.End != nil {
		bEnd = b.End.Time
	}
	return a.Start.Before(bEnd) && b.Start.Before(aEnd)
}

var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// BySurname returns the people with this surname spelling (folded).
func (k *KB) BySurname(s string) []*Person { return k.bySurname[text.Fold(s)] }

// Surnames returns every accepted surname spelling, folded.
func (k *KB) Surnames() []string {
	out := make([]string, 0, len(k.bySurname))
	for s := range k.bySurname {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Lookup finds people whose name or surname matches name (folded).
func (k *KB) Lookup(name string) []*Person {
	f := text.Fold(strings.TrimSpace(name))
	var out []*Person
	for _, p := range k.People {
		for _, g := range append([]string{""}, p.Given...) {
			for _, s := range p.Surname {
				if text.Fold(strings.TrimSpace(g+" "+s)) == f {
					out = append(out, p)
					goto next
				}
			}
		}
	next:
	}
	return out
}

// OfficesAt returns the offices p holds on day t.
func (p *Person) OfficesAt(t time.Time) []Office {
	var out []Office
	for _, o := range p.Offices {
		if o.Holds(t) {
			out = append(out, o)
		}
	}
	return out
}

// HasGiven reports whether g is an accepted given name.
func (p *Person) HasGiven(g string) bool {
	for _, x := range p.Given {
		if text.Fold(x) == text.Fold(g) {
			return true
		}
	}
	return false
}

// IsWrongGiven reports whether g is a known wrong given name.
func (p *Person) IsWrongGiven(g string) bool {
	for _, x := range p.WrongGiven {
		if text.Fold(x) == text.Fold(g) {
			return true
		}
	}
	return false
}

// HonorificFrom returns when p received the honorific, if ever.
func (p *Person) HonorificFrom(title string) (time.Time, bool) {
	for _, h := range p.Honorifics {
		if strings.EqualFold(h.Title, title) {
			return h.Start.Time, true
		}
	}
	return time.Time{}, false
}

// Event returns the event with this id.
func (k *KB) Event(id string) (Event, bool) {
	for _, e := range k.Events {
		if e.ID == id {
			return e, true
		}
	}
	return Event{}, false
}

// Merge returns a knowledge base with the entries of extra files added to
// k's, validated together. read returns a file's content (the caller's data
// loader decides which files may be read).
func (k *KB) Merge(read func(name string) ([]byte, error), names ...string) (*KB, error) {
	out := &KB{People: append([]*Person{}, k.People...), Countries: append([]Country{}, k.Countries...), Events: append([]Event{}, k.Events...)}
	for _, n := range names {
		data, err := read(n)
		if err != nil {
			return nil, fmt.Errorf("knowledge base %v", err)
		}
		if err := out.add(n, data); err != nil {
			return nil, err
		}
	}
	out.closeOpenTerms()
	return out, out.Validate()
}

// closeOpenTerms ends a term still open in the knowledge base where a later
// holder of the same single-holder office starts, so a house file can add a
// successor (after checked_through, say) without editing the built-in files.
// People are copied before they change: the built-in KB is shared.
func (k *KB) closeOpenTerms() {
	starts := map[[2]string][]Office{}
	for _, p := range k.People {
		for _, o := range p.Offices {
			if singleHolder[o.Title] {
				key := [2]string{o.Title, o.Of}
				starts[key] = append(starts[key], o)
			}
		}
	}
	for pi, p := range k.People {
		for oi, o := range p.Offices {
			if o.End != nil || !singleHolder[o.Title] {
				continue
			}
			var next *Date
			for _, other := range starts[[2]string{o.Title, o.Of}] {
				if other.Start.After(o.Start.Time) && (next == nil || other.Start.Before(next.Time)) {
					d := other.Start
					next = &d
				}
			}
			if next == nil {
				continue
			}
			cp := *p
			cp.Offices = append([]Office(nil), p.Offices...)
			cp.Offices[oi].End = next
			k.People[pi], p = &cp, &cp
		}
	}
}
