package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/credence-news/credence/engine"
	"github.com/credence-news/credence/engine/core"
)

var (
	once sync.Once
	eng  *engine.Engine
)

func newServer(t *testing.T, opt Options) *Server {
	t.Helper()
	once.Do(func() {
		var err error
		if eng, err = engine.New(engine.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	return New(eng, opt)
}

const article = "Council approves bridge repairs\n\nThe council voted on Tuesday to repair the bridge, a spokesperson said. Critics argue the plan is a disastrous scheme."

func do(t *testing.T, h http.Handler, method, path, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestEndpoints(t *testing.T) {
	judge := func(q map[string][]string, r *core.Result) (*core.Verdict, error) {
		return &core.Verdict{Pass: len(q["fail"]) == 0}, nil
	}
	h := newServer(t, Options{Judge: judge}).Handler()
	body, _ := json.Marshal(map[string]string{"text": article, "title": "Bridge"})
	for _, c := range []struct {
		ctype, body string
	}{{"application/json", string(body)}, {"text/plain", article}, {"text/html", "<html><body><article><p>" + article + "</p></article></body></html>"}} {
		rec := do(t, h, "POST", "/v1/score", c.ctype, c.body)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", c.ctype, rec.Code, rec.Body)
		}
		var res map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res["profile"] == nil || res["findings"] == nil || rec.Header().Get("X-Request-ID") == "" {
			t.Errorf("%s: incomplete response %s", c.ctype, rec.Body)
		}
	}
	rec := do(t, h, "POST", "/v1/check?fail=1", "text/plain", article)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"verdict":{"pass":false}`) {
		t.Errorf("check: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, h, "GET", "/v1/rules", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "factual.title") {
		t.Errorf("rules: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/healthz", "", ""); rec.Code != 200 {
		t.Errorf("healthz: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/metrics", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), `credence_http_requests_total{code="200",route="score"} 3`) {
		t.Errorf("metrics: %d\n%s", rec.Code, rec.Body)
	}
	for _, c := range []struct {
		method, path, ctype, body string
		code                      int
		detail                    string
	}{
		{"POST", "/v1/score", "application/json", "{not json", 400, "malformed JSON"},
		{"POST", "/v1/score", "application/json", `{"text": 5}`, 400, `field \"text\": want a string`},
		{"POST", "/v1/score", "text/plain", "", 400, "empty input"},
		{"POST", "/v1/score", "image/png", "x", 415, "unsupported Content-Type"},
		{"POST", "/v1/score", ";;;", article, 415, "is not a media type"},
		{"POST", "/v1/score?include_text=maybe", "text/plain", article, 400, "include_text"},
		{"POST", "/v1/score?x=%zz", "text/plain", article, 400, "malformed query"},
		{"GET", "/v1/score", "", "", 405, ""},
		{"GET", "/nope", "", "", 404, "no route"},
	} {
		rec := do(t, h, c.method, c.path, c.ctype, c.body)
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.detail) {
			t.Errorf("%s %s %q: %d %s, want %d %q", c.method, c.path, c.body, rec.Code, rec.Body, c.code, c.detail)
		}
	}
}

func TestPanicBecomes500WithRequestID(t *testing.T) {
	var logs bytes.Buffer
	s := newServer(t, Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	s.testPanic = true
	req := httptest.NewRequest("POST", "/v1/score", strings.NewReader(article))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("X-Request-ID", "req-42")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "req-42") {
		t.Errorf("panic: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), `"request_id":"req-42"`) || !strings.Contains(logs.String(), "handler panic") {
		t.Errorf("panic not logged with the request id: %s", logs.String())
	}
}

// TestLoopbackLimits runs the service on a real loopback socket and checks
// the size limit and the 429 when every slot is busy.
func TestLoopbackLimits(t *testing.T) {
	s := newServer(t, Options{MaxBytes: 1024, MaxConcurrent: 1})
	s.testHold = make(chan struct{})
	base := serveLoopback(t, s)
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(body string) (int, string) {
		resp, err := client.Post(base+"/v1/score", "text/plain", strings.NewReader(body))
		if err != nil {
			t.Error(err)
			return 0, ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// Occupy the only slot, then a second request must get 429.
	done := make(chan int)
	go func() { code, _ := post(article); done <- code }()
	deadline := time.Now().Add(5 * time.Second)
	for len(s.slots) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if code, body := post(article); code != 429 || !strings.Contains(body, "too many requests") {
		t.Errorf("saturated: %d %s", code, body)
	}
	close(s.testHold)
	if code := <-done; code != 200 {
		t.Errorf("held request: %d", code)
	}
	if code, body := post(strings.Repeat("word ", 400)); code != 413 || !strings.Contains(body, "1024-byte limit") {
		t.Errorf("oversized: %d %s", code, body)
	}
	if code, _ := post(article); code != 200 {
		t.Errorf("after the limits: %d", code)
	}
}

// serveLoopback serves s on a free loopback port until the test ends and
// returns its base URL.
func serveLoopback(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return "http://" + ln.Addr().String()
}

// TestSlowBodiesTakeNoSlot: clients trickling their bodies hold connections,
// not scoring slots; each gets 408 at the body deadline, and a normal request
// meanwhile is scored (it used to get 429 for as long as they trickled).
func TestSlowBodiesTakeNoSlot(t *testing.T) {
	s := newServer(t, Options{MaxConcurrent: 1, BodyTimeout: 400 * time.Millisecond})
	base := serveLoopback(t, s)
	addr := strings.TrimPrefix(base, "http://")
	answers := make(chan string, 4)
	for range 4 {
		go func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				answers <- err.Error()
				return
			}
			defer c.Close()
			io.WriteString(c, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nab")
			c.SetReadDeadline(time.Now().Add(10 * time.Second))
			line, _ := bufio.NewReader(c).ReadString('\n')
			answers <- line
		}()
	}
	time.Sleep(100 * time.Millisecond) // the slow clients are mid-body
	resp, err := http.Post(base+"/v1/score", "text/plain", strings.NewReader(article))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a normal request while four bodies trickle: %d, want 200", resp.StatusCode)
	}
	for range 4 {
		if a := <-answers; !strings.Contains(a, "408") {
			t.Errorf("slow body answered %q, want 408", a)
		}
	}
}

// TestTimedOutWorkStops: a request past its budget is answered 503, and its
// slot is free again only once the scoring has stopped, which the context
// makes prompt: the next request is served, not refused with 429.
func TestTimedOutWorkStops(t *testing.T) {
	s := newServer(t, Options{MaxConcurrent: 1, Timeout: time.Millisecond, MaxBytes: 8 << 20})
	h := s.Handler()
	big := strings.Repeat("The minister said on Monday that the council, critics argue, approved a disastrous plan costing $4 million. ", 40_000)
	for i := range 5 {
		rec := do(t, h, "POST", "/v1/score", "text/plain", big)
		if rec.Code != 503 {
			t.Fatalf("request %d: %d %s, want 503", i, rec.Code, rec.Body)
		}
		// The handler returned at the deadline; the work stops soon after
		// and gives the slot back.
		deadline := time.Now().Add(10 * time.Second)
		for len(s.slots) > 0 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if len(s.slots) > 0 {
			t.Fatalf("request %d: timed-out work still holds its slot after 10 s", i)
		}
	}
}

// FuzzQuery: any query string is parsed or refused with an error, never
// guessed at: include_text is on only when it parses as true.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{"include_text=true", "xinclude_text=true", "min_score=%zz", "include_text=1&include_text=0", ";;", "a=b&&c"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := parseParams(raw)
		if err != nil {
			return
		}
		v := p.query["include_text"]
		if on, _ := strconv.ParseBool(lastOr(v, "false")); p.includeText != on {
			t.Fatalf("%q: include_text %v, but the parameter says %q", raw, p.includeText, v)
		}
	})
}

func lastOr(v []string, def string) string {
	if len(v) == 0 {
		return def
	}
	return v[len(v)-1]
}
