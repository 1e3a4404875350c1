import { z } from "zod";
import type { EventKind, EventStatus, QuestionKind, RegistrationStatus } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code (types only).

export const KIND_OPTIONS = ["workshop", "seminar", "youth_session"] as const satisfies readonly EventKind[];
const _allKindsListed: Exclude<EventKind, (typeof KIND_OPTIONS)[number]> extends never ? true : never = true;
void _allKindsListed;

export const KIND_LABELS: Record<EventKind, string> = {
  workshop: "Workshop",
  seminar: "Seminar",
  youth_session: "Youth programme session",
};

export const STATUS_LABELS: Record<EventStatus, string> = { draft: "Draft", published: "Published", cancelled: "Cancelled" };

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: "Confirmed",
  waitlisted: "Waiting",
  offered: "Offered a seat",
  cancelled: "Cancelled",
};

export const QUESTION_KIND_OPTIONS = ["text", "choice", "yes_no"] as const satisfies readonly QuestionKind[];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  text: "Short text",
  choice: "Choice from a list",
  yes_no: "Yes or no",
};

const FORMAT_OPTIONS = ["in_person", "online"] as const;
const REPEAT_OPTIONS = ["none", "weekly", "days"] as const;

const MAX_CAPACITY = 10_000;
export const MAX_SERIES_SESSIONS = 52;
/** Blank question rows offered under the existing ones: enough for most events, and no JavaScript needed. */
export const BLANK_QUESTION_ROWS = 2;
export const MIN_QUESTION_ROWS = 3;

/** "2026-12-03T14:30" as typed in `<input type="datetime-local">`; seconds, if a browser adds them, are dropped. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

function localDateTime(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .regex(LOCAL_DATE_TIME, "Enter a date and time, like 03/12/2026 14:30")
    .transform((value) => LOCAL_DATE_TIME.exec(value)![1]);
}

const httpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: "Enter a full address starting with https://" })
  .max(500, "Addresses are at most 500 characters")
  .optional();

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const questionSchema = z.object({
  id: z.string().max(64).optional(),
  label: z.string().trim().max(200, "A question is at most 200 characters").optional(),
  kind: z.enum(QUESTION_KIND_OPTIONS, { error: "Choose the kind of answer" }).default("text"),
  options: z.string().max(2000, "The options are at most 2,000 characters").optional(),
  required: z.boolean().default(false),
  atDoor: z.boolean().default(false),
});

export type QuestionFormInput = z.input<typeof questionSchema>;

/** The options of a choice question: one per line, blanks and repeats dropped. */
export function optionLines(text: string | undefined): string[] {
  const seen = new Set<string>();
  for (const line of (text ?? "").split(/\r?\n/)) {
    const option = line.trim();
    if (option) seen.add(option.slice(0, 100));
  }
  return [...seen];
}

const eventFields = {
  kind: z.enum(KIND_OPTIONS, { error: "Choose the kind of event" }),
  title: z
    .string({ error: "Enter a title" })
    .trim()
    .min(3, "The title needs at least 3 characters")
    .max(120, "The title is at most 120 characters"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "The web address is at most 80 characters")
    .regex(SLUG_PATTERN, "Use lower-case letters, numbers and single dashes, like cv-clinic-march")
    .optional(),
  summary: z.string().trim().max(300, "The summary is at most 300 characters").default(""),
  description: z.string().max(20_000, "The description is at most 20,000 characters").default(""),
  startsAt: localDateTime("Enter the date and time the event starts"),
  endsAt: localDateTime("Enter the date and time the event ends"),
  format: z.enum(FORMAT_OPTIONS, { error: "Choose in person or online" }),
  venueName: z.string().trim().max(200, "The venue's name is at most 200 characters").default(""),
  venueAddress: z.string().trim().max(500, "The address is at most 500 characters").default(""),
  mapUrl: httpsUrl,
  joinUrl: httpsUrl,
  capacity: z
    .number({ error: "Enter how many seats there are, as a number" })
    .int("Enter a whole number of seats")
    .min(1, "There must be at least 1 seat")
    .max(MAX_CAPACITY, `There can be at most ${MAX_CAPACITY.toLocaleString("en-GB")} seats`),
  waitlistEnabled: z.boolean().default(false),
  walkInsOverCapacity: z.boolean().default(false),
  attendanceCertificates: z.boolean().default(false),
  registrationOpensAt: localDateTime("Enter when registration opens").optional(),
  registrationClosesAt: localDateTime("Enter when registration closes").optional(),
  reminderHoursBefore: z
    .number({ error: "Enter the number of hours, as a number" })
    .int("Enter a whole number of hours")
    .min(1, "Send the reminder at least 1 hour before")
    .max(336, "Send the reminder at most 336 hours (14 days) before"),
  offerHours: z
    .number({ error: "Enter the number of hours, as a number" })
    .int("Enter a whole number of hours")
    .min(1, "Give people at least 1 hour to accept an offered seat")
    .max(168, "Give people at most 168 hours (7 days) to accept an offered seat"),
  questions: z.array(questionSchema).max(20, "An event has at most 20 questions").default([]),
};

