import { z } from "zod";
import { templateKeys } from "./answers";
import { exerciseDefinitionSchema, type ExerciseDefinition, type ExerciseField, type ExerciseKind } from "./exercise-types";

// The organisers' step form: plain fields for each kind of exercise, turned into the stored
// exercise definition. Shared by the server and the page.

/** How many rows of questions or fields the form offers for each kind. */
export const ROW_LIMITS = { prompts: 8, fields: 4, placeholders: 8 } as const;

const KEY = /^[a-z][a-z0-9_]*$/;

const optionalText = (max: number, what: string) => z.string().trim().max(max, `${what} can be at most ${max} characters`).optional();

const row = z
  .object({
    key: z.string().trim().max(40).optional(),
    label: optionalText(500, "A question"),
    hint: optionalText(500, "A hint"),
    multiline: z.boolean().optional(),
  })
  .optional();

type Row = z.infer<typeof row>;

const count = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${what} as a number` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `${what[0].toUpperCase()}${what.slice(1)} must be at least ${min}`)
    .max(max, `${what[0].toUpperCase()}${what.slice(1)} must be at most ${max}`);

const requiredText = (what: string, max: number) =>
  z.string({ error: `Enter ${what}` }).trim().min(1, `Enter ${what}`).max(max, `${what[0].toUpperCase()}${what.slice(1)} can be at most ${max} characters`);

const stepEditorSchema = z.object({
  intent: z.literal("save"),
  title: requiredText("the step's title", 120),
  summary: requiredText("a one-line summary", 300),
  body: requiredText("the text of the step", 20_000),
  readingMinutes: count("the reading time", 1, 60),
  intro: optionalText(2000, "The introduction"),
  prompts: z.array(row).optional(),
  fields: z.array(row).optional(),
  placeholders: z.array(row).optional(),
  itemLabel: optionalText(500, "The item name"),
  minItems: count("the fewest items", 1, 10).optional(),
  maxItems: count("the most items", 1, 10).optional(),
  subjectTemplate: optionalText(500, "The subject"),
  bodyTemplate: optionalText(5000, "The email text"),
  minEntries: count("the number of applications", 1, 10).optional(),
  entryLabel: optionalText(500, "The entry name"),
  ratingLabel: optionalText(500, "The question"),
  lowLabel: optionalText(500, "The label for 1"),
  highLabel: optionalText(500, "The label for 5"),
  textPrompt: row,
  prompt: row,
});

type StepEditorInput = z.infer<typeof stepEditorSchema>;

type Issue = { path: (string | number)[]; message: string };

function slug(label: string): string {
  const base = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 30);
  return KEY.test(base) ? base : `q_${base || "answer"}`.replace(/_+$/, "");
}

/** Rows with a label become fields; a row's key is kept (answers are stored by it) or made from its label. */
function fieldsFrom(rows: Row[] | undefined, name: string, issues: Issue[], keyEditable = false): ExerciseField[] {
  const used = new Set<string>();
  const fields: ExerciseField[] = [];
  (rows ?? []).forEach((r, index) => {
    if (!r?.label) {
      if (r?.hint || (keyEditable && r?.key)) issues.push({ path: [name, index, "label"], message: "Give this row a label, or clear it" });
      return;
    }
    let key = r.key ?? "";
    if (key && !KEY.test(key)) {
      issues.push({ path: [name, index, "key"], message: "Use lowercase letters, numbers and _ only, starting with a letter" });
      return;
    }
    if (!key) key = slug(r.label);
    if (used.has(key)) {
      if (keyEditable && r.key) {
        issues.push({ path: [name, index, "key"], message: `“${key}” is used twice: give each blank its own name` });
        return;
      }
      let n = 2;
      while (used.has(`${key}_${n}`)) n++;
      key = `${key}_${n}`;
    }
    used.add(key);
    fields.push({ key, label: r.label, hint: r.hint ?? "", multiline: r.multiline ?? false });
  });
  return fields;
}

function single(r: Row, name: string, issues: Issue[], fallbackKey: string): ExerciseField {
  if (!r?.label) issues.push({ path: [name, "label"], message: "Enter the question participants answer" });
  return { key: r?.key && KEY.test(r.key) ? r.key : fallbackKey, label: r?.label ?? "", hint: r?.hint ?? "", multiline: true };
}

function need<T>(value: T | undefined, name: string, message: string, issues: Issue[]): T {
  if (value === undefined || value === "") issues.push({ path: [name], message });
  return value as T;
}

/** Turns the form into an exercise definition of `kind`, or the problems to show at the fields. */
export function exerciseFromForm(kind: ExerciseKind, input: StepEditorInput): { definition: ExerciseDefinition | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const intro = input.intro ?? "";
  let candidate: unknown;
  switch (kind) {
    case "reflection": {
      const prompts = fieldsFrom(input.prompts, "prompts", issues);
      if (!prompts.length) issues.push({ path: ["prompts", 0, "label"], message: "Write at least one question" });
      candidate = { kind, intro, prompts };
      break;
    }
    case "list": {
      const fields = fieldsFrom(input.fields, "fields", issues);
      if (!fields.length) issues.push({ path: ["fields", 0, "label"], message: "Give each item at least one field" });
      const minItems = need(input.minItems, "minItems", "Enter the fewest items", issues);
      const maxItems = need(input.maxItems, "maxItems", "Enter the most items", issues);
      if (minItems && maxItems && minItems > maxItems) issues.push({ path: ["maxItems"], message: "The most items cannot be fewer than the fewest" });
      candidate = { kind, intro, itemLabel: need(input.itemLabel, "itemLabel", "Name one item, such as “Strength”", issues), minItems, maxItems, fields };
      break;
    }
    case "email_draft": {
      const placeholders = fieldsFrom(input.placeholders, "placeholders", issues, true);
      if (!placeholders.length) issues.push({ path: ["placeholders", 0, "label"], message: "Add at least one blank for participants to fill in" });
      const subjectTemplate = need(input.subjectTemplate, "subjectTemplate", "Enter the email's subject", issues);
      const bodyTemplate = need(input.bodyTemplate, "bodyTemplate", "Enter the email's text", issues);
      const known = new Set(placeholders.map((p) => p.key));
      for (const [name, text] of [["subjectTemplate", subjectTemplate], ["bodyTemplate", bodyTemplate]] as const) {
        const unknown = templateKeys(text ?? "").filter((key) => !known.has(key));
        if (unknown.length) issues.push({ path: [name], message: `{{${unknown[0]}}} is not one of the blanks below: add a blank named ${unknown[0]}, or remove it` });
      }
      candidate = { kind, intro, placeholders, subjectTemplate, bodyTemplate };
      break;
    }
    case "application_tracker":
      candidate = { kind, intro, minEntries: need(input.minEntries, "minEntries", "Enter how many applications complete the step", issues) };
      break;
    case "journal": {
      const fields = fieldsFrom(input.fields, "fields", issues);
      if (!fields.length) issues.push({ path: ["fields", 0, "label"], message: "Give each entry at least one field" });
      candidate = { kind, intro, entryLabel: need(input.entryLabel, "entryLabel", "Name one entry, such as “Win”", issues), fields };
      break;
    }
    case "rating_text":
      candidate = {
        kind,
        intro,
        ratingLabel: need(input.ratingLabel, "ratingLabel", "Enter the question for the rating", issues),
        lowLabel: need(input.lowLabel, "lowLabel", "Enter what 1 means", issues),
        highLabel: need(input.highLabel, "highLabel", "Enter what 5 means", issues),
        textPrompt: single(input.textPrompt, "textPrompt", issues, "text"),
      };
      break;
    case "future_note":
      candidate = { kind, intro, prompt: single(input.prompt, "prompt", issues, "note") };
      break;
  }
  if (issues.length) return { definition: null, issues };
  const parsed = exerciseDefinitionSchema.safeParse(candidate);
  if (!parsed.success) return { definition: null, issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) };
  return { definition: parsed.data, issues: [] };
}

/** The form's starting values for a stored step. */
export function editorDefaults(step: { title: string; summary: string; body: string; readingMinutes: number; exercise: ExerciseDefinition }) {
  const e = step.exercise;
  const base = { title: step.title, summary: step.summary, body: step.body, readingMinutes: String(step.readingMinutes), intro: e.intro };
  switch (e.kind) {
    case "reflection":
      return { ...base, prompts: e.prompts };
    case "list":
      return { ...base, itemLabel: e.itemLabel, minItems: String(e.minItems), maxItems: String(e.maxItems), fields: e.fields };
    case "email_draft":
      return { ...base, placeholders: e.placeholders, subjectTemplate: e.subjectTemplate, bodyTemplate: e.bodyTemplate };
    case "application_tracker":
      return { ...base, minEntries: String(e.minEntries) };
    case "journal":
      return { ...base, entryLabel: e.entryLabel, fields: e.fields };
    case "rating_text":
      return { ...base, ratingLabel: e.ratingLabel, lowLabel: e.lowLabel, highLabel: e.highLabel, textPrompt: e.textPrompt };
    case "future_note":
      return { ...base, prompt: e.prompt };
  }
}

/** The step form's schema for a step whose exercise is of `kind`: field problems show at the fields. */
export function stepEditorSchemaFor(kind: ExerciseKind) {
  return stepEditorSchema.superRefine((input, ctx) => {
    for (const issue of exerciseFromForm(kind, input).issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
}
