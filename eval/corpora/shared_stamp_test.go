package corpora

import (
	"os"
	"testing"
)

// TestSharedStamp reads CREDENCE_SHARED_STAMP (set by make test from
// ../shared's listing) while the tests run, so that the test cache, which
// does not track files outside the module, reruns this package's tests when
// the shared data appears or changes.
func TestSharedStamp(t *testing.T) {
	t.Logf("shared data stamp %q", os.Getenv("CREDENCE_SHARED_STAMP"))
}
