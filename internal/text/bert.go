package text

import (
	"unicode/utf8"

	"github.com/sugarme/tokenizer"
	"github.com/sugarme/tokenizer/normalizer"
	"github.com/sugarme/tokenizer/pretokenizer"
)

// BertSpans cuts src with github.com/sugarme/tokenizer's BERT pre-tokenizer,
// byte offsets, no normaliser. It is ~100x slower than Spans and is the
// reference Spans is tested against; `--tokenizer=bert` selects it. The
// library's known defects are avoided: no Char offsets (they panic when the
// last token ends the string) and no NFKC normaliser (it shifts offsets).
//
// The library miscounts byte offsets on invalid UTF-8 (it slices past the
// end: found by FuzzSpans, kept in testdata/fuzz as a regression case), so
// such input, which ingestion rejects anyway, goes to Spans.
func BertSpans(src string) [][2]int {
	if !utf8.ValidString(src) {
		return Spans(src)
	}
	pts := tokenizer.NewPreTokenizedString(src)
	pts, err := pretokenizer.NewBertPreTokenizer().PreTokenize(pts)
	if err != nil {
		// The BERT pre-tokenizer never returns an error; fall back to ours.
		return Spans(src)
	}
	toks := pts.GetSplits(normalizer.OriginalTarget, tokenizer.Byte)
	out := make([][2]int, len(toks))
	for i, t := range toks {
		out[i] = [2]int{t.Offsets[0], t.Offsets[1]}
	}
	return out
}
