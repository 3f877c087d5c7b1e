package engine

import (
	"fmt"
	"time"

	"github.com/credence-news/credence/engine/core"
)

// CheckEventExamples runs the knowledge base's event examples (each
// event's flag and pass sentences) through the engine: in a text dated 60
// days before the event a flag sentence must raise factual.date and a pass
// sentence must not; dated 60 days after, a flag sentence must not either.
// It returns how many examples ran and what failed.
func (e *Engine) CheckEventExamples() (checked int, errs []error) {
	run := func(id string, date time.Time, sentence string, want bool) {
		checked++
		text := "Report\n\nBy A Writer\n\nLONDON, " + date.Format("January 2, 2006") + " — " + sentence + "\n"
		res, err := e.Analyze(&core.Document{ID: id, Source: "event " + id, Text: text, Format: "txt"})
		if err != nil {
			errs = append(errs, fmt.Errorf("event %s: %v", id, err))
			return
		}
		got := false
		for _, f := range res.Findings {
			got = got || f.Rule == "factual.date"
		}
		if got != want {
			verb := "raises"
			if !got {
				verb = "does not raise"
			}
			errs = append(errs, fmt.Errorf("event %s: %q, dated %s, %s factual.date", id, sentence, date.Format("2006-01-02"), verb))
		}
	}
	for _, ev := range e.data.KB.Events {
		before, after := ev.Date.AddDate(0, 0, -60), ev.Date.AddDate(0, 0, 60)
		for _, s := range ev.Flag {
			run(ev.ID, before, s, true)
			run(ev.ID, after, s, false)
		}
		for _, s := range ev.Pass {
			run(ev.ID, before, s, false)
		}
	}
	return checked, errs
}
