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
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
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
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	s := &Server{eng: eng, opt: opt, slots: make(chan struct{}, opt.MaxConcurrent), log: opt.Logger, reg: prometheus.NewRegistry()}
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

// readDocument turns a request body into a Document by its content type.
func readDocument(r *http.Request, body []byte) (*core.Document, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	format := "json"
	switch ct {
	case "text/plain", "text/markdown":
		format = "txt"
		if ct == "text/markdown" {
			format = "md"
		}
	case "text/html":
		format = "html"
	case "application/json", "":
	default:
		return nil, fmt.Errorf("unsupported Content-Type %q (use application/json, text/plain, text/markdown or text/html)", ct)
	}
	return ingest.Parse("request", format, body)
}

func (s *Server) score(check bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		default:
			w.Header().Set("Retry-After", "1")
			problem(w, http.StatusTooManyRequests, "too many requests", fmt.Sprintf("the service is scoring %d articles already; retry shortly", cap(s.slots)))
			return
		}
		s.inflight.Inc()
		defer s.inflight.Dec()
		if s.testHold != nil {
			<-s.testHold
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBytes))
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				problem(w, http.StatusRequestEntityTooLarge, "request too large", fmt.Sprintf("the body is larger than the %d-byte limit", s.opt.MaxBytes))
				return
			}
			problem(w, http.StatusBadRequest, "unreadable body", err.Error())
			return
		}
		doc, err := readDocument(r, body)
		if err != nil {
			problem(w, http.StatusBadRequest, "invalid article", err.Error())
			return
		}
		if s.testPanic {
			panic("test panic")
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		res, err := s.analyze(ctx, doc)
		if errors.Is(err, context.DeadlineExceeded) {
			problem(w, http.StatusServiceUnavailable, "scoring timed out", fmt.Sprintf("the article could not be scored within %s", s.opt.Timeout))
			return
		}
		if err != nil {
			id := w.Header().Get("X-Request-ID")
			s.log.Error("scoring failed", "request_id", id, "error", err.Error())
			problem(w, http.StatusInternalServerError, "internal error", "scoring failed; quote request id "+id+" when reporting it")
			return
		}
		for _, f := range res.Findings {
			s.finds.WithLabelValues(f.Rule).Inc()
		}
		if check && s.opt.Judge != nil {
			v, err := s.opt.Judge(r.URL.Query(), &res)
			if err != nil {
				problem(w, http.StatusBadRequest, "invalid check parameters", err.Error())
				return
			}
			res.Verdict = v
		}
		if strings.Contains(r.URL.RawQuery, "include_text=true") {
			res.Text = doc.Text
		}
		writeJSON(w, http.StatusOK, res)
	})
}

// analyze scores within the context's deadline. Scoring is CPU-bound and
// cannot be interrupted: on timeout the request is answered and the work
// finishes in the background.
func (s *Server) analyze(ctx context.Context, doc *core.Document) (core.Result, error) {
	type out struct {
		res core.Result
		err error
	}
	ch := make(chan out, 1)
	go func() {
		defer func() {
			if rec := recover(); rec != nil {
				ch <- out{err: fmt.Errorf("panic while scoring: %v", rec)}
			}
		}()
		res, err := s.eng.Analyze(doc)
		if err != nil {
			s.log.Warn("scorer reported invalid spans", "error", err.Error())
		}
		ch <- out{res: res}
	}()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-ctx.Done():
		return core.Result{}, ctx.Err()
	}
}
