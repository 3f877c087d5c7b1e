// Package ingest reads articles from files, directories and standard input
// into core.Documents. Every problem is an *InputError naming the input (file,
// and line for JSONL) and what is wrong; one bad input never stops a batch.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
)

// DefaultMaxBytes bounds one document's size unless Options.MaxBytes says otherwise.
const DefaultMaxBytes = 16 << 20

// InputError is a problem with one input.
type InputError struct {
	Source string // file path or "-"
	Line   int    // 1-based line for JSONL, else 0
	Msg    string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Source, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Source, e.Msg)
}

// Item is one document or the error that stopped it from being read. With
// Options.Deferred it is the input's bytes, parsed by Document.
type Item struct {
	Doc *core.Document
	Err error
	// Source names the input (with Line, a JSONL line); Bytes is its size.
	Source string
	Line   int
	Bytes  int
	format string
	data   []byte
	// line is set when data is a JSONL line from lineBuffers, which
	// Document hands back once the line is parsed.
	line *[]byte
}

// lineBuffers recycles the copies of JSONL lines that wait for a worker. A
// JSON document keeps none of its line's bytes (the decoder copies its input
// and every string it decodes), so a line is free once parsed, and a batch
// allocates a buffer per line in flight instead of one per line read.
var lineBuffers sync.Pool

// maxPooledLine bounds the lines kept for reuse: a rare large document
// is left to the collector rather than held for the rest of the batch.
const maxPooledLine = 1 << 20

func copyLine(b []byte) *[]byte {
	buf, _ := lineBuffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	*buf = append((*buf)[:0], b...)
	return buf
}

// Document returns the item's document, parsing it within ctx's budget if
// reading was deferred. Errors are *InputErrors naming the input, or
// ctx.Err() when the budget ran out. A deferred JSONL line is parsed once:
// its bytes are recycled as soon as they are.
func (it Item) Document(ctx context.Context) (*core.Document, error) {
	if it.Err != nil || it.Doc != nil {
		return it.Doc, it.Err
	}
	name := it.Source
	if it.Line > 0 {
		name = fmt.Sprintf("%s:%d", it.Source, it.Line)
	}
	doc, err := ParseContext(ctx, name, it.format, it.data)
	if it.line != nil && cap(*it.line) <= maxPooledLine {
		lineBuffers.Put(it.line)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &InputError{Source: it.Source, Line: it.Line, Msg: err.Error()}
	}
	return doc, nil
}

// Options tune reading.
type Options struct {
	MaxBytes int // largest document accepted; DefaultMaxBytes if 0
	Stdin    io.Reader
	// Deferred leaves parsing (HTML extraction above all) to Item.Document,
	// so that a batch parses on its workers, inside each document's budget.
	Deferred bool
}

// item makes the Item for an input read whole: parsed now, or left for
// Item.Document when parsing is deferred.
func (o Options) item(source string, line int, format string, data []byte) Item {
	it := Item{Source: source, Line: line, Bytes: len(data), format: format, data: data}
	if !o.Deferred {
		it.Doc, it.Err = it.Document(context.Background())
		it.data = nil
	}
	return it
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Extensions read from directories; an explicitly named file of any other
// extension is read as plain text.
var Extensions = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
	".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
}

// Read walks paths in order (directories recursively, sorted) and calls emit
// for every document or error. It returns early only if emit returns false.
func Read(paths []string, opt Options, emit func(Item) bool) {
	for _, p := range paths {
		if !readPath(p, opt, emit) {
			return
		}
	}
}

