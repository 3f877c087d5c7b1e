package corpora

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"

	json "github.com/goccy/go-json"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/eval"
	"github.com/credence-news/credence/internal/profile"
)

// HyperpartisanPath is the SemEval-2019 by-article development half: real
// articles that people read whole and judged hyperpartisan or not.
func HyperpartisanPath() string {
	return filepath.Join(DataDir, "hyperpartisan", "hyperpartisan_dev.jsonl")
}

// Labelled is a corpus of scored articles with an article-level label.
type Labelled struct {
	Results  []core.Result
	OneSided []bool
	// Hash identifies the corpus file (the slant model records it).
	Hash string
}

// Features returns each article's profile features.
func (l *Labelled) Features() []map[string]float64 {
	xs := make([]map[string]float64, len(l.Results))
	for i, r := range l.Results {
		xs[i] = r.Features
	}
	return xs
}

// Hyperpartisan reads and scores the hyperpartisan corpus with eng (the
// label is read apart and never shown to the engine).
func Hyperpartisan(eng *engine.Engine) (*Labelled, error) {
	raw, err := os.ReadFile(HyperpartisanPath())
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	l := &Labelled{Hash: fmt.Sprintf("%x", sum[:8])}
	docs, labels, err := readHyperpartisan()
	if err != nil {
		return nil, err
	}
	for i, doc := range docs {
		res, err := eng.Analyze(doc)
		if err != nil {
			return nil, err
		}
		if res.Profile == nil {
			return nil, fmt.Errorf("%s: no profile (a partial engine)", doc.Source)
		}
		l.Results = append(l.Results, res)
		l.OneSided = append(l.OneSided, labels[i])
	}
	return l, nil
}

// hyperpartisanDocs reads the hyperpartisan corpus's articles.
func hyperpartisanDocs() ([]*core.Document, error) {
	docs, _, err := readHyperpartisan()
	return docs, err
}

// readHyperpartisan reads the corpus's articles and, apart, their labels.
func readHyperpartisan() (docs []*core.Document, oneSided []bool, err error) {
	path := HyperpartisanPath()
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var a struct {
			ID, Title, Published, URL, Text, Label string
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		docs = append(docs, &core.Document{ID: a.ID, Source: fmt.Sprintf("%s:%d", path, line), Format: "txt", Title: a.Title, Published: a.Published, URL: a.URL, Text: a.Text})
		oneSided = append(oneSided, a.Label == "true")
	}
	return docs, oneSided, sc.Err()
}

// FitSlant fits the slant model on the hyperpartisan corpus (what `make fit`
// writes to internal/profile/slant.json).
func FitSlant() (*profile.Model, error) {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		return nil, err
	}
	l, err := Hyperpartisan(eng)
	if err != nil {
		return nil, err
	}
	m, err := eval.FitSlant(l.Features(), l.OneSided)
	if err != nil {
		return nil, err
	}
	m.CorpusHash = l.Hash
	return m, nil
}
