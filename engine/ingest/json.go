package ingest

import (
	"bytes"
	"errors"
	"fmt"
	json "github.com/goccy/go-json"
	"io"
	"sort"
	"strings"

	"github.com/credence-news/credence/engine/core"
)

// parseJSON reads one object: "text" (or "html") required, "title", "byline",
// "published", "url", "id", "source" optional strings. Other string fields are
// kept as metadata; a known field of the wrong type is an error.
func parseJSON(source string, data []byte) (*core.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty input")
	}
	// One decoding pass into generic values: every string field is needed
	// (unknown ones become metadata), and a known field of another type gets
	// an error naming what it is.
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
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
		switch v := raw[key].(type) {
		case nil:
			return "", nil
		case string:
			return v, nil
		default:
			return "", fmt.Errorf("field %q: want a string, got %s", key, jsonKind(v))
		}
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
		hdoc, err := parseHTML(source, []byte(html))
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
	} else if err := checkText([]byte(doc.Text)); err != nil {
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
		if s, ok := raw[k].(string); ok {
			if doc.Meta == nil {
				doc.Meta = map[string]string{}
			}
			doc.Meta[k] = s
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
		return fmt.Sprintf("want an object, got %s", te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	return err.Error()
}

func jsonKind(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	default:
		return "a number"
	}
}
