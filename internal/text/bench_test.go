package text

import (
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"

	"github.com/credence-news/credence/engine/corpus"
)

// benchText is about 1 MB of generated news-like text.
var benchText = func() string {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		_, t := corpus.Article(1, i)
		b.WriteString(t)
	}
	return b.String()
}()

func BenchmarkSpansFast(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for range b.N {
		Spans(benchText)
	}
}

func BenchmarkSpansBert(b *testing.B) {
	text := benchText[:len(benchText)/8] // the reference is ~100x slower
	b.SetBytes(int64(len(text)))
	for range b.N {
		BertSpans(text)
	}
}

func BenchmarkTokenizeWithStems(b *testing.B) {
	stems := &StemCache{}
	b.SetBytes(int64(len(benchText)))
	for range b.N {
		Release(Tokenize(benchText, stems)) // as the engine does
	}
}

// BenchmarkNormalize is the document-level normalisation the pipeline does
// (typographic spaces to ASCII, offsets kept); words are folded once each,
// when the stem cache first sees them (BenchmarkStemUncached).
func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for range b.N {
		SpaceOut(benchText)
	}
}

func BenchmarkSentences(b *testing.B) {
	toks := Tokenize(benchText, &StemCache{})
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for range b.N {
		Sentences(benchText, toks)
	}
}

func BenchmarkQuotes(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for range b.N {
		Quotes(benchText)
	}
}

func benchWords() []string {
	var words []string
	for _, sp := range Spans(benchText[:200_000]) {
		words = append(words, Fold(benchText[sp[0]:sp[1]]))
	}
	return words
}

func BenchmarkStemUncached(b *testing.B) {
	words := benchWords()
	b.ResetTimer()
	for range b.N {
		for _, w := range words {
			english.Stem(w, false)
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkStemCached(b *testing.B) {
	words := benchWords()
	c := &StemCache{}
	b.ResetTimer()
	for range b.N {
		for _, w := range words {
			c.Stem(w)
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
}
