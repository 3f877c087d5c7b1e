package server

import (
	"io"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad sends a fixed number of requests over loopback at concurrency 1,
// 8 and 64, logs p50/p99 latency and errors, and checks that goroutines and
// heap do not grow across the run. CREDENCE_LOAD_REQUESTS sets the count per
// level (default 600; the figures in bench/RESULTS.md use 10000).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	n := 600
	if v, err := strconv.Atoi(os.Getenv("CREDENCE_LOAD_REQUESTS")); err == nil && v > 0 {
		n = v
	}
	s := newServer(t, Options{MaxConcurrent: 16})
	url := serveLoopback(t, s) + "/v1/score"
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 128}}
	body := strings.Repeat(article+" ", 8)

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	run := func(concurrency, total int) (lat []time.Duration, errs, rejected int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		next := make(chan struct{}, total)
		for range total {
			next <- struct{}{}
		}
		close(next)
		for range concurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range next {
					start := time.Now()
					resp, err := client.Post(url, "text/plain", strings.NewReader(body))
					d := time.Since(start)
					mu.Lock()
					switch {
					case err != nil:
						errs++
					case resp.StatusCode == http.StatusTooManyRequests:
						rejected++
					case resp.StatusCode != 200:
						errs++
					default:
						lat = append(lat, d)
					}
					mu.Unlock()
					if resp != nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
				}
			}()
		}
		wg.Wait()
		return
	}
	run(4, 50) // warm up caches and connections
	g0, h0 := runtime.NumGoroutine(), heap()
	for _, c := range []int{1, 8, 64} {
		lat, errs, rejected := run(c, n)
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		q := func(p float64) time.Duration {
			if len(lat) == 0 {
				return 0
			}
			return lat[min(len(lat)-1, int(p*float64(len(lat))))]
		}
		t.Logf("concurrency %2d: %d requests, p50 %v, p99 %v, errors %d, rejected (429) %d", c, n, q(0.50).Round(10*time.Microsecond), q(0.99).Round(10*time.Microsecond), errs, rejected)
		if errs > 0 {
			t.Errorf("concurrency %d: %d errors", c, errs)
		}
	}
	client.CloseIdleConnections()
	time.Sleep(200 * time.Millisecond)
	g1, h1 := runtime.NumGoroutine(), heap()
	t.Logf("goroutines %d → %d, heap in use %.1f MB → %.1f MB", g0, g1, float64(h0)/1e6, float64(h1)/1e6)
	if g1 > g0+10 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if h1 > h0+64<<20 {
		t.Errorf("heap grew from %d to %d bytes", h0, h1)
	}
}
