package builtin

import (
	"reflect"
	"testing"
)

// TestSnapshotIsCurrent: the embedded snapshot holds what the YAML files
// say today; an edit to a built-in lexicon or to the knowledge base
// without regenerating it fails here.
func TestSnapshotIsCurrent(t *testing.T) {
	lxs, k, err := FromYAML()
	if err != nil {
		t.Fatal(err)
	}
	slxs, sk, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lxs, slxs) || !reflect.DeepEqual(k, sk) {
		t.Fatal("lexicons/builtin.gob is stale: run `go generate ./internal/builtin` (make fit runs it)")
	}
}

func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromYAML(b *testing.B) {
	for range b.N {
		if _, _, err := FromYAML(); err != nil {
			b.Fatal(err)
		}
	}
}
