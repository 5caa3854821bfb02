package i18n

// Messages of lesson steps that open the training mode (mode = "train" and
// its train_* keys).
const (
	LessonTrainWithoutTrain  ID = "lessontrain.without-train"  // %s: the key
	LessonTrainUnknown       ID = "lessontrain.unknown"        // %s: the key, %q: the value, %s: the known IDs
	LessonTrainInteger       ID = "lessontrain.integer"        // %s: the key
	LessonBool               ID = "lessontrain.bool"           // %s: the key (train_normalize, show_state), %s: the type found
	LessonTrainCompareMargin ID = "lessontrain.compare-margin" //
	LessonTrainInvalid       ID = "lessontrain.invalid"        // %s: core/train's reason
	LearnExploreTrain        ID = "lessontrain.explore"        //
)

var lessonTrainEN = map[ID]string{
	LessonTrainWithoutTrain:  "%s is only read with mode = \"train\"",
	LessonTrainUnknown:       "%s = %q: want one of %s",
	LessonTrainInteger:       "%s must be a whole number",
	LessonBool:               "%s must be true or false, not %s",
	LessonTrainCompareMargin: "train_compare_margin needs train_compare = \"LOSS\" in the same step",
	LessonTrainInvalid:       "the training settings are not valid: %s",
	LearnExploreTrain:        "Press e to open the training mode on these settings, then space to play; esc there brings you back here.",
}
