package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
	"github.com/credence-news/credence/engine/server"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (loopback by default)")
	maxBytes := fs.Int64("max-bytes", 4<<20, "largest request body, in bytes")
	concurrent := fs.Int("max-concurrent", 2*runtime.NumCPU(), "scoring requests in flight before answering 429")
	timeout := fs.Duration("timeout", 10*time.Second, "scoring budget per request")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: credence serve [flags]\n\nServes POST /v1/score, POST /v1/check, GET /v1/rules, GET /healthz and GET /metrics.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if *maxBytes <= 0 || *concurrent <= 0 || *timeout <= 0 {
		fmt.Fprintf(stderr, "credence serve: --max-bytes (%d), --max-concurrent (%d) and --timeout (%s) must be positive\n", *maxBytes, *concurrent, *timeout)
		return 2
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "credence serve:", err)
		return 2
	}
	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	srv := server.New(eng, server.Options{MaxBytes: *maxBytes, MaxConcurrent: *concurrent, Timeout: *timeout, Logger: logger, Judge: judgeQuery})
	hs := &http.Server{Addr: *addr, Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: *timeout + 30*time.Second, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.ListenAndServe() }()
	logger.Info("listening", "addr", *addr)
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "credence serve:", err)
		return 2
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), *timeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		fmt.Fprintln(stderr, "credence serve: shutdown:", err)
		return 1
	}
	return 0
}

// judgeQuery applies the check thresholds given as query parameters
// (min_score, fail_on, max_severity, fail_band), with the CLI's defaults.
func judgeQuery(q map[string][]string, r *core.Result) (*core.Verdict, error) {
	get := func(k string) (string, bool) {
		v, ok := q[k]
		if !ok || len(v) == 0 {
			return "", false
		}
		return strings.Join(v, ","), true
	}
	f := scoreFlags{failBands: "low,unscorable"}
	if v, ok := get("min_score"); ok {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || !(n >= 0 && n <= 100) { // NaN fails every comparison
			return nil, fmt.Errorf("min_score %q: want a number from 0 to 100", v)
		}
		f.minScore = n
	}
	f.failOn, _ = get("fail_on")
	f.maxSeverity, _ = get("max_severity")
	if v, ok := get("fail_band"); ok {
		f.failBands = v
	}
	p, err := newCheckPolicy(f)
	if err != nil {
		return nil, err
	}
	return p.judge(r), nil
}
