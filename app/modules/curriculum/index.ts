// The curriculum area's front door for code that also runs in the browser: schemas, labels, types.
export { JOURNAL_MAX_ENTRIES, answerSchemaFor, journalEntrySchemaFor, readAnswer, renderEmailDraft, type JournalEntry } from "./answers";
export { EXERCISE_KINDS, EXERCISE_KIND_LABELS } from "./exercise-defaults";
export { APPLICATION_STATUSES, type ExerciseDefinition, type ExerciseField, type ExerciseKind } from "./exercise-types";
export { addStepSchema, changeKindSchema, createCurriculumSchema, curriculumDetailsSchema, stepChangeSchema } from "./schemas";
export { ROW_LIMITS, editorDefaults, exerciseFromForm, stepEditorSchemaFor } from "./step-editor";
