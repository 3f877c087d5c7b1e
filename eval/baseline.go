package eval

import (
	"fmt"
	json "github.com/goccy/go-json"
	"math"
	"os"
	"sort"
)

// Baseline is the checked-in floor of every headline metric: a metric may
// not drop below Value − Tolerance (ECE may not rise above Value + Tolerance).
type Baseline struct {
	Metrics map[string]Limit `json:"metrics"`
}

// Limit is one metric's recorded value and allowed drift.
type Limit struct {
	Value     float64 `json:"value"`
	Tolerance float64 `json:"tolerance"`
}

// lowerIsBetter lists metrics where a rise is a regression.
var lowerIsBetter = map[string]bool{"ece": true}

// ReadBaseline loads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var bl Baseline
	if err := json.Unmarshal(b, &bl); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &bl, nil
}

// NewBaseline records the current metrics with a default tolerance.
func NewBaseline(metrics map[string]float64, tolerance float64) *Baseline {
	bl := &Baseline{Metrics: map[string]Limit{}}
	for k, v := range metrics {
		bl.Metrics[k] = Limit{Value: math.Round(v*1000) / 1000, Tolerance: tolerance}
	}
	return bl
}

// Write saves the baseline as indented JSON.
func (bl *Baseline) Write(path string) error {
	b, err := json.MarshalIndent(bl, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// Regressions lists the metrics that fell outside the baseline.
func (bl *Baseline) Regressions(metrics map[string]float64) []string {
	var out []string
	for k, lim := range bl.Metrics {
		v, ok := metrics[k]
		switch {
		case !ok || math.IsNaN(v):
			out = append(out, fmt.Sprintf("%s: no longer measured (baseline %.3f)", k, lim.Value))
		case lowerIsBetter[k] && v > lim.Value+lim.Tolerance:
			out = append(out, fmt.Sprintf("%s rose to %.3f (baseline %.3f + %.3f)", k, v, lim.Value, lim.Tolerance))
		case !lowerIsBetter[k] && v < lim.Value-lim.Tolerance:
			out = append(out, fmt.Sprintf("%s fell to %.3f (baseline %.3f − %.3f)", k, v, lim.Value, lim.Tolerance))
		}
	}
	sort.Strings(out)
	return out
}
