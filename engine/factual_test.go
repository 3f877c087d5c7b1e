package engine

import (
	"slices"
	"strings"
	"testing"
)

// TestFactualOnOutsideArticles: the reproductions of the dates-and-facts
// issue, as articles written outside the team state them.
func TestFactualOnOutsideArticles(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // "rule text" of the expected finding, "" for none
	}{
		{"the title of the time of a past act: object of a past verb, possessive",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2019 — The group, which opposed President Barack Obama's push for the law, said on Tuesday that it would sue.\n",
			""},
		{"the title of the time of a past act: a relative clause",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2019 — President Barack Obama, who signed the law in a hurry, is remembered for it.\n",
			""},
		{"incoming, a year into the term",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2022 — Incoming President Joe Biden said on Tuesday that grants would go out.\n",
			"factual.title Incoming President Joe Biden"},
		{"incoming, before the inauguration",
			"T\n\nBy A\n\nWASHINGTON, January 10, 2021 — Incoming President Joe Biden said on Tuesday that grants would go out.\n",
			""},
		{"incoming, in the first days",
			"T\n\nBy A\n\nWASHINGTON, January 22, 2021 — Incoming President Joe Biden said on Tuesday that grants would go out.\n",
			""},
		{"President-elect, between the election and the inauguration, of a former president",
			"T\n\nBy A\n\nWASHINGTON, December 3, 2024 — President-elect Donald Trump said on Tuesday that tariffs would rise.\n",
			""},
		{"President-elect, weeks into the term",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2025 — President-elect Donald Trump said on Tuesday that tariffs would rise.\n",
			"factual.title President-elect Donald Trump"},
		{"a title below a dateline that carries the year",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2025 — President Joe Biden said on Tuesday that grants would go out.\n",
			"factual.title President Joe Biden"},
		{"the same sentence a paragraph down",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2025 — Grants were announced.\n\nPresident Joe Biden said on Tuesday that grants would go out.\n",
			"factual.title President Joe Biden"},
		{"a middle initial",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2010 — President George W. Bush said on Tuesday that the budget would pass.\n",
			"factual.title President George W. Bush"},
		{"a hyphenated given name",
			"T\n\nBy A\n\nBRUSSELS, January 10, 2020 — President Jean-Claude Juncker said on Tuesday that the budget would pass.\n",
			"factual.title President Jean-Claude Juncker"},
		{"three given names and a particle (the title battery's one miss)",
			"T\n\nBy A\n\nBRASILIA, February 10, 2012 — President Luiz Inácio Lula da Silva said on Tuesday that the plan would pass.\n",
			"factual.title President Luiz Inácio Lula da Silva"},
		{"three given names, former while in office",
			"T\n\nBy A\n\nBRASILIA, November 22, 2010 — Former President Luiz Inácio Lula da Silva said on Tuesday that the plan would pass.\n",
			"factual.title Former President Luiz Inácio Lula da Silva"},
		{"a given name that ends like a nationality",
			"T\n\nBy A\n\nBUCHAREST, January 30, 2015 — Romanian President Traian Basescu said on Tuesday that the plan would pass.\n",
			"factual.title President Traian Basescu"},
		{"an age the date of birth rules out",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Donald Trump, 76, said on Tuesday that grants would go out.\n",
			"factual.date Donald Trump, 76"},
		{"the right age",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — President Donald Trump, 79, said on Tuesday that grants would go out.\n",
			""},
		{"an age before the name, a title in lower case between",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — The 82-year-old former president Joe Biden said on Tuesday that grants would go out.\n",
			"factual.date 82-year-old former president Joe Biden"},
		{"an age of a year the sentence names",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2025 — In 2016, Donald Trump, 70, won the election.\n",
			""},
		{"an age that is someone else's",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — The 45-year-old son of Donald Trump said on Tuesday that grants would go out.\n",
			""},
		{"the birthday not yet reached",
			"T\n\nBy A\n\nWASHINGTON, June 10, 2026 — Donald Trump (80) said on Tuesday that grants would go out.\n",
			"factual.date Donald Trump (80)"},
		{"an age written a few weeks before the date",
			"T\n\nBy A\n\nWASHINGTON, June 20, 2026 — Donald Trump, aged 79, said on Tuesday that grants would go out.\n",
			""},
		{"a title qualified by the wrong country",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Canadian Prime Minister Keir Starmer said on Tuesday that talks would resume.\n",
			"factual.title Canadian Prime Minister Keir Starmer"},
		{"the wrong country in the possessive, after former",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Former Canada's Prime Minister Boris Johnson said on Tuesday that talks would resume.\n",
			"factual.title Canada's Prime Minister Boris Johnson"},
		{"the right country, in two words",
			"T\n\nBy A\n\nSEOUL, March 3, 2026 — British Prime Minister Keir Starmer met the South Korean Foreign Minister on Tuesday.\n",
			""},
		{"years since an event, too many for the date",
			"T\n\nBy A\n\nKYIV, March 3, 2025 — It has been four years since Russia's full-scale invasion of Ukraine.\n",
			"factual.date four years since"},
		{"years since an event, right for the date",
			"T\n\nBy A\n\nKYIV, March 3, 2025 — Three years since Russia's full-scale invasion of Ukraine, talks resume.\n",
			""},
		{"an anniversary a retrospective dates",
			"T\n\nBy A\n\nKYIV, March 3, 2025 — In February 2023, as the war entered its second year, Biden visited Kyiv.\n",
			""},
		{"a year after an event, a narrative's past",
			"T\n\nBy A\n\nKYIV, March 3, 2025 — A year after Russia's full-scale invasion of Ukraine, he moved to Lviv.\n",
			""},
		{"the UK's Chancellor of the Exchequer, in office",
			"T\n\nBy A\n\nLONDON, March 3, 2021 — Chancellor Rishi Sunak said on Tuesday that the budget would pass.\n",
			""},
		{"the UK's Chancellor of the Exchequer, after the term",
			"T\n\nBy A\n\nLONDON, March 3, 2025 — Chancellor of the Exchequer Jeremy Hunt said on Tuesday that the budget would pass.\n",
			"factual.title Chancellor of the Exchequer Jeremy Hunt"},
		{"the title of the time of a successor",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2025 — President Joe Biden's successor, Donald Trump, took office in January.\n",
			""},
		{"a shadow minister's title is another office",
			"T\n\nBy A\n\nLONDON, March 3, 2023 — Shadow Chancellor Rachel Reeves said on Tuesday that the budget would fail.\n",
			""},
		{"a deputy's title is another office",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Deputy Prime Minister David Lammy said on Tuesday that talks would resume.\n",
			""},
		{"a middle initial, the title of a past act",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2010 — The senators, who opposed President George W. Bush's push for the plan, spoke on Tuesday.\n",
			""},
		{"a retelling, years after the term",
			"T\n\nBy A\n\nWASHINGTON, September 10, 2017 — The bill stalled in 2007. President George W. Bush signaled his support. But the vote was close.\n",
			""},
		{"an act of the term, in the possessive, months after it",
			"T\n\nBy A\n\nWASHINGTON, September 5, 2017 — New applications will be halted for President Barack Obama's program, officials said.\n",
			""},
		{"a courtesy title months after the handover",
			"T\n\nBy A\n\nWASHINGTON, October 10, 2017 — The Left includes politicians such as President Obama and other leaders of the Democratic Party.\n",
			""},
		{"a courtesy title on a present act",
			"T\n\nBy A\n\nWASHINGTON, October 10, 2017 — The group said President Obama spoke to donors on Tuesday.\n",
			"factual.title President Obama"},
		{"an act of the term on a day of this week is a stale title",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2025 — President Joe Biden's order on Tuesday surprised aides.\n",
			"factual.title President Joe Biden"},
		{"the possessive of what is no act",
			"T\n\nBy A\n\nLONDON, March 2, 2026 — Prime Minister Rishi Sunak's spokesman welcomed the pledge.\n",
			"factual.title Prime Minister Rishi Sunak"},
		{"a past act soon after the handover is the week's news",
			"T\n\nBy A\n\nLONDON, March 2, 2026 — Prime Minister Rishi Sunak welcomed the pledge in a statement from London.\n",
			"factual.title Prime Minister Rishi Sunak"},
		{"a chancellor after the handover, dated by a dateline",
			"Leaders meet\n\nBy A\n\nBRUSSELS, June 12, 2025 — Chancellor Olaf Scholz told European leaders on Thursday that Germany would pay.\n",
			"factual.title Chancellor Olaf Scholz"},
		{"a doubled letter missing from a given name",
			"Leaders meet\n\nBy A\n\nBRUSSELS, June 12, 2025 — The talks went on. Later, Emanuel Macron met the press.\n",
			"factual.name Emanuel Macron"},
		{"two letters swapped",
			"Leaders meet\n\nBy A\n\nKYIV, June 12, 2025 — Volodymry Zelensky spoke on Thursday.\n",
			"factual.name Volodymry Zelensky"},
		{"a surname slip anchored by the given name, no title",
			"Leaders meet\n\nBy A\n\nLONDON, June 12, 2025 — The talks went on. Later, Keir Starmr met the press.\n",
			"factual.name Starmr"},
		{"two surname letters swapped, no title",
			"Leaders meet\n\nBy A\n\nKYIV, June 12, 2025 — Volodymyr Zelenksy spoke on Thursday.\n",
			"factual.name Zelenksy"},
		{"a short surname near a known one is someone else",
			"Match report\n\nBy A\n\nLONDON, June 12, 2025 — John Terry watched from the stand on Saturday.\n", ""},
		{"two slips with no title to anchor them are not flagged",
			"Leaders meet\n\nBy A\n\nLONDON, June 12, 2025 — Keir Stamrr met the press.\n", ""},
		{"another spelling of a given name is no slip",
			"Leaders meet\n\nBy A\n\nPRAGUE, June 12, 2023 — Peter Fiala spoke on Thursday.\n", ""},
		{"the title after the name",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2025 — Donald Trump, the former president, said on Monday that tariffs would rise.\n",
			"factual.title Donald Trump, the former president"},
		{"a new clause after a name is no title",
			"T\n\nBy A\n\nWASHINGTON, January 11, 2018 — The talk turned to Hillary Clinton, the president completely undercut her argument.\n", ""},
		{"the late, of someone alive on the date",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2024 — The late Joe Biden spoke on Tuesday.\n",
			"factual.date late Joe Biden"},
		{"the late, before the death (told once, not also as the event)",
			"T\n\nBy A\n\nLONDON, March 3, 2021 — The late Queen Elizabeth II met Prime Minister Boris Johnson.\n",
			"factual.date late Queen Elizabeth II"},
		{"the late, after the death",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — The late Shinzo Abe was honoured on Tuesday.\n", ""},
		{"the late years of a term are a time",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2024 — In the late Obama years, growth was slow.\n", ""},
		{"the late, of someone the knowledge base has no dates for",
			"T\n\nBy A\n\nATHENS, March 3, 2024 — The late Kostas Karamanlis was honoured on Tuesday.\n", ""},
		{"a death put in another year",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — Shinzo Abe, who died in 2021, was honoured on Tuesday.\n",
			"factual.date Shinzo Abe, who died in 2021"},
		{"a death in its year, with the full date",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — Shinzo Abe, who died on July 8, 2022, was honoured on Tuesday.\n", ""},
		{"a year after died that is not the death's",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — Shinzo Abe died two years after he left office in 2020.\n", ""},
		{"a statement in the article's week from someone dead by then",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — Shinzo Abe said on Tuesday that Japan would act.\n",
			"factual.date Shinzo Abe said"},
		{"a dead person's statement dated by a year is a retrospective",
			"T\n\nBy A\n\nTOKYO, March 3, 2024 — Shinzo Abe said on Tuesday, July 5, 2022, that Japan would act.\n", ""},
		{"a statement before the death",
			"T\n\nBy A\n\nTOKYO, March 3, 2022 — Shinzo Abe said on Tuesday that Japan would act.\n", ""},
		{"a bare surname is the person named in full before it",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Donald Trump spoke on Monday.\n\nTrump, 76, said on Tuesday that grants would go out.\n",
			"factual.date Trump, 76"},
		{"a bare surname two people of the document carry",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Donald Trump and Ivanka Trump spoke on Monday.\n\nTrump, 44, said on Tuesday that grants would go out.\n", ""},
		{"a surname before a noun is the person's side, not the person",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Donald Trump spoke on Monday.\n\nA 78-year-old Trump supporter was arrested.\n", ""},
		{"the country of the office after the name",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Prime Minister Keir Starmer of France said on Tuesday that talks would resume.\n",
			"factual.title Prime Minister Keir Starmer of France"},
		{"the country of the office in an appositive",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Keir Starmer, the prime minister of France, said on Tuesday that talks would resume.\n",
			"factual.title Keir Starmer, the prime minister of France"},
		{"the country of the office in a possessive appositive",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Keir Starmer, France's prime minister, said on Tuesday that talks would resume.\n",
			"factual.title Keir Starmer, France's prime minister"},
		{"the right country, in each form",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Keir Starmer, Britain's prime minister, met Prime Minister Mark Carney of Canada and Emmanuel Macron, the president of France, on Tuesday.\n", ""},
		{"a country that names something else",
			"T\n\nBy A\n\nBERLIN, March 3, 2026 — Chancellor Friedrich Merz of Germany's Christian Democrats said on Tuesday that talks would resume.\n", ""},
		{"a year before a one-time event that is not its year",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Britain voted to leave in the 2017 Brexit referendum.\n",
			"factual.date 2017 Brexit"},
		{"a full date after a one-time event, the year wrong",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — The Capitol riot on January 6, 2022 shocked the nation.\n",
			"factual.date riot on January 6, 2022"},
		{"the event's own year",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Since the Brexit referendum in June 2016, trade has fallen.\n", ""},
		{"another year in the sentence dates something else",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — In 2019, three years after the Brexit referendum, talks stalled.\n", ""},
		{"a year beside an event with anniversaries is a time in it",
			"T\n\nBy A\n\nKYIV, March 3, 2026 — The invasion of Ukraine in 2023 entered a new phase.\n", ""},
		{"last year, for a one-time event of another year",
			"T\n\nBy A\n\nLONDON, March 3, 2024 — Since last year's Brexit referendum, trade has fallen.\n",
			"factual.date last year's Brexit"},
		{"last year, for an event of last year",
			"T\n\nBy A\n\nLONDON, March 3, 2024 — Leaders met at last year's G7 summit in Hiroshima.\n", ""},
		{"years ago, a count that does not fit the date",
			"T\n\nBy A\n\nKYIV, March 3, 2024 — Russia launched its full-scale invasion of Ukraine three years ago.\n",
			"factual.date three years ago"},
		{"years ago, a count that fits",
			"T\n\nBy A\n\nKYIV, March 3, 2024 — Russia launched its full-scale invasion of Ukraine two years ago.\n", ""},
		{"years ago of a vote, not of the withdrawal a bare Brexit names",
			"T\n\nBy A\n\nLONDON, March 3, 2023 — Britons voted for Brexit seven years ago.\n", ""},
		{"a weekday the date does not fall on",
			"T\n\nBy A\n\nBRUSSELS, March 3, 2026 — The summit opened on Monday, June 12, 2025, in Brussels.\n",
			"factual.date Monday, June 12, 2025"},
		{"a weekday beside a date without its year, near the article's",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — The vote was held on Monday, March 4.\n",
			"factual.date Monday, March 4"},
		{"the right weekdays, abbreviated and day first",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — The vote is set for Friday 6 March; the last was on Tuesday, Nov. 8, 2016.\n", ""},
		{"a date months off without its year may be last year's",
			"T\n\nBy A\n\nWASHINGTON, May 15, 2013 — The process began on Friday, Sept. 14, when the counsel sent an e-mail.\n", ""},
		{"a surname slip anchored by the first of two given names",
			"Leaders meet\n\nBy A\n\nANKARA, June 12, 2025 — The talks went on. Later, Recep Erdogen met the press.\n",
			"factual.name Erdogen"},
		{"a slip in a short surname anchored by a distinctive given name",
			"Leaders meet\n\nBy A\n\nDELHI, June 12, 2025 — The talks went on. Later, Narendra Modhi met the press.\n",
			"factual.name Modhi"},
		{"a title that opens the sentence, set off by commas",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — Britain's prime minister, Rishi Sunak, said on Tuesday that talks would resume.\n",
			"factual.title Britain's prime minister, Rishi Sunak"},
		{"a title set off by commas that is someone else's",
			"T\n\nBy A\n\nLONDON, March 3, 2026 — After meeting the prime minister, Rishi Sunak said on Tuesday that talks would resume.\n", ""},
		{"the current president, after the name",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Joe Biden, the current president, said on Tuesday that talks would resume.\n",
			"factual.title Joe Biden, the current president"},
		{"the then president, after the name",
			"T\n\nBy A\n\nWASHINGTON, March 3, 2026 — Joe Biden, the then president, said on Tuesday that talks would resume.\n", ""},
		{"a minister's title on someone who never held it, the holder known",
			"T\n\nBy A\n\nWASHINGTON, June 3, 2025 — Secretary of State Pete Hegseth said on Tuesday that talks would resume.\n",
			"factual.title Secretary of State Pete Hegseth"},
		{"a senator's title is held by many at once",
			"T\n\nBy A\n\nWASHINGTON, January 23, 2013 — Senator John Kerry, Democrat of Massachusetts, has been nominated.\n", ""},
		{"the office held at the time, in a dateline's year",
			"T\n\nBy A\n\nWASHINGTON, February 14, 2022 — President Joe Biden said on Tuesday that grants would go out.\n", ""},
	} {
		res := analyze(t, c.text, "")
		var got []string
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "factual.") {
				got = append(got, f.Rule+" "+f.Text)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%s: factual findings %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSpeakersAndPrices: the names an article quotes are people and
// organisations (not "I", "Mr" or "When"), and a shop price is not an
// unsourced figure while a claimed amount is.
func TestSpeakersAndPrices(t *testing.T) {
	res := analyze(t, "Streaming deal\n\nBy A\n\n\u201cI said no,\u201d I said. Mr. Lee said the plan was fine. When asked, Lee said it again. Contributing: Ana Ruiz.\n\nThe service now costs $9.99 a month. The tax will cost families $40 a month.\n", "2025-01-02")
	quoted := res.Profile.Sourcing.Quoted
	for _, junk := range []string{"I", "Mr", "When", "Contributing"} {
		if slices.Contains(quoted, junk) {
			t.Errorf("%q listed among the quoted names %q", junk, quoted)
		}
	}
	var figures []string
	for _, f := range res.Findings {
		if f.Rule == "sourcing.unsourced_figure" {
			figures = append(figures, f.Text)
		}
	}
	if !slices.Equal(figures, []string{"$40"}) {
		t.Errorf("unsourced figures %q, want only the claimed $40 (not the $9.99 price)", figures)
	}
}

// TestEventExamples runs every knowledge-base event's flag and pass
// sentences (see CheckEventExamples).
func TestEventExamples(t *testing.T) {
	checked, errs := testEngine(t).CheckEventExamples()
	for _, err := range errs {
		t.Error(err)
	}
	if checked == 0 {
		t.Fatal("no event has examples")
	}
}
