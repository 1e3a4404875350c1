import type { ExerciseDefinition, ExerciseKind } from "./exercise-types";

/** How organisers read each kind of exercise. */
export const EXERCISE_KIND_LABELS: Record<ExerciseKind, { label: string; hint: string }> = {
  reflection: { label: "Reflection", hint: "Participants answer one or more questions in their own words." },
  list: { label: "List", hint: "Participants write a few items, such as three strengths with evidence for each." },
  email_draft: {
    label: "Email draft",
    hint: "Participants fill in a few blanks and get a ready email to copy or open in their mail app.",
  },
  application_tracker: { label: "Application tracker", hint: "Participants log the jobs they apply for; the log stays theirs after the cohort." },
  journal: { label: "Journal", hint: "Participants add dated entries over time, such as wins or a weekly check-in." },
  rating_text: { label: "Rating and comment", hint: "Participants choose 1 to 5 and explain in a few words." },
  future_note: { label: "Note to future self", hint: "Participants write a note that is shown back to them when they finish." },
};

export const EXERCISE_KINDS = [
  "reflection",
  "list",
  "email_draft",
  "application_tracker",
  "journal",
  "rating_text",
  "future_note",
] as const satisfies readonly ExerciseKind[];
// Fails to compile when a kind is added to the definitions but not listed above.
const _allKindsListed: Exclude<ExerciseKind, (typeof EXERCISE_KINDS)[number]> extends never ? true : never = true;
void _allKindsListed;

/** A sensible starting exercise of each kind, for a new step or a change of kind. */
export function defaultExercise(kind: ExerciseKind): ExerciseDefinition {
  switch (kind) {
    case "reflection":
      return { kind, intro: "", prompts: [{ key: "answer", label: "What do you take from this step?", hint: "", multiline: true }] };
    case "list":
      return {
        kind,
        intro: "",
        itemLabel: "Item",
        minItems: 1,
        maxItems: 3,
        fields: [{ key: "item", label: "Item", hint: "", multiline: false }],
      };
    case "email_draft":
      return {
        kind,
        intro: "",
        placeholders: [{ key: "name", label: "Their name", hint: "", multiline: false }],
        subjectTemplate: "Thank you",
        bodyTemplate: "Dear {{name}},\n\nThank you for your time.\n\nKind regards",
      };
    case "application_tracker":
      return { kind, intro: "", minEntries: 1 };
    case "journal":
      return { kind, intro: "", entryLabel: "Entry", fields: [{ key: "note", label: "What happened?", hint: "", multiline: true }] };
    case "rating_text":
      return {
        kind,
        intro: "",
        ratingLabel: "How did it go?",
        lowLabel: "Not well",
        highLabel: "Very well",
        textPrompt: { key: "why", label: "Why?", hint: "", multiline: true },
      };
    case "future_note":
      return { kind, intro: "", prompt: { key: "note", label: "Your note to your future self", hint: "", multiline: true } };
  }
}