func readPath(p string, opt Options, emit func(Item) bool) bool {
	if p == "-" {
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return readStdin(in, opt, emit)
	}
	info, err := os.Stat(p)
	if err != nil {
		return emit(Item{Err: &InputError{Source: p, Msg: describeOSError(err)}})
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return emit(Item{Err: &InputError{Source: p, Msg: notRegular(info.Mode())}})
		}
		format := Extensions[strings.ToLower(filepath.Ext(p))]
		if format == "" {
			format = "txt"
		}
		return readFile(p, format, opt, emit)
	}
	type entry struct{ path, err string }
	var files []entry
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, entry{path, describeOSError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && Extensions[strings.ToLower(filepath.Ext(name))] != "" {
			files = append(files, entry{path: path})
			// A FIFO, socket or device (or a link to one) would block or never
			// end: named, skipped, and the batch goes on.
			if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
				files[len(files)-1].err = notRegular(info.Mode())
			}
		}
		return nil
	})
	if walkErr != nil {
		return emit(Item{Err: &InputError{Source: p, Msg: describeOSError(walkErr)}})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	for _, f := range files {
		if f.err != "" {
			if !emit(Item{Err: &InputError{Source: f.path, Msg: f.err}}) {
				return false
			}
			continue
		}
		if !readFile(f.path, Extensions[strings.ToLower(filepath.Ext(f.path))], opt, emit) {
			return false
		}
	}
	return true
}

func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notRegular says why a path that is not a regular file is not read.
func notRegular(m fs.FileMode) string {
	kind := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return "not a regular file: " + kind + " (give files, directories, or - for standard input)"
}

func readFile(path, format string, opt Options, emit func(Item) bool) bool {
	// O_NONBLOCK: opening a FIFO swapped in after the Stat must not block.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return emit(Item{Err: &InputError{Source: path, Msg: describeOSError(err)}})
	}
	defer f.Close()
	// Checked again on the open file: the path may have changed since.
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return emit(Item{Err: &InputError{Source: path, Msg: notRegular(info.Mode())}})
	}
	if format == "jsonl" {
		return readJSONL(path, f, opt, emit)
	}
	data, err := readLimited(f, opt.maxBytes())
	if err != nil {
		return emit(Item{Err: &InputError{Source: path, Msg: err.Error()}})
	}
	return emit(opt.item(path, 0, format, data))
}

func readLimited(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read failed: %s", describeOSError(err))
	}
	if len(data) > limit {
		return nil, fmt.Errorf("larger than the %s document size limit (raise it with --max-bytes)", humanBytes(limit))
	}
	return data, nil
}

func humanBytes(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func readStdin(r io.Reader, opt Options, emit func(Item) bool) bool {
	br := bufio.NewReader(r)
	// Sniff: JSON objects start with '{'; one object per line is JSONL.
	head, _ := br.Peek(4096)
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return readJSONL("-", br, opt, emit)
	}
	data, err := readLimited(br, opt.maxBytes())
	if err != nil {
		return emit(Item{Err: &InputError{Source: "-", Msg: err.Error()}})
	}
	return emit(opt.item("-", 0, "txt", data))
}

