import { z } from "zod";
import type { ExerciseDefinition, ExerciseField } from "./exercise-types";

// What a participant's answer to each kind of exercise looks like, and the form schema that
// checks it. Shared by the server and the page; nothing here may import server code.

const ANSWER_MAX = 2000;
const PLACEHOLDER_MAX = 200;
export const JOURNAL_MAX_ENTRIES = 200;

/** One dated entry of a journal exercise; a journal's answer is `{ entries: JournalEntry[] }`. */
export type JournalEntry = { id: string; at: number; values: Record<string, string> };

function requiredText(field: Pick<ExerciseField, "label">, max: number) {
  const message = `Write your answer to “${field.label}”`;
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `“${field.label}” can be at most ${max.toLocaleString("en-GB")} characters`);
}

function valuesSchema(fields: ExerciseField[], max: number) {
  return z.object(Object.fromEntries(fields.map((field) => [field.key, requiredText(field, max)])));
}

function listItemsSchema(def: Extract<ExerciseDefinition, { kind: "list" }>) {
  const label = def.itemLabel.toLowerCase();
  return z
    .array(z.record(z.string(), z.string().optional()).optional())
    .optional()
    .transform((raw) => raw ?? [])
    .superRefine((items, ctx) => {
      let filled = 0;
      items.forEach((item, index) => {
        const values = item ?? {};
        if (!def.fields.some((field) => values[field.key]?.trim())) return;
        filled += 1;
        for (const field of def.fields) {
          const value = values[field.key]?.trim() ?? "";
          if (!value) ctx.addIssue({ code: "custom", path: [index, field.key], message: `Fill in “${field.label}” for ${label} ${index + 1}` });
          else if (value.length > ANSWER_MAX)
            ctx.addIssue({ code: "custom", path: [index, field.key], message: `“${field.label}” can be at most ${ANSWER_MAX} characters` });
        }
      });
      if (filled < def.minItems) {
        const what = def.minItems === 1 ? `one ${label}` : `${def.minItems} ${label}s`;
        ctx.addIssue({ code: "custom", message: `Write at least ${what}` });
      }
      if (filled > def.maxItems) ctx.addIssue({ code: "custom", message: `Write at most ${def.maxItems} ${label}s` });
    })
    .transform((items) =>
      items
        .map((item) => Object.fromEntries(def.fields.map((field) => [field.key, item?.[field.key]?.trim() ?? ""])))
        .filter((item) => Object.values(item).some(Boolean)),
    );
}

/**
 * The form schema for saving an exercise. Application trackers and journals add entries one
 * at a time instead (see `journalEntrySchemaFor` and the tracker's own form).
 */
export function answerSchemaFor(def: ExerciseDefinition) {
  switch (def.kind) {
    case "reflection":
      return z.object({ values: valuesSchema(def.prompts, ANSWER_MAX) });
    case "list":
      return z.object({ items: listItemsSchema(def) });
    case "email_draft":
      return z.object({ values: valuesSchema(def.placeholders, PLACEHOLDER_MAX) });
    case "rating_text":
      return z.object({
        rating: z.coerce
          .number({ error: `Choose a number for “${def.ratingLabel}”` })
          .int()
          .min(1, `Choose a number from 1 to 5`)
          .max(5, `Choose a number from 1 to 5`),
        text: requiredText(def.textPrompt, ANSWER_MAX),
      });
    case "future_note":
      return z.object({ text: requiredText(def.prompt, ANSWER_MAX) });
    case "journal":
      return journalEntrySchemaFor(def);
    case "application_tracker":
      return z.object({});
  }
}

export function journalEntrySchemaFor(def: Extract<ExerciseDefinition, { kind: "journal" }>) {
  return z.object({ values: valuesSchema(def.fields, ANSWER_MAX) });
}

/** Replaces `{{key}}` with the participant's value; a missing value shows its label in brackets. */
function fillTemplate(template: string, values: Record<string, string>, fields: ExerciseField[] = []): string {
  return template.replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, (whole, key: string) => {
    const value = values[key]?.trim();
    if (value) return value;
    const field = fields.find((f) => f.key === key);
    return field ? `[${field.label}]` : whole;
  });
}

/** The placeholders a template uses, in order of first use. */
export function templateKeys(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];
}

/** A `mailto:` link that opens the participant's mail app with the subject and body filled in. */
export function mailtoHref(subject: string, body: string): string {
  const crlf = body.replace(/\r?\n/g, "\r\n");
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/** The draft as the participant's own values make it. */
export function renderEmailDraft(def: Extract<ExerciseDefinition, { kind: "email_draft" }>, values: Record<string, string>) {
  const subject = fillTemplate(def.subjectTemplate, values, def.placeholders);
  const body = fillTemplate(def.bodyTemplate, values, def.placeholders);
  return { subject, body, mailto: mailtoHref(subject, body) };
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Reads a stored answer for the step's current exercise. Organisers may change an exercise
 * after people answered it, so anything that does not fit is left out rather than trusted.
 */
export function readAnswer(def: ExerciseDefinition, stored: Record<string, unknown> | null | undefined) {
  const answer = stored ?? {};
  switch (def.kind) {
    case "reflection":
    case "email_draft":
      return { values: stringRecord(answer.values) };
    case "list":
      return { items: Array.isArray(answer.items) ? answer.items.map(stringRecord) : [] };
    case "rating_text":
      return { rating: typeof answer.rating === "number" ? answer.rating : null, text: typeof answer.text === "string" ? answer.text : "" };
    case "future_note":
      return { text: typeof answer.text === "string" ? answer.text : "" };
    case "journal":
      return { entries: Array.isArray(answer.entries) ? (answer.entries as JournalEntry[]).filter((e) => e && typeof e.at === "number") : [] };
    case "application_tracker":
      return {};
  }
}
