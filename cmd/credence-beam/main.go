// Command credence-beam runs Credence's scoring as an Apache Beam pipeline,
// for archives and crawls too large for one machine. It lives in its own Go
// module so the core module does not carry Beam's dependency tree.
//
// It reads JSONL articles (--input, a glob) and whole text files (--text, a
// glob), scores each with the same engine as `credence score`, and writes:
//
//	<output>.jsonl            one result per article, as `credence score --format jsonl`
//	<output>.deadletter.jsonl every record that could not be scored, with the reason
//	<output>.sources.jsonl    per outlet ("source" field, URL host or byline
//	                          organisation): the figures of `credence sources
//	                          --format json` (score, reliability and slant with
//	                          95% intervals, frequent rules, best and worst article)
//
// Counters (documents, errors, findings per rule) are Beam metrics. The
// default runner is the SDK's embedded one; --runner and --endpoint select
// Flink, Spark or Dataflow.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
	"github.com/credence-news/credence/engine/outlets"
)

var (
	input  = flag.String("input", "", "glob of JSONL files, one article object per line")
	texts  = flag.String("text", "", "glob of text or Markdown files, one article per file")
	output = flag.String("output", "credence-out", "output prefix")
)

func init() {
	register.DoFn4x0[context.Context, string, func(string), func(string)](&scoreLineFn{})
	register.DoFn4x0[context.Context, fileio.ReadableFile, func(string), func(string)](&scoreFileFn{})
	register.Emitter1[string]()
	register.Function1x2[string, string, string](keyByOutlet)
	register.Function3x0[string, func(*string) bool, func(string)](aggregate)
	register.Iter1[string]()
}

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

// sharedEngine builds the engine once per worker process.
func sharedEngine() (*engine.Engine, error) {
	engOnce.Do(func() { eng, engErr = engine.New(engine.Options{}) })
	return eng, engErr
}

var (
	documents = beam.NewCounter("credence", "documents")
	errorsC   = beam.NewCounter("credence", "errors")
)

// deadLetter is a record that could not be scored.
type deadLetter struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
	Record string `json:"record,omitempty"`
}

func emitDead(emit func(string), source, reason, record string) {
	if len(record) > 1000 {
		record = record[:1000]
	}
	b, _ := json.Marshal(deadLetter{Source: source, Reason: reason, Record: record})
	emit(string(b))
}

// scoreDoc scores one document and emits its JSONL result or a dead letter.
func scoreDoc(ctx context.Context, doc *core.Document, ok, dead func(string)) {
	e, err := sharedEngine()
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, doc.Source, "engine: "+err.Error(), "")
		return
	}
	res, err := e.Analyze(doc)
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, doc.Source, err.Error(), "")
		return
	}
	documents.Inc(ctx, 1)
	for _, f := range res.Findings {
		beam.NewCounter("credence.findings", f.Rule).Inc(ctx, 1)
	}
	b, err := json.Marshal(res)
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, doc.Source, err.Error(), "")
		return
	}
	ok(string(b))
}

// scoreLineFn scores one JSONL line.
type scoreLineFn struct{}

func (f *scoreLineFn) ProcessElement(ctx context.Context, line string, ok, dead func(string)) {
	if strings.TrimSpace(line) == "" {
		return
	}
	doc, err := ingest.Parse("beam", "json", []byte(line))
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, "beam", err.Error(), line)
		return
	}
	// JSONL has no line numbers here: name the record by its own id.
	doc.Source = doc.ID
	scoreDoc(ctx, doc, ok, dead)
}

// scoreFileFn scores one whole text file.
type scoreFileFn struct{}

func (f *scoreFileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, ok, dead func(string)) {
	data, err := file.Read(ctx)
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, file.Metadata.Path, err.Error(), "")
		return
	}
	format := ingest.Extensions[strings.ToLower(filepath.Ext(file.Metadata.Path))]
	if format == "" || format == "jsonl" {
		format = "txt"
	}
	doc, err := ingest.Parse(file.Metadata.Path, format, data)
	if err != nil {
		errorsC.Inc(ctx, 1)
		emitDead(dead, file.Metadata.Path, err.Error(), "")
		return
	}
	scoreDoc(ctx, doc, ok, dead)
}

// keyByOutlet keys a result by its outlet (see outlets.Of).
func keyByOutlet(result string) (string, string) {
	var r core.Result
	json.Unmarshal([]byte(result), &r)
	return outlets.Of(r), result
}

// aggregate is the source-reliability view of one outlet: the same figures
// as `credence sources --format json`.
func aggregate(outlet string, results func(*string) bool, emit func(string)) {
	acc := outlets.NewAccumulator(outlet)
	var s string
	for results(&s) {
		var r core.Result
		if json.Unmarshal([]byte(s), &r) == nil {
			acc.Add(r)
		}
	}
	b, _ := json.Marshal(acc.Aggregate())
	emit(string(b))
}

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" && *texts == "" {
		log.Fatal("credence-beam: give --input (JSONL glob) and/or --text (text file glob)")
	}
	if err := run(context.Background(), *input, *texts, *output); err != nil {
		log.Fatalf("credence-beam: %v", err)
	}
	fmt.Println("wrote", *output+".jsonl,", *output+".deadletter.jsonl,", *output+".sources.jsonl")
}

// run builds and runs the pipeline.
func run(ctx context.Context, input, texts, output string) error {
	p, s := beam.NewPipelineWithRoot()
	var results, dead []beam.PCollection
	if input != "" {
		lines := textio.Read(s, input)
		ok, dl := beam.ParDo2(s, &scoreLineFn{}, lines)
		results, dead = append(results, ok), append(dead, dl)
	}
	if texts != "" {
		files := fileio.ReadMatches(s, fileio.MatchFiles(s, texts))
		ok, dl := beam.ParDo2(s, &scoreFileFn{}, files)
		results, dead = append(results, ok), append(dead, dl)
	}
	all := beam.Flatten(s, results...)
	textio.Write(s, output+".jsonl", all)
	textio.Write(s, output+".deadletter.jsonl", beam.Flatten(s, dead...))
	keyed := beam.ParDo(s, keyByOutlet, all)
	textio.Write(s, output+".sources.jsonl", beam.ParDo(s, aggregate, beam.GroupByKey(s, keyed)))
	return beamx.Run(ctx, p)
}
