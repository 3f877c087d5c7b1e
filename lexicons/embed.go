// Package lexicons embeds the project's own data files: word and phrase
// lists (one YAML file per lexicon) and the dated knowledge base, so the
// binary runs anywhere without them on disk.
package lexicons

import "embed"

// FS holds every data file of this folder.
//
//go:embed *.yaml spanmodel.json builtin.gob
var FS embed.FS

// Lexicons names the phrase-list files, in load order.
var Lexicons = []string{"sourcing.yaml", "framing.yaml"}

// KnowledgeBase names the knowledge-base files.
var KnowledgeBase = []string{"kb_people.yaml", "kb_countries.yaml", "kb_events.yaml"}

// SpanModel names the learned loaded-language model's weights (written by
// `make fit`).
const SpanModel = "spanmodel.json"

// Snapshot names the compiled snapshot of the lexicons and knowledge base
// the binary loads instead of their YAML (see internal/builtin).
const Snapshot = "builtin.gob"

// Integrity names the page-furniture pattern file.
const Integrity = "integrity.yaml"
