package batch

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/credence-news/credence/engine"
)

// TestTimeoutStopsTheWork: documents over the budget are each reported,
// in order, and none is left running when the batch returns (timed-out
// work used to go on in the background, piling up CPU and memory).
func TestTimeoutStopsTheWork(t *testing.T) {
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := strings.Repeat("The minister said on Monday that critics argue the plan is a disaster. ", 20_000)
	var paths []string
	for i := range 12 {
		p := filepath.Join(dir, strings.Repeat("a", i+1)+".txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	before := runtime.NumGoroutine()
	var errs []string
	Run(e, paths, Options{Workers: 2, Timeout: time.Nanosecond}, func(o Outcome) {
		if o.Err == nil {
			t.Errorf("a document was scored within a 1 ns budget")
			return
		}
		errs = append(errs, o.Err.Error())
	})
	if len(errs) != len(paths) {
		t.Fatalf("%d errors for %d documents", len(errs), len(paths))
	}
	for i, msg := range errs {
		if !strings.HasPrefix(msg, paths[i]+": not scored within the 1ns budget") {
			t.Errorf("error %d = %q", i, msg)
		}
	}
	if after := runtime.NumGoroutine(); after > before+1 {
		t.Errorf("%d goroutines still running after the batch (%d before): timed-out work went on", after, before)
	}
}
