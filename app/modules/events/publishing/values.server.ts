import { and, asc, eq, like, notInArray, or } from "drizzle-orm";
import { refuseFields, type FieldErrors, type Outcome } from "~/utils/refusal";
import type { Tx } from "~db/client.server";
import { eventQuestions, events, type QuestionKind } from "~db/schema";
import { localInputToInstant } from "~/utils/dates";
import { randomId } from "~/utils/ids.server";
import { optionLines, type EventFormInput } from "./schemas";
import { slugify as toSlug } from "~/utils/slug";


export type QuestionInput = { id?: string; label: string; kind: QuestionKind; options: string[]; required: boolean; atDoor: boolean };

/** What an event form sets on an event, with times turned into UTC instants. */
export type EventValues = {
  kind: EventFormInput["kind"];
  title: string;
  summary: string;
  description: string;
  startsAt: number;
  endsAt: number;
  isOnline: boolean;
  venueName: string;
  venueAddress: string;
  mapUrl: string;
  joinUrl: string;
  capacity: number;
  waitlistEnabled: boolean;
  walkInsOverCapacity: boolean;
  attendanceCertificates: boolean;
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
  reminderHoursBefore: number;
  offerHours: number;
};


type Converted = Outcome<{ values: EventValues; questions: QuestionInput[] }>;

/**
 * Turns a checked form into event values. Local times that do not exist in the organisation's
 * time zone (a skipped hour) are refused here, and the order checks run again on the instants.
 */
export function eventValuesFromForm(form: EventFormInput, timeZone: string): Converted {
  const fieldErrors: FieldErrors = {};
  const instant = (field: "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt") => {
    const typed = form[field];
    if (!typed) return null;
    const value = localInputToInstant(typed, timeZone);
    if (value === null) fieldErrors[field] = ["Enter a real date and time"];
    return value;
  };
  const startsAt = instant("startsAt");
  const endsAt = instant("endsAt");
  const opensAt = instant("registrationOpensAt");
  const closesAt = instant("registrationClosesAt");
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) fieldErrors.endsAt = ["The end must be after the start"];
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) {
    fieldErrors.registrationClosesAt = ["Registration must close after it opens"];
  }
  if (Object.keys(fieldErrors).length || startsAt === null || endsAt === null) return refuseFields(fieldErrors);
  const online = form.format === "online";
  return {
    ok: true,
    values: {
      kind: form.kind,
      title: form.title,
      summary: form.summary,
      description: form.description.replace(/\r\n/g, "\n").trim(),
      startsAt,
      endsAt,
      isOnline: online,
      // An online event keeps no venue and an in-person one no joining link, so neither leaks later.
      venueName: online ? "" : form.venueName,
      venueAddress: online ? "" : form.venueAddress,
      mapUrl: online ? "" : (form.mapUrl ?? ""),
      joinUrl: online ? (form.joinUrl ?? "") : "",
      capacity: form.capacity,
      waitlistEnabled: form.waitlistEnabled,
      walkInsOverCapacity: form.walkInsOverCapacity,
      attendanceCertificates: form.attendanceCertificates,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      reminderHoursBefore: form.reminderHoursBefore,
      offerHours: form.offerHours,
    },
    questions: questionsFromForm(form.questions),
  };
}

function questionsFromForm(rows: EventFormInput["questions"]): QuestionInput[] {
  return rows
    .filter((row) => row.label)
    .map((row) => ({
      id: row.id || undefined,
      label: row.label!,
      kind: row.kind,
      options: row.kind === "choice" ? optionLines(row.options) : [],
      required: row.required,
      atDoor: row.atDoor,
    }));
}

export const slugify = (text: string) => toSlug(text, "event");

export function isSlugTaken(tx: Tx, slug: string, exceptEventId?: string): boolean {
  const row = tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get();
  return !!row && row.id !== exceptEventId;
}

/** `base`, or `base-2`, `base-3`… whichever is free first. */
export function uniqueSlug(tx: Tx, base: string): string {
  const taken = new Set(
    tx
      .select({ slug: events.slug })
      .from(events)
      .where(or(eq(events.slug, base), like(events.slug, `${base}-%`)))
      .all()
      .map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function insertQuestions(tx: Tx, eventId: string, questions: QuestionInput[]) {
  questions.forEach((question, position) => {
    tx.insert(eventQuestions)
      .values({ id: randomId(12), eventId, position, label: question.label, kind: question.kind, options: question.options, required: question.required, atDoor: question.atDoor })
      .run();
  });
}

/**
 * Makes the event's questions exactly `questions`, in that order. Questions keep their ids (so
 * answers already given stay attached); a question left out is removed with its answers.
 */
export function syncQuestions(tx: Tx, eventId: string, questions: QuestionInput[]) {
  const existing = new Set(
    tx.select({ id: eventQuestions.id }).from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).all().map((q) => q.id),
  );
  const kept = questions.filter((q) => q.id && existing.has(q.id)).map((q) => q.id!);
  tx.delete(eventQuestions)
    .where(kept.length ? and(eq(eventQuestions.eventId, eventId), notInArray(eventQuestions.id, kept)) : eq(eventQuestions.eventId, eventId))
    .run();
  questions.forEach((question, position) => {
    const values = { position, label: question.label, kind: question.kind, options: question.options, required: question.required, atDoor: question.atDoor };
    if (question.id && existing.has(question.id)) {
      tx.update(eventQuestions).set(values).where(eq(eventQuestions.id, question.id)).run();
    } else {
      tx.insert(eventQuestions).values({ id: randomId(12), eventId, ...values }).run();
    }
  });
}

/** Copies questions onto another session of a series, matching them by position. */
export function syncQuestionsByPosition(tx: Tx, eventId: string, questions: QuestionInput[]) {
  const existing = tx
    .select({ id: eventQuestions.id })
    .from(eventQuestions)
    .where(eq(eventQuestions.eventId, eventId))
    .orderBy(asc(eventQuestions.position))
    .all();
  syncQuestions(
    tx,
    eventId,
    questions.map((question, index) => ({ ...question, id: existing[index]?.id })),
  );
}
