// Package builtin loads the built-in lexicons and knowledge base from a
// snapshot of their YAML compiled at build time (lexicons/builtin.gob,
// written by `go generate ./internal/builtin`, which `make fit` runs):
// parsing the YAML took about 37 ms of every start-up, decoding the
// snapshot about 1 ms. A test fails when the snapshot no longer matches
// the YAML. Lexicon and knowledge-base files a user adds still load from
// YAML.
package builtin

//go:generate go run ./gen ../../lexicons/builtin.gob

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/credence-news/credence/internal/kb"
	"github.com/credence-news/credence/internal/lexicon"
	"github.com/credence-news/credence/lexicons"
)

type snapshot struct {
	Lexicons []*lexicon.Lexicon
	KB       *kb.KB
}

// FromYAML parses the built-in YAML files: what the snapshot holds.
func FromYAML() ([]*lexicon.Lexicon, *kb.KB, error) {
	lxs, err := lexicon.LoadFS(lexicons.FS, lexicons.Lexicons...)
	if err != nil {
		return nil, nil, err
	}
	k, err := kb.Load(lexicons.FS, lexicons.KnowledgeBase...)
	if err != nil {
		return nil, nil, err
	}
	return lxs, k, nil
}

// Encode returns the snapshot of the built-in YAML files.
func Encode() ([]byte, error) {
	lxs, k, err := FromYAML()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(snapshot{lxs, k}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Load decodes the embedded snapshot.
func Load() ([]*lexicon.Lexicon, *kb.KB, error) {
	data, err := lexicons.FS.ReadFile(lexicons.Snapshot)
	if err != nil {
		return nil, nil, err
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, nil, fmt.Errorf("%s: %v (run go generate ./internal/builtin)", lexicons.Snapshot, err)
	}
	// Validate also builds the surname index, which is not exported.
	if err := s.KB.Validate(); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", lexicons.Snapshot, err)
	}
	return s.Lexicons, s.KB, nil
}
