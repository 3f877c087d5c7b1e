package main

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows items, MB/s and an ETA on a terminal's standard error
// while a batch runs. It stays silent when stderr is not a terminal, or when
// the results themselves go to the same terminal.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	items int
}

func newProgress(paths []string, stdout, stderr io.Writer, toFile bool) *progress {
	if !isTerminal(stderr) || (!toFile && isTerminal(stdout)) {
		return &progress{}
	}
	var total int64
	for _, p := range paths {
		if p == "-" {
			return &progress{} // unknown size
		}
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("scoring"),
	)
	return &progress{bar: bar, w: stderr}
}

// add records one scored input of n bytes.
func (p *progress) add(n int) {
	if p.bar == nil {
		return
	}
	p.items++
	p.bar.Describe(fmt.Sprintf("%d articles", p.items))
	p.bar.Add64(int64(n))
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}
