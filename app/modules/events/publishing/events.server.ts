import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { eventQuestions, events } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { calendarChanged, notifyEventChanged, placeChanged, timeChanged } from "./changes.server";
import type { CreateEventInput, EditEventInput } from "./schemas";
import { eventValuesFromForm, insertQuestions, isSlugTaken, slugify, syncQuestions, syncQuestionsByPosition, uniqueSlug, type EventValues, type QuestionInput } from "./values.server";
import { countConfirmed, offerFreedSeats } from "../booking/registrations.server";
import { rescheduleEventJobs } from "../follow-up/reminders.server";
import { seatsHeld } from "../booking/seats.server";
import { createSeries } from "./series.server";
import { recordAudit, getOrganisation } from "~/modules/organisation/index.server";
import { refuse, refuseFields, type Outcome } from "~/utils/refusal";
import { whileUnchanged } from "~/utils/data-version.server";

export type EventRow = typeof events.$inferSelect;
export type EventQuestion = typeof eventQuestions.$inferSelect;

export function getEventById(id: string): EventRow | null {
  return db.select().from(events).where(eq(events.id, id)).get() ?? null;
}

export function getEventBySlug(slug: string): EventRow | null {
  return db.select().from(events).where(eq(events.slug, slug)).get() ?? null;
}

// Read on every view and booking of an event page: prepared once (ADR 0046).
const questionsStatement = db
  .select()
  .from(eventQuestions)
  .where(eq(eventQuestions.eventId, sql.placeholder("eventId")))
  .orderBy(asc(eventQuestions.position))
  .prepare();

/**
 * The event's registration questions, in the order people answer them. Kept while the database is
 * unchanged (frozen), like the event itself: every booking parses its form against them.
 */
export function eventQuestionsOf(eventId: string): readonly EventQuestion[] {
  return whileUnchanged(`event-questions:${eventId}`, () => questionsStatement.all({ eventId }));
}

export type CreateResult = Outcome<{ eventId: string; sessions: number }>;

export function createEvent({ actorId, form }: { actorId: string | null; form: CreateEventInput }): CreateResult {
  const { timeZone } = getOrganisation();
  const converted = eventValuesFromForm(form, timeZone);
  if (!converted.ok) return converted;
  if (form.repeat !== "none") {
    const intervalDays = form.repeat === "weekly" ? 7 : form.intervalDays!;
    return createSeries({ actorId, values: converted.values, questions: converted.questions, slug: form.slug, intervalDays, occurrences: form.occurrences!, timeZone });
  }
  return db.transaction(
    (tx): CreateResult => {
      if (form.slug && isSlugTaken(tx, form.slug)) {
        return refuseFields({ slug: ["Another event already uses that web address: choose another"] });
      }
      const now = clock.now();
      const id = randomId(12);
      const slug = form.slug ?? uniqueSlug(tx, slugify(converted.values.title));
      tx.insert(events)
        .values({ id, slug, ...converted.values, status: "draft", createdBy: actorId, createdAt: now, updatedAt: now })
        .run();
      insertQuestions(tx, id, converted.questions);
      recordAudit(tx, { actorId, action: "event.created", targetType: "event", targetId: id, details: { title: converted.values.title } });
      return { ok: true, eventId: id, sessions: 1 };
    },
    { behavior: "immediate" },
  );
}

/** Refused at the fields, or with code "not-found" (404) or "closed" (a cancelled event). */
type UpdateResult = Outcome<{ sessions: number; notified: number; offers: number }>;

// Everything but the dates and the web address: what "apply to all sessions" copies.
type SharedValues = Omit<EventValues, "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt">;

function sharedValues(values: EventValues): SharedValues {
  const { startsAt: _s, endsAt: _e, registrationOpensAt: _o, registrationClosesAt: _c, ...shared } = values;
  return shared;
}

/**
 * Why `capacity` is too low, or null. Seats offered to people waiting count too: lowering the
 * capacity under them would let an accepted offer overbook the event.
 */
function capacityProblem(tx: Pick<typeof db, "select">, eventId: string, capacity: number): string | null {
  const confirmed = countConfirmed(eventId);
  const held = seatsHeld(eventId);
  if (capacity >= held) return null;
  const people = (n: number) => (n === 1 ? "1 person has" : `${n} people have`);
  if (capacity < confirmed) return `${people(confirmed)} a confirmed seat already: the capacity cannot be lower than ${confirmed}`;
  const offered = held - confirmed;
  return `${people(confirmed)} a confirmed seat and ${offered} more ${offered === 1 ? "seat is" : "seats are"} offered to people waiting: the capacity cannot be lower than ${held}`;
}

