import { z } from "zod";
import type { ApplicationStatus } from "~db/schema";

// The kinds of exercise a curriculum step can carry, as organisers define them.
// Stored as JSON on the step; answers are validated against the definition.

const text = z.string().trim().min(1).max(500);

const field = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: text,
  hint: z.string().trim().max(500).default(""),
  multiline: z.boolean().default(false),
});
export type ExerciseField = z.infer<typeof field>;

export const exerciseDefinitionSchema = z.discriminatedUnion("kind", [
  /** Free-text answers to one or more questions. */
  z.object({ kind: z.literal("reflection"), intro: z.string().default(""), prompts: z.array(field).min(1).max(8) }),
  /** Up to `maxItems` items (at least `minItems`), each made of the same fields. */
  z.object({
    kind: z.literal("list"),
    intro: z.string().default(""),
    itemLabel: text,
    minItems: z.number().int().min(1).max(10),
    maxItems: z.number().int().min(1).max(10),
    fields: z.array(field).min(1).max(4),
  }),
  /** An email drafted from a template: `{{key}}` placeholders filled with the participant's values. */
  z.object({
    kind: z.literal("email_draft"),
    intro: z.string().default(""),
    placeholders: z.array(field).min(1).max(8),
    subjectTemplate: text,
    bodyTemplate: z.string().trim().min(1).max(5000),
  }),
  /** Applications the participant logs (company, role, date, status); kept after the cohort ends. */
  z.object({ kind: z.literal("application_tracker"), intro: z.string().default(""), minEntries: z.number().int().min(1).max(10) }),
  /** Dated entries added over time (a wins journal, a weekly check-in), each made of fields. */
  z.object({
    kind: z.literal("journal"),
    intro: z.string().default(""),
    entryLabel: text,
    fields: z.array(field).min(1).max(4),
  }),
  /** A 1–5 rating with labels at both ends, plus free text. */
  z.object({
    kind: z.literal("rating_text"),
    intro: z.string().default(""),
    ratingLabel: text,
    lowLabel: text,
    highLabel: text,
    textPrompt: field,
  }),
  /** A note the participant writes now and sees again when the cohort ends. */
  z.object({ kind: z.literal("future_note"), intro: z.string().default(""), prompt: field }),
]);

export type ExerciseDefinition = z.infer<typeof exerciseDefinitionSchema>;
export type ExerciseKind = ExerciseDefinition["kind"];

/** Where a job application stands, in the order the tracker offers them. */
export const APPLICATION_STATUSES = ["applied", "interview", "offer", "rejected", "hired"] as const satisfies readonly ApplicationStatus[];
// Fails to compile when the schema gains a status that is not listed above.
const _allStatusesListed: Exclude<ApplicationStatus, (typeof APPLICATION_STATUSES)[number]> extends never ? true : never = true;
void _allStatusesListed;

// Steps store their exercise as JSON; this tells the schema its shape.
declare module "~db/schema/curriculum" {
  interface ExerciseStorage {
    definition: ExerciseDefinition;
  }
}

/** A curriculum as shipped in code; organisers may edit their installed copy. */
export type CurriculumSource = {
  slug: string;
  title: string;
  summary: string;
  steps: {
    slug: string;
    title: string;
    summary: string;
    readingMinutes: number;
    /** Markdown, no raw HTML. */
    body: string;
    exercise: z.input<typeof exerciseDefinitionSchema>;
  }[];
};
