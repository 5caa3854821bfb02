package scenarios_test

import (
	"fmt"
	"time"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/scenarios"
)

// A session records the start, each change and a preset switch; what it
// encodes loads back to the same states.
func ExampleSession() {
	s := scenarios.NewSession(grid.Article(), "blog-case-1")
	_ = s.Record(grid.Article().WithValue(grid.DAP, 60), "the positive comes closer")
	_ = s.RecordPresetSwitch("collapse", scenarios.Preset("collapse").Start)
	sc := s.Scenario(i18n.New(i18n.English), time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC))
	fmt.Print(string(scenarios.Encode(sc)))
	back, err := scenarios.Parse("session.toml", scenarios.Encode(sc))
	fmt.Println(err, back.Len(), back.StateAt(2) == scenarios.Preset("collapse").Start)
	// Output:
	// name = "session-20260314-150926"
	// title = "Recorded session (started from the preset blog-case-1)"
	// description = "Recorded with losslab on 2026-03-14 15:09."
	//
	// [start]
	// dap = 0.7
	// dan = 0.5
	// margin = 0.2
	// y_ap = "same"
	// y_an = "different"
	//
	// [[step]]
	// dap = 0.6
	// note = "the positive comes closer"
	//
	// [[step]]
	// dap = 0.8
	// dan = 1.2
	// margin = 0.2
	// y_ap = "same"
	// y_an = "different"
	// note = "Switched to the preset collapse: every value set to its start."
	// <nil> 3 true
}

// Errors name the file and line; shapes the format does not use are refused
// before the TOML decoder sees them.
func ExampleParse() {
	_, err := scenarios.Parse("mine.toml", []byte("name = \"mine\"\ntitle = \"t\"\nstart.dap = 0.7\n"))
	fmt.Println(err)
	// Output:
	// mine.toml:3: dotted keys are not part of the scenario format: write start.dap as a plain key under its table header
}
