import { and, eq, isNotNull, lte } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { registrations } from "~db/schema";
import { clock, HOUR } from "~/utils/clock.server";
import { emailFacts, safeJoinUrl, ticketPath } from "../facts.server";
import { requestFeedback } from "./feedback.server";
import { eventIn, personOf } from "../booking/seats.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { absoluteUrl } from "~/utils/urls.server";
import { dropPendingJobs, firstTime, scheduleJob, enqueueMessage } from "~/modules/outbox/index.server";

export const REMINDER_JOB = "events.reminders";
export const FOLLOW_UP_JOB = "events.follow-up";

/** Feedback is asked for a little after the end, when people are on their way home. */
export const FEEDBACK_DELAY = HOUR;

function reminderAt(event: Pick<EventRow, "startsAt" | "reminderHoursBefore">) {
  return event.startsAt - event.reminderHoursBefore * HOUR;
}

/**
 * Schedules the event's reminder and follow-up jobs for its current times. Safe to call again and
 * again (each job is keyed by the event, its times and when it was published); call it after the
 * time of a published event changes, and after publishing it again, so the jobs follow. A job left
 * behind for old times does nothing. Bookings call it too.
 */
export function scheduleEventJobs(tx: Tx, event: EventRow) {
  if (event.status !== "published") return;
  const published = event.publishedAt ?? 0;
  if (event.reminderHoursBefore > 0) {
    scheduleJob(tx, {
      kind: REMINDER_JOB,
      runAt: reminderAt(event),
      payload: { eventId: event.id, startsAt: event.startsAt, hours: event.reminderHoursBefore },
      uniqueKey: `event-reminders:${event.id}:${event.startsAt}:${event.reminderHoursBefore}:${published}`,
    });
  }
  scheduleJob(tx, {
    kind: FOLLOW_UP_JOB,
    runAt: event.endsAt + FEEDBACK_DELAY,
    payload: { eventId: event.id, endsAt: event.endsAt },
    uniqueKey: `event-follow-up:${event.id}:${event.endsAt}:${published}`,
  });
}

/** Drops an event's reminder and follow-up jobs, for an event that is deleted. */
export function dropEventJobs(tx: Tx, eventId: string) {
  dropPendingJobs(tx, `event-reminders:${eventId}:`);
  dropPendingJobs(tx, `event-follow-up:${eventId}:`);
}

/** Same, by id: for callers that changed an event and hold only its id. */
export function rescheduleEventJobs(tx: Tx, eventId: string) {
  const event = eventIn(eventId);
  if (event) scheduleEventJobs(tx, event);
}

/**
 * One `event-reminder` to each confirmed attendee who booked before the reminder time (someone
 * booking later has just had their confirmation). Once per person and start time, even if the job
 * runs twice.
 */
export function sendRemindersJob(payload: Record<string, unknown>) {
  db.transaction(
    (tx) => {
      const event = eventIn(String(payload.eventId ?? ""));
      if (!event || event.status !== "published") return;
      if (event.startsAt !== Number(payload.startsAt) || event.reminderHoursBefore !== Number(payload.hours)) {
        scheduleEventJobs(tx, event);
        return;
      }
      if (clock.now() >= event.startsAt) return;
      const attendees = tx
        .select()
        .from(registrations)
        .where(
          and(
            eq(registrations.eventId, event.id),
            eq(registrations.status, "confirmed"),
            lte(registrations.confirmedAt, reminderAt(event)),
          ),
        )
        .all();
      const facts = emailFacts(event);
      for (const registration of attendees) {
        if (!firstTime(tx, `event-reminder:${registration.id}:${event.startsAt}`)) continue;
        const person = personOf(registration.userId);
        enqueueMessage(tx, person.email, "event-reminder", {
          name: person.name,
          ...facts,
          url: absoluteUrl(ticketPath(registration.id)),
          joinUrl: safeJoinUrl(event),
        }, { aboutAt: event.startsAt });
      }
    },
    { behavior: "immediate" },
  );
}

/** After the event: a feedback request to each person who was checked in, and only to them. */
export function sendFollowUpJob(payload: Record<string, unknown>) {
  db.transaction(
    (tx) => {
      const event = eventIn(String(payload.eventId ?? ""));
      if (!event || event.status !== "published") return;
      if (event.endsAt !== Number(payload.endsAt)) {
        scheduleEventJobs(tx, event);
        return;
      }
      const attendees = tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventId, event.id), isNotNull(registrations.checkedInAt)))
        .all();
      for (const registration of attendees) requestFeedback(tx, registration, event);
    },
    { behavior: "immediate" },
  );
}