// readJSONL emits one document per non-blank line. A line longer than the
// size limit is reported and skipped without being held in memory. When the
// whole input turns out to be one pretty-printed JSON object, it is read as one.
func readJSONL(source string, r io.Reader, opt Options, emit func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	limit := opt.maxBytes()
	var buf []byte
	for line := 1; ; line++ {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if !tooLong {
				buf = append(buf, frag...)
				if len(buf) > limit+1 {
					tooLong, buf = true, buf[:0]
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return emit(Item{Err: &InputError{Source: source, Line: line, Msg: "read failed: " + describeOSError(err)}})
		}
		switch {
		case tooLong:
			if !emit(Item{Err: &InputError{Source: source, Line: line, Msg: fmt.Sprintf("line is larger than the %s document size limit (raise it with --max-bytes)", humanBytes(limit))}}) {
				return false
			}
		case len(bytes.TrimSpace(buf)) > 0:
			if line == 1 && looksPretty(buf) {
				// Not line-delimited: a single (pretty-printed) object.
				rest, rerr := readLimited(br, limit-len(buf))
				if rerr != nil {
					return emit(Item{Err: &InputError{Source: source, Msg: rerr.Error()}})
				}
				return emit(opt.item(source, 0, "json", append(buf, rest...)))
			}
			var it Item
			if opt.Deferred {
				lb := copyLine(buf)
				it = opt.item(source, line, "json", *lb)
				it.line = lb
			} else {
				it = opt.item(source, line, "json", buf) // parsed now, before buf is reused
			}
			if !emit(it) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// looksPretty reports whether a first line opens a pretty-printed JSON
// object ("{" alone, or ending in a way no complete JSONL record does) rather
// than a JSONL record, which a broken first line must not be taken for.
func looksPretty(line []byte) bool {
	t := bytes.TrimSpace(line)
	return bytes.Equal(t, []byte("{")) || len(t) > 0 && t[0] == '{' && bytes.ContainsAny(t[len(t)-1:], ",{[:")
}

// Parse reads one document of the given format ("txt", "md", "json", "html").
func Parse(source, format string, data []byte) (*core.Document, error) {
	return ParseContext(context.Background(), source, format, data)
}

// ParseContext is Parse within ctx's budget: HTML parsing and extraction,
// the slow part of reading a page, stop when ctx is done (the error is then
// ctx.Err()).
func ParseContext(ctx context.Context, source, format string, data []byte) (*core.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Content decides when the name says nothing: HTML piped on standard
	// input, saved as .txt or posted as text/plain is a page, not prose (it
	// was once scored as 36,000 words of markup).
	if format == "txt" && strings.HasPrefix(http.DetectContentType(data), "text/html") {
		format = "html"
	}
	switch format {
	case "json":
		return parseJSON(ctx, source, data)
	case "html":
		return parseHTML(ctx, source, data)
	}
	if err := checkText(data); err != nil {
		return nil, err
	}
	doc := &core.Document{ID: idFromPath(source), Source: source, Text: string(data), Format: format}
	if format == "md" {
		doc.Mask = MaskMarkdown(doc.Text)
	}
	doc.Title = firstLine(doc.Prose())
	return doc, nil
}

// checkText rejects input that is not article text. It takes the bytes of a
// file or the string a JSON field decoded to, without copying either.
func checkText[T string | []byte](data T) error {
	var blank, valid bool
	nul := -1
	switch v := any(data).(type) {
	case string:
		blank = strings.TrimSpace(strings.TrimPrefix(v, "\ufeff")) == ""
		valid = utf8.ValidString(v)
		nul = strings.IndexByte(v, 0)
	case []byte:
		blank = len(bytes.TrimSpace(bytes.TrimPrefix(v, []byte("\ufeff")))) == 0
		valid = utf8.Valid(v)
		nul = bytes.IndexByte(v, 0)
	}
	if blank {
		if len(data) == 0 {
			return errors.New("empty input")
		}
		return errors.New("input has only white space")
	}
	if !valid {
		b := []byte(data) // only on the way to an error
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return fmt.Errorf("invalid UTF-8 at byte %d (convert the file to UTF-8)", off)
	}
	if nul >= 0 {
		return fmt.Errorf("NUL byte at byte %d: this looks like a binary file, not text", nul)
	}
	return nil
}

func idFromPath(p string) string {
	if p == "-" {
		return "stdin"
	}
	base := filepath.Base(p)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// maxTitle bounds a title taken from the text: a headline is a line of a
// few dozen words, and a text that opens with a long paragraph (or is one
// line of megabytes) would otherwise be copied whole into every report.
const maxTitle = 300

// firstLine returns the first non-empty line, trimmed, cut after the last
// whole word within maxTitle bytes (with "…") when it is longer.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		t := strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		if t == "" {
			continue
		}
		if len(t) <= maxTitle {
			return t
		}
		cut := strings.LastIndexByte(t[:maxTitle+1], ' ')
		if cut <= 0 {
			cut = maxTitle
			for !utf8.RuneStart(t[cut]) {
				cut--
			}
		}
		return strings.TrimRight(t[:cut], " ,;:") + "…"
	}
	return ""
}
