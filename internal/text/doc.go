// Package text turns raw article text into the units the scorers read: tokens,
// sentences, stems and direct quotes, every one carrying byte offsets into the
// original text so that a finding's span is exact by construction.
package text
