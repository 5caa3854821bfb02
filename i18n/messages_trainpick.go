package i18n

// Messages of the training mode's picker: the menus of data sets, models,
// losses, the loss compared and InfoNCE's similarity (issue 18 item 11).
const (
	TrainKeyPick       ID = "train.key.pick"       // the keys that open the picker
	TrainKeyShortPick  ID = "train.key.short.pick" // the same, in the key bar
	TrainKeySimilarity ID = "train.key.similarity" // cycles InfoNCE's similarity
	TrainKeyPickMove   ID = "train.key.pick-move"
	TrainKeyPickList   ID = "train.key.pick-list"
	TrainKeyPickTake   ID = "train.key.pick-take"
	TrainKeyPickClose  ID = "train.key.pick-close"

	TrainPickTitle      ID = "train.pick.title"
	TrainPickData       ID = "train.pick.data"
	TrainPickModel      ID = "train.pick.model"
	TrainPickLoss       ID = "train.pick.loss"
	TrainPickCompare    ID = "train.pick.compare"
	TrainPickSimilarity ID = "train.pick.similarity"
	TrainPickNoise      ID = "train.pick.noise"
	TrainPickNoiseNone  ID = "train.pick.noise.none"
	TrainPickNow        ID = "train.pick.now" // the legend of the mark of the setting now
	TrainPickOff        ID = "train.pick.compare-off"
	TrainPickSame       ID = "train.pick.compare-same"   // the run's own loss
	TrainPickFile       ID = "train.pick.file"           // the file's name
	TrainPickFewClasses ID = "train.pick.few-classes"    // classes held out, classes that must train
	TrainNoOtherData    ID = "train.pick.no-other-data"  // classes held out, classes that must train
	TrainPickModelFree  ID = "train.pick.model.free"     // the model's ID
	TrainPickModelLin   ID = "train.pick.model.linear"   // the model's ID
	TrainPickModelMLP   ID = "train.pick.model.mlp"      // the model's ID, the hidden layer's width
	TrainPickDataShape  ID = "train.pick.data.shape"     // the data set's name, classes, points, inputs
	TrainPickSimCosine  ID = "train.pick.similarity.cos" // the flag's value
	TrainPickSimNegDist ID = "train.pick.similarity.neg" // the flag's value
)

var trainPickEN = map[ID]string{
	TrainKeyPick:       "pick from a list",
	TrainKeyShortPick:  "choose",
	TrainKeySimilarity: "InfoNCE: cosine / −d",
	TrainKeyPickMove:   "move",
	TrainKeyPickList:   "another list",
	TrainKeyPickTake:   "take it",
	TrainKeyPickClose:  "close, no change",

	TrainPickTitle:      "choose: ↑/↓ ←/→ enter · esc closes",
	TrainPickData:       "data set",
	TrainPickModel:      "model",
	TrainPickLoss:       "loss",
	TrainPickCompare:    "compare with",
	TrainPickSimilarity: "InfoNCE similarity",
	TrainPickNoise:      "label noise",
	TrainPickNoiseNone:  "none: every training label right",
	TrainPickNow:        "● now",
	TrainPickOff:        "off: one run",
	TrainPickSame:       "%s, again: compare two margins",
	TrainPickFile:       "file %s",
	TrainPickFewClasses: "too few classes to hold out %s and keep %s training",
	TrainNoOtherData:    "d: no other data set has classes enough to hold out %s and keep %s training (D lists them)",
	TrainPickModelFree:  "%s: an embedding per point, reads no input",
	TrainPickModelLin:   "%s: one shared linear map",
	TrainPickModelMLP:   "%s: one shared map, a hidden layer of %s",
	TrainPickDataShape:  "%s: %s classes, %s points in %s-D",
	TrainPickSimCosine:  "%s: cosine of unit-length embeddings",
	TrainPickSimNegDist: "%s: s = −d, the raw distance",

	// The objectives core/train adds from the loss registry (TrainLossName).
	"train.loss-name.hinge-contrastive": "hinge-contrastive",
	"train.loss-name.squared-triplet":   "squared-triplet",
	"train.loss-name.multi-similarity":  "multi-similarity",
}