type Target = { before: EventRow; values: EventValues; slug: string; questions: QuestionInput[]; byPosition: boolean };

function formatSessionDate(startsAt: number, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(startsAt);
}

/**
 * Saves the edit form. With `applyToSeries`, the shared fields (everything but the dates and the
 * web address) go to every upcoming, not cancelled session of the series too. Capacity never
 * drops below the seats already confirmed; raising it offers the freed seats to people waiting;
 * a new time or place of a published event is written to everyone registered, in the same
 * transaction.
 */
export function updateEvent({ actorId, eventId, form }: { actorId: string | null; eventId: string; form: EditEventInput }): UpdateResult {
  const { timeZone } = getOrganisation();
  const converted = eventValuesFromForm(form, timeZone);
  if (!converted.ok) return converted;
  return db.transaction(
    (tx): UpdateResult => {
      const before = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!before) return refuse("There is no event with that id.", { code: "not-found", status: 404 });
      if (before.status === "cancelled") return refuse("This event is cancelled, so it can no longer be changed.", { code: "closed" });
      const slug = form.slug ?? before.slug;
      if (slug !== before.slug && isSlugTaken(tx, slug, before.id)) {
        return refuseFields({ slug: ["Another event already uses that web address: choose another"] });
      }
      const targets: Target[] = [{ before, values: converted.values, slug, questions: converted.questions, byPosition: false }];
      if (form.applyToSeries && before.seriesId) {
        const siblings = tx
          .select()
          .from(events)
          .where(and(eq(events.seriesId, before.seriesId), ne(events.id, before.id), ne(events.status, "cancelled"), gt(events.endsAt, clock.now())))
          .orderBy(asc(events.startsAt))
          .all();
        const shared = sharedValues(converted.values);
        for (const sibling of siblings) {
          const values: EventValues = {
            ...shared,
            startsAt: sibling.startsAt,
            endsAt: sibling.endsAt,
            registrationOpensAt: sibling.registrationOpensAt,
            registrationClosesAt: sibling.registrationClosesAt,
          };
          targets.push({ before: sibling, values, slug: sibling.slug, questions: converted.questions, byPosition: true });
        }
      }
      const capacityErrors = targets.flatMap((target, index) => {
        const problem = capacityProblem(tx, target.before.id, target.values.capacity);
        if (!problem) return [];
        return [index === 0 ? problem : `In the session on ${formatSessionDate(target.before.startsAt, timeZone)}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`];
      });
      if (capacityErrors.length) return refuseFields({ capacity: [capacityErrors.join(". ")] });

      let notified = 0;
      let offers = 0;
      const now = clock.now();
      for (const target of targets) {
        const { before: row, values } = target;
        const sequence = row.sequence + (calendarChanged(row, values) ? 1 : 0);
        const saved = tx
          .update(events)
          .set({ ...values, slug: target.slug, sequence, updatedAt: now })
          .where(eq(events.id, row.id))
          .returning()
          .get();
        if (target.byPosition) syncQuestionsByPosition(tx, row.id, target.questions);
        else syncQuestions(tx, row.id, target.questions);
        if (values.capacity > row.capacity) offers += offerFreedSeats(tx, row.id);
        notified += notifyEventChanged(tx, row, saved, timeZone);
        // Reminders and the follow-up are keyed by the event's times: new times get new jobs.
        if (timeChanged(row, values) || values.reminderHoursBefore !== row.reminderHoursBefore) rescheduleEventJobs(tx, row.id);
      }
      recordAudit(tx, {
        actorId,
        action: "event.updated",
        targetType: "event",
        targetId: before.id,
        details: {
          title: converted.values.title,
          sessions: targets.length,
          ...(timeChanged(before, converted.values) ? { timeChanged: true } : {}),
          ...(placeChanged(before, converted.values) ? { placeChanged: true } : {}),
          ...(notified ? { notified } : {}),
        },
      });
      return { ok: true, sessions: targets.length, notified, offers };
    },
    { behavior: "immediate" },
  );
}
