package text

import (
	"os"
	"testing"
)

// TestMain reads CREDENCE_SHARED_STAMP (set by make test from ../shared's
// listing) so that the test cache, which does not track files outside the
// module, reruns these tests when the shared data appears or changes.
func TestMain(m *testing.M) {
	_ = os.Getenv("CREDENCE_SHARED_STAMP")
	os.Exit(m.Run())
}
