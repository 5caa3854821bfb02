package train_test

import (
	"fmt"

	"losslab/core/train"
	"losslab/internal/numfmt"
)

// Contrastive loss with a margin separates the four blobs from noise; the
// same run without a margin collapses the overlapping classes' linear map.
func Example() {
	cfg := train.NewConfig() // blobs, free model, contrastive, margin 1
	data, _ := train.Generate(cfg.Data, cfg.Seed)
	tr, _ := train.New(cfg, data)
	start, _ := tr.Metrics()
	for range 300 {
		_ = tr.Step()
	}
	end, _ := tr.Metrics()
	fmt.Println("AUC", numfmt.Loss(start[0].AUC), "→", numfmt.Loss(end[0].AUC))

	cfg.Data, cfg.Model, cfg.Margin = train.Overlap, train.Linear, 0
	data, _ = train.Generate(cfg.Data, cfg.Seed)
	tr, _ = train.New(cfg, data)
	for range 100 {
		_ = tr.Step()
	}
	ms, _ := tr.Metrics()
	fmt.Println("margin 0 collapsed:", ms[0].Collapsed)
	// Output:
	// AUC 0.4949 → 1.0000
	// margin 0 collapsed: true
}
