package i18n

// Messages of training's label noise (issue 19, lesson 13).
const (
	TrainFlagLabelNoise ID = "train.flag.label-noise"
	// TrainLabelNoise is the setting: the share of training labels wrong.
	TrainLabelNoise ID = "train.label-noise" // share (a percentage)
	// TrainLabelNoiseLine is the headless summary's line.
	TrainLabelNoiseLine ID = "train.label-noise.line" // points wrong, training points, share
	// TrainNoteLabelNoise is the note under the panes, and its short form.
	TrainNoteLabelNoise      ID = "train.note.label-noise"       // points wrong, training points, share
	TrainNoteLabelNoiseShort ID = "train.note.label-noise.short" // share
)

var trainNoiseEN = map[ID]string{
	TrainFlagLabelNoise:      "share of the training points, 0 to 0.5, whose label the loss and the mini-batches see wrong (each given another class, seeded); every figure and colour uses the true labels",
	TrainLabelNoise:          "%s of training labels wrong",
	TrainLabelNoiseLine:      "label noise: %s of %s training labels wrong (%s); the figures use the true labels",
	TrainNoteLabelNoise:      "%s of the %s training labels are wrong (%s): the loss and the batches see the wrong ones, while the figures, histograms and colours use the true labels.",
	TrainNoteLabelNoiseShort: "%s of training labels wrong; the figures use the true ones.",
}
