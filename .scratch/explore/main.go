package main

import (
	"flag"
	"fmt"

	"losslab/core/train"
)

func main() {
	data := flag.String("data", "overlap", "")
	model := flag.String("model", "linear", "")
	lossID := flag.String("loss", "batch-all", "")
	margin := flag.Float64("margin", 0, "")
	cmp := flag.String("compare", "", "")
	cm := flag.Float64("cm", 1, "")
	norm := flag.Bool("norm", false, "")
	steps := flag.Int("steps", 500, "")
	every := flag.Int("every", 50, "")
	lr := flag.Float64("lr", 0.2, "")
	seed := flag.Uint64("seed", 1, "")
	flag.Parse()
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss, cfg.Margin, cfg.Normalize, cfg.LR, cfg.Seed = train.DataID(*data), train.ModelID(*model), train.LossID(*lossID), *margin, *norm, *lr, *seed
	if *cmp != "" {
		cfg.Compare, cfg.CompareMargin = train.LossID(*cmp), *cm
	}
	d, err := train.Generate(cfg.Data, cfg.Seed)
	if err != nil {
		panic(err)
	}
	tr, err := train.New(cfg, d)
	if err != nil {
		panic(err)
	}
	for s := 0; s <= *steps; s++ {
		if s%*every == 0 {
			ms, err := tr.Metrics()
			if err != nil {
				fmt.Println("err", err)
				return
			}
			for i, m := range ms {
				fmt.Printf("step %4d run %d loss %.4f auc %.4f act %.3f pos %.4f neg %.4f mean %.4f grad %.4f coll %v\n", s, i, m.Loss, m.AUC, m.ActiveFraction, m.MeanPositive, m.MeanNegative, m.MeanDistance, m.GradNorm, m.Collapsed)
			}
		}
		if s < *steps {
			if err := tr.Step(); err != nil {
				fmt.Println("step err", s, err)
				return
			}
		}
	}
}
