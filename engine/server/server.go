// Package server is Credence's HTTP service for content-management systems:
// POST /v1/score and /v1/check take an article (JSON as in ingestion,
// text/plain, or text/html) and answer with the JSON result; GET /v1/rules,
// /healthz and /metrics describe the service. Requests are size-limited,
// concurrency is bounded (429 when saturated), errors are JSON problem
// objects, and a panic in a handler becomes a 500 with the request id logged.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	json "github.com/goccy/go-json"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/ingest"
)

// Options configure the service.
type Options struct {
	MaxBytes      int64         // largest request body (default 4 MiB)
	MaxConcurrent int           // scoring requests in flight before 429 (default 2× cores)
	Timeout       time.Duration // per-request scoring budget (default 10 s)
	BodyTimeout   time.Duration // time to receive a request body (default 10 s); 408 past it
	Logger        *slog.Logger
	// Judge decides a /v1/check verdict from the request's query parameters.
	Judge func(q map[string][]string, r *core.Result) (*core.Verdict, error)
}

// Server handles the HTTP API. The engine (lexicons, knowledge base) is
// built once and shared by every request.
type Server struct {
	eng      *engine.Engine
	opt      Options
	slots    chan struct{}
	reading  chan struct{} // bodies being received
	log      *slog.Logger
	reg      *prometheus.Registry
	reqs     *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	finds    *prometheus.CounterVec
	inflight prometheus.Gauge
	// testPanic makes /v1/score panic and testHold makes it wait while
	// holding its slot: hooks for the recovery and saturation tests.
	testPanic bool
	testHold  chan struct{}
}

// New builds a server around an engine.
func New(eng *engine.Engine, opt Options) *Server {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 4 << 20
	}
	if opt.MaxConcurrent <= 0 {
		opt.MaxConcurrent = 8
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.BodyTimeout <= 0 {
		opt.BodyTimeout = 10 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	s := &Server{eng: eng, opt: opt, slots: make(chan struct{}, opt.MaxConcurrent), reading: make(chan struct{}, 8*opt.MaxConcurrent), log: opt.Logger, reg: prometheus.NewRegistry()}
	s.reqs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credence_http_requests_total", Help: "HTTP requests by route and status code."}, []string{"route", "code"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "credence_http_request_seconds", Help: "HTTP request latency by route.", Buckets: prometheus.DefBuckets}, []string{"route"})
	s.finds = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credence_findings_total", Help: "Findings reported, by rule."}, []string{"rule"})
	s.inflight = prometheus.NewGauge(prometheus.GaugeOpts{Name: "credence_requests_in_flight", Help: "Scoring requests being served."})
	s.reg.MustRegister(s.reqs, s.latency, s.finds, s.inflight, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return s
}

// Handler returns the service's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/score", s.wrap("score", s.score(false)))
	mux.Handle("POST /v1/check", s.wrap("check", s.score(true)))
	mux.Handle("GET /v1/rules", s.wrap("rules", http.HandlerFunc(s.rules)))
	mux.Handle("GET /healthz", s.wrap("healthz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})))
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}))
	allowed := map[string]string{"/v1/score": "POST", "/v1/check": "POST", "/v1/rules": "GET", "/healthz": "GET", "/metrics": "GET"}
	mux.Handle("/", s.wrap("other", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if m, ok := allowed[r.URL.Path]; ok {
			w.Header().Set("Allow", m)
			problem(w, http.StatusMethodNotAllowed, "method not allowed", fmt.Sprintf("%s takes %s, not %s", r.URL.Path, m, r.Method))
			return
		}
		problem(w, http.StatusNotFound, "not found", fmt.Sprintf("no route for %s %s (see GET /v1/rules, POST /v1/score, POST /v1/check)", r.Method, r.URL.Path))
	})))
	return mux
}

// Problem is an RFC 9457 problem object.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