type EventFieldsInput = z.output<z.ZodObject<typeof eventFields>>;

// The times are compared as typed: the same format in the same time zone sorts like the instants.
function checkEvent(value: EventFieldsInput, ctx: z.RefinementCtx) {
  if (value.endsAt <= value.startsAt) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
  }
  if (value.registrationOpensAt && value.registrationClosesAt && value.registrationClosesAt <= value.registrationOpensAt) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Registration must close after it opens" });
  }
  if (value.registrationOpensAt && value.registrationOpensAt >= value.startsAt) {
    ctx.addIssue({ code: "custom", path: ["registrationOpensAt"], message: "Registration must open before the event starts" });
  }
  if (value.registrationClosesAt && value.registrationClosesAt > value.endsAt) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Registration must close by the time the event ends" });
  }
  if (value.format === "online") {
    if (!value.joinUrl) ctx.addIssue({ code: "custom", path: ["joinUrl"], message: "Enter the link people use to join the online event" });
  } else {
    if (!value.venueName) ctx.addIssue({ code: "custom", path: ["venueName"], message: "Enter the name of the venue" });
    if (!value.venueAddress) ctx.addIssue({ code: "custom", path: ["venueAddress"], message: "Enter the venue's address" });
  }
  value.questions.forEach((question, index) => {
    if (!question.label) return;
    if (question.kind === "choice" && optionLines(question.options).length < 2) {
      ctx.addIssue({ code: "custom", path: ["questions", index, "options"], message: "Give at least 2 options, one per line" });
    }
  });
}

export const createEventSchema = z
  .object({
    ...eventFields,
    repeat: z.enum(REPEAT_OPTIONS, { error: "Choose whether the event repeats" }).default("none"),
    intervalDays: z
      .number({ error: "Enter the number of days, as a number" })
      .int("Enter a whole number of days")
      .min(1, "Repeat at least every 1 day")
      .max(90, "Repeat at most every 90 days")
      .optional(),
    occurrences: z
      .number({ error: "Enter the number of sessions, as a number" })
      .int("Enter a whole number of sessions")
      .min(2, "A series has at least 2 sessions")
      .max(MAX_SERIES_SESSIONS, `A series has at most ${MAX_SERIES_SESSIONS} sessions`)
      .optional(),
  })
  .superRefine((value, ctx) => {
    checkEvent(value, ctx);
    if (value.repeat === "days" && !value.intervalDays) {
      ctx.addIssue({ code: "custom", path: ["intervalDays"], message: "Enter how many days apart the sessions are" });
    }
    if (value.repeat !== "none" && !value.occurrences) {
      ctx.addIssue({ code: "custom", path: ["occurrences"], message: "Enter how many sessions there are" });
    }
  });

export type CreateEventInput = z.output<typeof createEventSchema>;

export const editEventSchema = z
  .object({ ...eventFields, applyToSeries: z.boolean().default(false) })
  .superRefine((value, ctx) => checkEvent(value, ctx));

export type EditEventInput = z.output<typeof editEventSchema>;

/** The parts of the event form both the create and edit forms send. */
export type EventFormInput = EventFieldsInput;

export const eventActionSchema = z.object({
  intent: z.enum(["publish", "publish-series", "unpublish", "delete-draft"], { error: "Choose what to do" }),
});

export const cancelEventSchema = z.object({
  // Sent by the confirming button itself, so nothing but a deliberate press cancels an event.
  confirm: z.literal("yes", { error: "Press “Yes, cancel the event” to confirm" }),
  message: z.string().trim().max(1000, "The message is at most 1,000 characters").default(""),
});

export const checkInPersonSchema = z.object({
  intent: z.literal("registration"),
  registrationId: z.string({ error: "Choose a person" }).min(1).max(64),
  q: z.string().max(200).default(""),
});

export const checkInCodeSchema = z.object({
  intent: z.literal("code"),
  shortCode: z
    .string({ error: "Enter the code printed under the QR code on the ticket" })
    .trim()
    .min(4, "Enter the code printed under the QR code on the ticket")
    // A hardware scanner types the whole ticket address.
    .max(300, "The code is at most 20 characters"),
  q: z.string().max(200).default(""),
});

export const QR_CHECK_IN_INTENT = "check-in";
