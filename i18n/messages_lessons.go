package i18n

// Messages of the guided course: lesson file errors, the learn mode, the
// conventions panel and the learn and lessons commands.
const (
	// Lesson keys in a scenario file.
	LessonArrayOneLine     ID = "lesson.array-one-line"     // %s: the key
	LessonArrayStrings     ID = "lesson.array-strings"      // %s: the key
	LessonArrayTooLong     ID = "lesson.array-too-long"     // %s: the key, %d: the limit
	LessonCoverNotSlug     ID = "lesson.cover-not-slug"     // %q: the value
	LessonUnknownMode      ID = "lesson.unknown-mode"       // %q: the value
	LessonDemoWithoutBatch ID = "lesson.demo-without-batch" //
	LessonUnknownDemo      ID = "lesson.unknown-demo"       // %q: the value, %s: the demos
	LessonNeedsQuestion    ID = "lesson.needs-question"     // %s: the key
	LessonQuestionAndMode  ID = "lesson.question-and-mode"  //
	LessonNeedsExplain     ID = "lesson.needs-explain"      //
	LessonNeedsAnswer      ID = "lesson.needs-answer"       //
	LessonChoicesCount     ID = "lesson.choices-count"      // %d: the limit
	LessonChoiceTwice      ID = "lesson.choice-twice"       // %s: the choice
	LessonToleranceChoice  ID = "lesson.tolerance-choice"   //
	LessonAnswerChoice     ID = "lesson.answer-choice"      // %s: the choices
	LessonAnswerNumber     ID = "lesson.answer-number"      //
	LessonBadTolerance     ID = "lesson.bad-tolerance"      //
)

var lessonsEN = map[ID]string{
	LessonArrayOneLine:     "%s is an array of strings written on one line: [\"a\", \"b\"]",
	LessonArrayStrings:     "%s must be an array of strings: [\"a\", \"b\"]",
	LessonArrayTooLong:     "%s has more than %d items",
	LessonCoverNotSlug:     "covers %q is not a slug: use lower-case letters, digits and single '-' (e.g. why-margin)",
	LessonUnknownMode:      "mode = %q: want \"playground\" or \"batch\"",
	LessonDemoWithoutBatch: "demo is only read with mode = \"batch\"",
	LessonUnknownDemo:      "demo = %q: want one of %s",
	LessonNeedsQuestion:    "%s belongs to a question: give question = \"…\" in the same step",
	LessonQuestionAndMode:  "a step either asks a question or opens a mode, not both",
	LessonNeedsExplain:     "a question needs explain = \"…\": the explanation shown after the answer",
	LessonNeedsAnswer:      "a question needs answer = a number, or one of its choices",
	LessonChoicesCount:     "choices must list 2 to %d strings",
	LessonChoiceTwice:      "the choice %q is given twice",
	LessonToleranceChoice:  "tolerance is for number answers, not for choices",
	LessonAnswerChoice:     "answer must be one of the choices: %s",
	LessonAnswerNumber:     "answer must be a number (or give choices and pick one of them)",
	LessonBadTolerance:     "tolerance must be a number above 0 and at most 1",
}
