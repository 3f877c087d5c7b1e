// Command precisionsample draws the sample of loaded-language findings on
// real news that a person judges for eval/testdata/loaded_precision.tsv. It
// prints each finding with its sentence, for the judging only; the file
// keeps the span and the verdict, never the article's text.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/eval/corpora"
)

func main() {
	n := flag.Int("n", 400, "findings to draw")
	seed := flag.Uint64("seed", 2026, "random seed (2026 drew loaded_precision.tsv, 2027 loaded_precision_fresh.tsv, 2028 loaded_precision_2028.tsv, 2029 loaded_precision_2029.tsv, 2030 loaded_precision_2030.tsv, 2031 loaded_precision_2031.tsv, 2032 loaded_precision_2032.tsv, 2033 loaded_precision_2033.tsv, 2034 loaded_precision_2034.tsv, 2035 and 2036 loaded_precision_2035.tsv, 2037 and 2038 loaded_precision_heldout.tsv: the last 145 findings unjudged; 2042 loaded_precision_2042.tsv, every finding left unjudged after the lexicon rounds of 2026-12-07, 2043 loaded_precision_2043.tsv after the third, 2044 loaded_precision_2044.tsv after the fourth, 2046 loaded_precision_2046.tsv after the fifth, 2047 loaded_precision_2047.tsv after the sixth, 2048 loaded_precision_2048.tsv after the seventh, 2049 loaded_precision_2049.tsv after the round of 2026-12-08, 2050 loaded_precision_2050.tsv the learned model's findings, 2052 loaded_precision_2052.tsv after the probe round, 2054 loaded_precision_2054.tsv after the second, 2056 loaded_precision_2056.tsv after the fourth probe's, 2058 loaded_precision_2058.tsv after the BABE round, 2060 loaded_precision_2060.tsv after the second, 2062 loaded_precision_2062.tsv after the PTC round, 2064 loaded_precision_2064.tsv after the model's new features, 2066 loaded_precision_2066.tsv after the fifth probe's round, 2068 loaded_precision_2068.tsv after the round on criticism told as an assault, 2070 loaded_precision_2070.tsv after the second round of that day, 2072 loaded_precision_2072.tsv after the promise cues, 2074 loaded_precision_2074.tsv after the stock phrases left, 2076 loaded_precision_2076.tsv after the U-turn round, 2078 loaded_precision_2078.tsv after the seventh probe round, 2080 loaded_precision_2080.tsv after the ninth and tenth, 2082 loaded_precision_2082.tsv after the eleventh, 2084 loaded_precision_2084.tsv after the rounds of the twelfth to fourteenth, 2086 loaded_precision_2086.tsv after the culture-war round (2087 drew nothing new on the mainstream articles), 2088 loaded_precision_2088.tsv after the foreign-news round (2089 nothing new on the mainstream articles or the pages), 2090 loaded_precision_2090.tsv after the last rounds of that day (2091 nothing new on the mainstream articles or the pages), 2092 loaded_precision_2092.tsv after the press-release round (2093 nothing new there); 2067 drew nothing new on the mainstream articles)")
	exclude := flag.String("exclude", "", "comma-separated judged sets whose findings are not drawn again")
	pages := flag.Bool("pages", false, "draw from the English news outlets' saved pages (their reviewed article text) instead of BASIL and PolNeAR (seed 2039 drew all of loaded_precision_pages.tsv, 2075 loaded_precision_pages2.tsv)")
	mainstream := flag.Bool("mainstream", false, "draw from the hyperpartisan corpus's articles labelled not hyperpartisan (seed 2040 drew loaded_precision_mainstream.tsv, 2041 loaded_precision_mainstream2.tsv, 2045 loaded_precision_mainstream3.tsv, 2051 loaded_precision_mainstream4.tsv, 2053 loaded_precision_mainstream5.tsv, 2055 loaded_precision_mainstream6.tsv, 2059 loaded_precision_mainstream7.tsv, 2061 loaded_precision_mainstream8.tsv, 2063 loaded_precision_mainstream9.tsv, 2065 loaded_precision_mainstream10.tsv, 2069 loaded_precision_mainstream11.tsv, 2071 loaded_precision_mainstream12.tsv, 2073 loaded_precision_mainstream13.tsv)")
	flag.Parse()
	judged := map[corpora.LoadedJudgement]bool{}
	for _, path := range strings.FieldsFunc(*exclude, func(r rune) bool { return r == ',' }) {
		set, err := corpora.ReadPrecisionSet(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, j := range set {
			judged[corpora.LoadedJudgement{Doc: j.Doc, Start: j.Start, End: j.End, Text: j.Text}] = true
		}
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// Drawn from every finding, then the judged ones left out, so a seed
	// draws the same sample whatever the excluded sets hold.
	draw := corpora.LoadedSample
	switch {
	case *pages:
		draw = corpora.LoadedSamplePages
	case *mainstream:
		draw = corpora.LoadedSampleMainstream
	}
	sample, sents := draw(eng, *n+len(judged), *seed)
	k := 0
	for i, j := range sample {
		if k == *n || judged[corpora.LoadedJudgement{Doc: j.Doc, Start: j.Start, End: j.End, Text: j.Text}] {
			continue
		}
		k++
		fmt.Printf("%d\t%s\t%d\t%d\t%s\t%s\n", k, j.Doc, j.Start, j.End, j.Text, sents[i])
	}
}
