import { z } from "zod";
import type { MentoringFormat, MentoringSessionStatus, SessionOutcome } from "~db/schema/mentoring";

// The forms of a mentorship's workspace, shared by the server and the page: nothing server-only
// here, and types only from the schema, so the table definitions stay out of the browser's bundle.

const FORMATS = ["video", "phone", "in_person", "whatsapp"] as const satisfies readonly MentoringFormat[];
const OUTCOMES = ["held", "missed"] as const satisfies readonly SessionOutcome[];
// Fails to compile if the schema gains a format or an outcome these lists lack.
const _allListed: [Exclude<MentoringFormat, (typeof FORMATS)[number]>, Exclude<SessionOutcome, (typeof OUTCOMES)[number]>] extends [never, never] ? true : never = true;
void _allListed;

export const DURATION_OPTIONS = [30, 45, 60, 90, 120] as const;
const LOCATION_MAX = 500;
const AGENDA_MAX = 1000;
const COMMENT_MAX = 1000;
const NOTE_MAX = 5000;

export const SESSION_STATUS_LABELS: Record<MentoringSessionStatus, string> = {
  proposed: "Waiting for an answer",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const OUTCOME_LABELS: Record<SessionOutcome, string> = { held: "We met", missed: "It did not happen" };

const id = z.string({ error: "Something is missing from this form. Reload the page and try again." }).trim().min(1).max(64);

export const proposeSessionSchema = z.object({
  intent: z.literal("propose"),
  date: z
    .string({ error: "Enter the date" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date, like 03/12/2026"),
  time: z
    .string({ error: "Enter the time" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/, "Enter the time, like 14:30")
    .transform((value) => value.slice(0, 5)),
  duration: z.coerce
    .number({ error: "Choose how long the session lasts" })
    .int()
    .refine((value) => (DURATION_OPTIONS as readonly number[]).includes(value), "Choose how long the session lasts"),
  format: z.enum(FORMATS, { error: "Choose how you will meet" }),
  location: z
    .string({ error: "Say where you will meet, or give the link or phone number" })
    .trim()
    .min(1, "Say where you will meet, or give the link or phone number")
    .max(LOCATION_MAX, `Keep the place or link to ${LOCATION_MAX} characters`),
  agenda: z.string().trim().max(AGENDA_MAX, `Keep the agenda to ${AGENDA_MAX} characters`).optional(),
});
export type ProposeSessionValues = z.infer<typeof proposeSessionSchema>;

/** Confirm, decline or cancel a session: the intent says which. */
export const sessionAnswerSchema = z.object({
  intent: z.enum(["confirm", "decline", "cancel"]),
  sessionId: id,
});

export const sessionOutcomeSchema = z.object({
  intent: z.literal("outcome"),
  sessionId: id,
  outcome: z.enum(OUTCOMES, { error: "Choose whether the session happened" }),
});

export const rateSessionSchema = z.object({
  intent: z.literal("rate"),
  sessionId: id,
  rating: z.coerce
    .number({ error: "Choose a rating from 1 to 5" })
    .int("Choose a rating from 1 to 5")
    .min(1, "Choose a rating from 1 to 5")
    .max(5, "Choose a rating from 1 to 5"),
  comment: z.string().trim().max(COMMENT_MAX, `Keep the comment to ${COMMENT_MAX} characters`).optional(),
});

export const NOTE_TYPES = ["private", "shared", "action"] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  private: "Private note (only you can read it)",
  shared: "Shared note (you both read it)",
  action: "Action item (you both see it and either can tick it off)",
};

export const addNoteSchema = z.object({
  intent: z.literal("add-note"),
  type: z.enum(NOTE_TYPES, { error: "Choose what kind of note this is" }),
  body: z
    .string({ error: "Write the note" })
    .trim()
    .min(1, "Write the note")
    .max(NOTE_MAX, `Keep a note to ${NOTE_MAX.toLocaleString("en-GB")} characters`),
});

export const noteActionSchema = z.object({
  intent: z.enum(["action-done", "action-open", "delete-note"]),
  noteId: id,
});

export const shareStepSchema = z.object({
  intent: z.enum(["share-step", "withdraw-step"]),
  memberId: id,
  stepId: id,
});
