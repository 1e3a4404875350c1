import { z } from "zod";
import type { QuestionKind } from "~db/schema";
import { memoized } from "~/utils/memo";

/** What the registration form needs to know about a question (shared by server and page). */
export type FormQuestion = { id: string; label: string; kind: QuestionKind; options: string[]; required: boolean };

export const ANSWER_MAX = 500;

export const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

/** How a stored answer reads to an organiser: "yes" to a yes/no question as "Yes"; other answers as given. */
export function answerLabel(kind: QuestionKind, value: string): string {
  if (kind !== "yes_no") return value;
  return YES_NO_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

function answerSchema(question: FormQuestion): z.ZodType<string | undefined> {
  const missing = question.kind === "text" ? `Answer the question "${question.label}"` : `Choose an answer to "${question.label}"`;
  const allowed = question.kind === "yes_no" ? YES_NO_OPTIONS.map((o) => o.value as string) : question.options;
  const field =
    question.kind === "text"
      ? z
          .string({ error: missing })
          .trim()
          .max(ANSWER_MAX, `Your answer to "${question.label}" is at most ${ANSWER_MAX} characters`)
          .min(question.required ? 1 : 0, missing)
      : z.string({ error: missing }).refine((value) => allowed.includes(value), `Choose one of the answers to "${question.label}"`);
  return question.required ? field : field.optional();
}

/** Questions as a key: the same questions make the same schema. */
export const questionsKey = (questions: readonly FormQuestion[]) => JSON.stringify(questions);

/** The answers part of the registration form: one field per question, `answers.<question id>`. */
export const answersSchema = memoized(questionsKey, (questions: readonly FormQuestion[]) => {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const question of questions) shape[question.id] = answerSchema(question);
  return z.object(shape).prefault({});
});

/** The form a signed-in person sends: their answers. */
export const registerSchema = memoized(questionsKey, (questions: readonly FormQuestion[]) =>
  z.object({ intent: z.literal("register", { error: "Use the form on the event page to register." }), answers: answersSchema(questions) }),
);

/** A person correcting their answers on their ticket page. */
export const correctAnswersSchema = memoized(questionsKey, (questions: readonly FormQuestion[]) =>
  z.object({ intent: z.literal("change-answers"), answers: answersSchema(questions) }),
);

export const ticketActionSchema = z.object({ intent: z.enum(["accept", "cancel"], { error: "Choose what to do" }) });

export const feedbackSchema = z.object({
  rating: z
    .number({ error: "Choose a rating from 1 to 5" })
    .int("Choose a rating from 1 to 5")
    .min(1, "Choose a rating from 1 to 5")
    .max(5, "Choose a rating from 1 to 5"),
  comment: z.string().trim().max(2000, "Your comment is at most 2,000 characters").default(""),
  r: z.string().max(64).optional(),
  t: z.string().max(64).optional(),
});
