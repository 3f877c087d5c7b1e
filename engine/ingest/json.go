package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	json "github.com/goccy/go-json"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/credence-news/credence/engine/core"
)

// parseJSON reads one object: "text" (or "html") required, "title", "byline",
// "published", "url", "id", "source" optional strings. Other string fields are
// kept as metadata; a known field of the wrong type is an error.
func parseJSON(ctx context.Context, source string, data []byte) (*core.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty input")
	}
	// Each field is decoded in place: a string to its value, anything else
	// to its kind, so a field we do not use is skipped whatever its value
	// (a number too large for a float64, a deep object), and no field's
	// bytes are copied before decoding (the text is most of the input).
	var raw map[string]jsonField
	var strs map[string]*string
	if err := json.Unmarshal(data, &strs); err == nil && strs != nil {
		// Every field a string or null, the common case: decoded without
		// the copy of each field's bytes a custom decoder is handed.
		raw = make(map[string]jsonField, len(strs))
		for k, v := range strs {
			if v == nil {
				raw[k] = jsonField{kind: "null"}
			} else {
				raw[k] = jsonField{str: *v}
			}
		}
	} else if err := json.Unmarshal(data, &raw); err != nil {
		// Unmarshal is three times faster than the stream decoder, which
		// tells a second value apart from a syntax error for the message.
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("malformed JSON: %s", jsonErr(err, data))
		}
		if dec.More() {
			return nil, errors.New("malformed JSON: more than one value (use .jsonl for one object per line)")
		}
		return nil, fmt.Errorf("malformed JSON: %s", jsonErr(err, data))
	}
	if raw == nil {
		return nil, errors.New("malformed JSON: want an object with a \"text\" field")
	}
	str := func(key string) (string, error) {
		v := raw[key]
		if v.kind != "" && v.kind != "null" {
			return "", fmt.Errorf("field %q: want a string, got %s", key, v.kind)
		}
		return v.str, nil
	}
	doc := &core.Document{Source: source, Format: "json"}
	fields := []struct {
		key string
		dst *string
	}{{"id", &doc.ID}, {"title", &doc.Title}, {"byline", &doc.Byline}, {"published", &doc.Published}, {"url", &doc.URL}, {"text", &doc.Text}}
	for _, f := range fields {
		v, err := str(f.key)
		if err != nil {
			return nil, err
		}
		*f.dst = v
	}
	html, err := str("html")
	if err != nil {
		return nil, err
	}
	if doc.Text == "" && html != "" {
		hdoc, err := parseHTML(ctx, source, []byte(html))
		if err != nil {
			return nil, err
		}
		hdoc.ID, hdoc.Format = doc.ID, "json+html"
		for _, f := range []struct{ from, to *string }{{&doc.Title, &hdoc.Title}, {&doc.Byline, &hdoc.Byline}, {&doc.Published, &hdoc.Published}, {&doc.URL, &hdoc.URL}} {
			if *f.from != "" {
				*f.to = *f.from
			}
		}
		doc = hdoc
	} else if err := checkText(doc.Text); err != nil {
		if _, ok := raw["text"]; !ok {
			return nil, errors.New(`missing field "text" (or "html")`)
		}
		return nil, fmt.Errorf("field \"text\": %s", err)
	}
	if s, _ := str("source"); s != "" {
		doc.Meta = map[string]string{"source": s}
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "id", "title", "byline", "published", "url", "text", "html", "source":
			continue
		}
		if v := raw[k]; v.kind == "" {
			if doc.Meta == nil {
				doc.Meta = map[string]string{}
			}
			doc.Meta[k] = v.str
		}
	}
	if doc.ID == "" {
		doc.ID = idFromPath(source)
		if i := strings.LastIndexByte(source, ':'); i > 0 && doc.Format != "json+html" {
			doc.ID = idFromPath(source[:i]) + "-" + source[i+1:]
		}
	}
	if doc.Title == "" {
		doc.Title = firstLine(doc.Prose())
	}
	return doc, nil
}

func jsonErr(err error, data []byte) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("want an object, got %s", excerpt(te.Value, 40))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	return err.Error()
}

// jsonField is one field of an input object: a string's value, or the
// kind of any other value ("null", "a number"…) for the error message.
type jsonField struct {
	str, kind string
}

func (f *jsonField) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &f.str)
	}
	f.kind = jsonKind(b)
	return nil
}

// jsonKind names the type of a raw JSON value by its first byte.
func jsonKind(v []byte) string {
	switch {
	case len(v) == 0:
		return "nothing"
	case string(v) == "null":
		return "null"
	case v[0] == 't' || v[0] == 'f':
		return "a boolean"
	case v[0] == '{':
		return "an object"
	case v[0] == '[':
		return "an array"
	default:
		return "a number"
	}
}

// excerpt caps s at n bytes (on a rune boundary) for an error message: a
// 100 KB value must not be echoed whole.
func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
