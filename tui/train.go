package tui

import (
	"io"

	"losslab/core/train"
)

// TrainOptions configure the training mode.
type TrainOptions struct {
	Color bool
}

// RunTrain runs the training mode in its own program until the user quits.
func RunTrain(tr *train.Trainer, opts TrainOptions, in io.Reader, out io.Writer) error {
	return nil
}