func problem(w http.ResponseWriter, status int, title, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Problem{Type: "about:blank", Title: title, Status: status, Detail: detail})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(c int) {
	if w.code == 0 {
		w.code = c
	}
	w.ResponseWriter.WriteHeader(c)
}

// Unwrap lets http.ResponseController reach the connection (read deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); id != "" && len(id) <= 64 {
		return id
	}
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// wrap adds the request id, logging, metrics and panic recovery.
func (s *Server) wrap(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := requestID(r)
		w.Header().Set("X-Request-ID", id)
		sw := &statusWriter{ResponseWriter: w}
		start := time.Now()
		defer func() {
			if rec := recover(); rec != nil {
				s.log.Error("handler panic", "request_id", id, "route", route, "panic", fmt.Sprint(rec))
				if sw.code == 0 {
					problem(sw, http.StatusInternalServerError, "internal error", "the request failed; quote request id "+id+" when reporting it")
				}
			}
			code := sw.code
			if code == 0 {
				code = http.StatusOK
			}
			s.reqs.WithLabelValues(route, strconv.Itoa(code)).Inc()
			s.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
			s.log.Info("request", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", code, "duration_ms", time.Since(start).Milliseconds())
		}()
		h.ServeHTTP(sw, r)
	})
}

func (s *Server) rules(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, engine.Rules())
}

// mediaFormat maps a Content-Type to an ingest format; empty means JSON.
func mediaFormat(contentType string) (string, error) {
	if contentType == "" {
		return "json", nil
	}
	ct, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("Content-Type %q is not a media type: %v", excerpt(contentType), err)
	}
	switch ct {
	case "text/plain":
		return "txt", nil
	case "text/markdown":
		return "md", nil
	case "text/html":
		return "html", nil
	case "application/json":
		return "json", nil
	}
	return "", fmt.Errorf("unsupported Content-Type %q (use application/json, text/plain, text/markdown or text/html)", excerpt(ct))
}

// scoreParams are a scoring request's query parameters, parsed as
// parameters: a malformed query is the caller's error, not something to guess at.
type scoreParams struct {
	query       url.Values
	includeText bool
}

func parseParams(raw string) (scoreParams, error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return scoreParams{}, fmt.Errorf("malformed query: %v", err)
	}
	p := scoreParams{query: q}
	if v := q["include_text"]; len(v) > 0 {
		if p.includeText, err = strconv.ParseBool(v[len(v)-1]); err != nil {
			return scoreParams{}, fmt.Errorf("include_text %q: want true or false", excerpt(v[len(v)-1]))
		}
	}
	return p, nil
}

func (s *Server) score(check bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		params, err := parseParams(r.URL.RawQuery)
		if err != nil {
			problem(w, http.StatusBadRequest, "invalid query", err.Error())
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "" {
			if _, err := mediaFormat(ct); err != nil {
				problem(w, http.StatusUnsupportedMediaType, "unsupported media type", err.Error())
				return
			}
		}
		// The body is read, under its own deadline, before a scoring slot is
		// taken: a client trickling its body holds a connection, never a slot.
		// Bodies being read are bounded too (memory: each up to MaxBytes),
		// by a pool several times larger than the slots.
		select {
		case s.reading <- struct{}{}:
		default:
			w.Header().Set("Retry-After", "1")
			problem(w, http.StatusTooManyRequests, "too many requests", fmt.Sprintf("the service is receiving %d articles already; retry shortly", cap(s.reading)))
			return
		}
		body, status, err := s.readBody(w, r)
		<-s.reading
		if err != nil {
			problem(w, status, http.StatusText(status), err.Error())
			return
		}
		select {
		case s.slots <- struct{}{}:
		default:
			w.Header().Set("Retry-After", "1")
			problem(w, http.StatusTooManyRequests, "too many requests", fmt.Sprintf("the service is scoring %d articles already; retry shortly", cap(s.slots)))
			return
		}
		s.inflight.Inc()
		if s.testHold != nil {
			<-s.testHold
		}
		if s.testPanic {
			<-s.slots
			s.inflight.Dec()
			panic("test panic")
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		res, doc, err := s.analyze(ctx, r.Header.Get("Content-Type"), body)
		var inputErr *ingest.InputError
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			problem(w, http.StatusServiceUnavailable, "scoring timed out", fmt.Sprintf("the article could not be scored within %s", s.opt.Timeout))
			return
		case errors.Is(err, context.Canceled):
			return // the client went away
		case errors.As(err, &inputErr):
			problem(w, http.StatusBadRequest, "invalid article", inputErr.Msg)
			return
		case err != nil:
			id := w.Header().Get("X-Request-ID")
			s.log.Error("scoring failed", "request_id", id, "error", err.Error())
			problem(w, http.StatusInternalServerError, "internal error", "scoring failed; quote request id "+id+" when reporting it")
			return
		}
		for _, f := range res.Findings {
			s.finds.WithLabelValues(f.Rule).Inc()
		}
		if check && s.opt.Judge != nil {
			v, err := s.opt.Judge(params.query, &res)
			if err != nil {
				problem(w, http.StatusBadRequest, "invalid check parameters", err.Error())
				return
			}
			res.Verdict = v
		}
		if params.includeText {
			res.Text = doc.Text
		}
		writeJSON(w, http.StatusOK, res)
	})
}

