package kb

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/credence-news/credence/lexicons"
)

func TestBuiltInKBIsValid(t *testing.T) {
	k, err := Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.People) < 80 || len(k.Events) < 10 || len(k.Countries) < 20 {
		t.Errorf("KB smaller than expected: %d people, %d events, %d countries", len(k.People), len(k.Events), len(k.Countries))
	}
	for _, p := range k.People {
		if p.Source == "" || len(p.Offices) == 0 {
			t.Errorf("%s: needs a source and at least one office", p.ID)
		}
	}
	trump := k.Lookup("Donald Trump")
	if len(trump) != 1 {
		t.Fatalf("Lookup(Donald Trump) = %d people", len(trump))
	}
	at := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	if len(trump[0].OfficesAt(at("2022-06-01"))) != 0 || len(trump[0].OfficesAt(at("2026-01-07"))) != 1 {
		t.Error("Trump's terms are wrong")
	}
	if z := k.BySurname("Zelenskiy"); len(z) != 1 || !z[0].IsWrongGiven("Vladimir") || !z[0].HasGiven("Volodymyr") {
		t.Error("Zelensky's name variants are wrong")
	}
}

func TestValidateRejects(t *testing.T) {
	head := "about: {purpose: p, selection: s, sources: o, adding: a}\n"
	cases := []struct{ yaml, want string }{
		{head + "people:\n  - {id: a, given: [A], surname: [B], offices: [{title: President, of: X, start: 2020-01-01, end: 2019-01-01}]}\n", "ends (2019-01-01) before it starts"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], offices: [{title: President, of: X, start: 2020-01-01, end: 2024-01-01}, {title: President, of: X, start: 2023-01-01}]}\n", "overlapping terms as President of X"},
		{head + "people:\n  - {id: a, given: [Ann], surname: [Lee], offices: [{title: Mayor, of: X, start: 2020-01-01}]}\n  - {id: b, given: [Ann], surname: [Lee], offices: [{title: Mayor, of: Y, start: 2020-01-01}]}\n", `alias "Ann Lee" is also a's`},
		{head + "people:\n  - {id: a, given: [Ann], surname: [Lee], wrong_given: [Ann], offices: [{title: Mayor, of: X, start: 2020-01-01}]}\n", "both accepted and wrong"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], colour: red}\n", "field colour not found"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], offices: [{title: P, of: X, start: 2020-13-01}]}\n", "bad date"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], born: 2010-05-01, offices: [{title: President, of: X, start: 2020-01-01}]}\n", "born 2010-05-01, 9 when President of X began"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], died: 2021-05-01, offices: [{title: President, of: X, start: 2020-01-01}]}\n", "President of X runs past the death on 2021-05-01"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], born: 1950-05-01, died: 1940-05-01}\n", "died 1940-05-01 before being born 1950-05-01"},
		{"people: []\n", "about needs"},
		{head + "people:\n  - {id: a, given: [A], surname: [B], offices: [{title: Prime Minister, of: X, start: 2020-01-01, end: 2022-06-01}]}\n  - {id: c, given: [C], surname: [D], offices: [{title: Prime Minister, of: X, start: 2022-05-01}]}\n", "Prime Minister of X at the same time as a (from 2022-05-01)"},
	}
	for _, c := range cases {
		k := &KB{}
		err := k.add("t.yaml", []byte(c.yaml))
		if err == nil {
			err = k.Validate()
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}

// TestMergeAddsSuccessor: a house file that records a successor in a
// single-holder office ends the built-in holder's open term there, and
// leaves the built-in KB as it was.
func TestMergeAddsSuccessor(t *testing.T) {
	base, err := Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/house.yaml"
	house := "about: {purpose: p, selection: s, sources: o, adding: a}\npeople:\n  - {id: next-pm, given: [Ada], surname: [Quill], offices: [{title: Prime Minister, of: Denmark, start: 2027-02-01}]}\n"
	if err := os.WriteFile(path, []byte(house), 0o644); err != nil {
		t.Fatal(err)
	}
	merged, err := base.Merge(os.ReadFile, path)
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	at := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	if got := merged.Lookup("Mette Frederiksen")[0].OfficesAt(at("2027-03-01")); len(got) != 0 {
		t.Errorf("after the successor took office the merged KB still has Frederiksen in office: %+v", got)
	}
	if got := base.Lookup("Mette Frederiksen")[0].OfficesAt(at("2027-03-01")); len(got) != 1 {
		t.Error("merging changed the built-in knowledge base")
	}
}

func TestAgeOn(t *testing.T) {
	born := &Date{time.Date(1946, 6, 14, 0, 0, 0, 0, time.UTC)}
	p := &Person{Born: born}
	for _, c := range []struct {
		day  string
		want int
	}{{"2026-06-13", 79}, {"2026-06-14", 80}, {"2026-12-31", 80}, {"1946-06-14", 0}} {
		d, _ := time.Parse("2006-01-02", c.day)
		if got, ok := p.AgeOn(d); !ok || got != c.want {
			t.Errorf("AgeOn(%s) = %d, %v; want %d", c.day, got, ok, c.want)
		}
	}
	if _, ok := (&Person{}).AgeOn(time.Now()); ok {
		t.Error("AgeOn without a date of birth: ok")
	}
}

func TestKnownAlive(t *testing.T) {
	day := func(s string) *Date { d, _ := time.Parse("2006-01-02", s); return &Date{d} }
	living := &Person{Born: day("1946-06-14")}
	dead := &Person{Died: day("2022-09-08")}
	unknown := &Person{}
	for _, c := range []struct {
		p    *Person
		day  string
		want bool
	}{
		{living, "2025-01-01", true}, {living, "1940-01-01", false},
		{dead, "2022-09-07", true}, {dead, "2022-09-08", false}, {dead, "2025-01-01", false},
		{unknown, "2025-01-01", false},
	} {
		if got := c.p.KnownAlive(day(c.day).Time); got != c.want {
			t.Errorf("%+v on %s: KnownAlive %v, want %v", *c.p, c.day, got, c.want)
		}
	}
}
