package i18n

// Messages of the course's answering of mistakes, mastery and navigation.
const (
	LearnRetry            ID = "course.retry"              // %s: what was said
	LearnRetryChoice      ID = "course.retry-choice"       // %s: the choice picked
	LearnRetryHint        ID = "course.retry-hint"         //
	LearnRetryHintChoice  ID = "course.retry-hint-choice"  //
	LearnRetrySame        ID = "course.retry-same"         // %s: the first wrong answer, as typed
	LearnRetrySameChoice  ID = "course.retry-same-choice"  //
	LearnHintTwoChoices   ID = "course.hint-two-choices"   // a question of two choices: one try
	LearnRightRetry       ID = "course.right-retry"        // %s: the answer
	LearnRightRetryChoice ID = "course.right-retry-choice" // %s: the right choice
	LearnListScore        ID = "course.list-score"         // %d right, %d questions
	LearnReopenTitle      ID = "course.reopen-title"       // %s: the lesson's title
	LearnReopenStart      ID = "course.reopen-start"       //
	LearnReopenResume     ID = "course.reopen-resume"      // %d step, %d steps
	LearnReopenMissed     ID = "course.reopen-missed"      // %d: questions missed
	LearnReopenHint       ID = "course.reopen-hint"        //
	LearnReviewing        ID = "course.reviewing"          // %d question, %d questions missed
	LearnLessonScore      ID = "course.lesson-score"       // %d right, %d questions
	LearnLessonMissed     ID = "course.lesson-missed"      //
	LearnTrainRun         ID = "course.train-run"          // %s: the settings
	LearnTrainRuns        ID = "course.train-runs"         // %s, %s: the two runs
	LearnTrainHoldout     ID = "course.train-holdout"      // %s: the share of each class
	LearnTrainHeldClasses ID = "course.train-held-classes" // %d: whole classes (at least 2)
	LearnTrainHoldNone    ID = "course.train-hold-none"    //
	LearnTrainOpensAt     ID = "course.train-opens-at"     // %d: the step the run opens at
	LearnKeyRetryMissed   ID = "course.key.retry-missed"   //
	// lessons --json with a progress file it cannot read.
	CLILessonsProgressUnreadable ID = "course.cli.progress-unreadable" // %v: the error
)

var courseEN = map[ID]string{
	LearnRetry:                   "✗ Not %s.",
	LearnRetryChoice:             "✗ Not %s.",
	LearnRetryHint:               "One more try: type another answer and press enter, or press tab to see the answer.",
	LearnRetryHintChoice:         "One more try: pick another choice and press enter, or press tab to see the answer.",
	LearnRetrySame:               "That is your first answer, %s, again: type another one.",
	LearnRetrySameChoice:         "That is your first answer again: pick another choice.",
	LearnHintTwoChoices:          "Pick with ↑/↓ or a digit and press enter, or press tab to skip. Two choices, one try: a wrong pick shows the answer.",
	LearnRightRetry:              "✓ Right on the second try: %s.",
	LearnRightRetryChoice:        "✓ Right on the second try: %s.",
	LearnListScore:               "%d/%d right",
	LearnReopenTitle:             "You have finished %s. Open it:",
	LearnReopenStart:             "from the start",
	LearnReopenResume:            "at step %d/%d, where you left it",
	LearnReopenMissed:            "at the questions you missed (%d), to retry them",
	LearnReopenHint:              "↑/↓ or a digit picks, enter opens, esc goes back to the list.",
	LearnReviewing:               "retrying %d/%d",
	LearnLessonScore:             "This lesson: %d of %d questions right.",
	LearnLessonMissed:            "Press r to retry the questions you missed.",
	LearnTrainRun:                "training run · %s",
	LearnTrainRuns:               "%s | %s",
	LearnTrainHoldout:            "%s of each class held out",
	LearnTrainHeldClasses:        "%d whole classes held out",
	LearnTrainHoldNone:           "nothing held out",
	LearnTrainOpensAt:            "opens at step %d",
	LearnKeyRetryMissed:          "retry missed",
	CLILessonsProgressUnreadable: "could not read your progress (%v): every lesson is reported as not started",
}