// readBody reads the request body within the size limit and the body
// deadline. It returns the status to answer with when it fails.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, int, error) {
	rc := http.NewResponseController(w)
	deadline := rc.SetReadDeadline(time.Now().Add(s.opt.BodyTimeout)) == nil
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBytes))
	if err == nil {
		if deadline {
			rc.SetReadDeadline(time.Time{})
		}
		return body, 0, nil
	}
	// The rest of a failed body is not read (the server would otherwise
	// wait for it before answering): the connection closes after the answer.
	w.Header().Set("Connection", "close")
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("the body is larger than the %d-byte limit", s.opt.MaxBytes)
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, http.StatusRequestTimeout, fmt.Errorf("the body did not arrive within %s", s.opt.BodyTimeout)
	}
	return nil, http.StatusBadRequest, fmt.Errorf("unreadable body: %v", err)
}

// analyze reads and scores a body within the context's deadline. The work
// runs on its own goroutine so a panic costs one request; it stops at the
// deadline (ingest and the engine check the context), and the scoring slot is
// released only when it has really stopped, so timed-out work never piles up
// beyond the slots.
func (s *Server) analyze(ctx context.Context, contentType string, body []byte) (core.Result, *core.Document, error) {
	type out struct {
		res core.Result
		doc *core.Document
		err error
	}
	ch := make(chan out, 1)
	go func() {
		defer func() {
			<-s.slots
			s.inflight.Dec()
		}()
		defer func() {
			if rec := recover(); rec != nil {
				ch <- out{err: fmt.Errorf("panic while scoring: %v", rec)}
			}
		}()
		format, err := mediaFormat(contentType)
		if err != nil {
			ch <- out{err: &ingest.InputError{Source: "request", Msg: err.Error()}}
			return
		}
		doc, err := ingest.ParseContext(ctx, "request", format, body)
		if err != nil {
			if ctx.Err() != nil {
				ch <- out{err: ctx.Err()}
				return
			}
			ch <- out{err: &ingest.InputError{Source: "request", Msg: err.Error()}}
			return
		}
		res, err := s.eng.AnalyzeContext(ctx, doc)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("scorer reported invalid spans", "error", err.Error())
			err = nil
		}
		ch <- out{res: res, doc: doc, err: err}
	}()
	select {
	case o := <-ch:
		return o.res, o.doc, o.err
	case <-ctx.Done():
		return core.Result{}, nil, ctx.Err()
	}
}

// excerpt caps a client-supplied value quoted in an error.
func excerpt(s string) string {
	if len(s) > 60 {
		return strings.ToValidUTF8(s[:60], "") + "…"
	}
	return s
}
