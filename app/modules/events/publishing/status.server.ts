import { and, eq, gt, ne } from "drizzle-orm";
import type { EventRow } from "./events.server";
import { db } from "~db/client.server";
import { events, registrations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { eventInvitation } from "../calendars/calendar.server";
import { whenText } from "../facts.server";
import { registeredPeople } from "../booking/registrations.server";
import { dropEventJobs, rescheduleEventJobs } from "../follow-up/reminders.server";
import { absoluteUrl } from "~/utils/urls.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit, getOrganisation } from "~/modules/organisation/index.server";
import { refuse, type Outcome } from "~/utils/refusal";


/** Done with how many sessions or people it touched; refused with code "not-found" (404) or a reason. */
export type StatusResult = Outcome<{ count: number }>;

const NO_SUCH_EVENT = refuse("There is no event with that id.", { code: "not-found", status: 404 });

/** Why a draft is never cancelled; the cancel page says it too. */
export const DRAFT_IS_DELETED_NOT_CANCELLED = "A draft has nobody to tell: delete it instead.";

function load(tx: Pick<typeof db, "select">, eventId: string): EventRow | undefined {
  return tx.select().from(events).where(eq(events.id, eventId)).get();
}

/**
 * Publishes a draft (and, with `wholeSeries`, every draft session of its series still to come),
 * so it shows on the events page and takes registrations.
 */
export function publishEvent({ actorId, eventId, wholeSeries = false }: { actorId: string | null; eventId: string; wholeSeries?: boolean }): StatusResult {
  return db.transaction(
    (tx): StatusResult => {
      const event = load(tx, eventId);
      if (!event) return NO_SUCH_EVENT;
      const now = clock.now();
      if (event.status === "cancelled") return refuse("A cancelled event cannot be published again. Create a new one instead.");
      if (event.endsAt <= now) return refuse("This event is over, so there is no point publishing it.");
      const targets =
        wholeSeries && event.seriesId
          ? tx
              .select()
              .from(events)
              .where(and(eq(events.seriesId, event.seriesId), eq(events.status, "draft"), gt(events.endsAt, now)))
              .all()
          : event.status === "draft"
            ? [event]
            : [];
      if (!targets.length) return refuse("This event is already published.");
      for (const target of targets) {
        tx.update(events)
          .set({ status: "published", publishedAt: now, sequence: target.sequence + 1, updatedAt: now })
          .where(eq(events.id, target.id))
          .run();
        rescheduleEventJobs(tx, target.id);
        recordAudit(tx, { actorId, action: "event.published", targetType: "event", targetId: target.id, details: { title: target.title } });
      }
      return { ok: true, count: targets.length };
    },
    { behavior: "immediate" },
  );
}

/**
 * Takes a published event back to draft. Only while nobody has registered: once people have,
 * hiding the event would leave them with tickets for something that vanished, so it must be
 * cancelled instead (which tells them).
 */
export function unpublishEvent({ actorId, eventId }: { actorId: string | null; eventId: string }): StatusResult {
  return db.transaction(
    (tx): StatusResult => {
      const event = load(tx, eventId);
      if (!event) return NO_SUCH_EVENT;
      if (event.status !== "published") return refuse("Only a published event can be unpublished.");
      const registered = registeredPeople(eventId).length;
      if (registered) {
        return refuse(
          `${registered === 1 ? "1 person has" : `${registered} people have`} registered, so the event cannot go back to draft. Cancel it instead: everyone registered is then told.`,
        );
      }
      const now = clock.now();
      tx.update(events)
        .set({ status: "draft", sequence: event.sequence + 1, updatedAt: now })
        .where(eq(events.id, eventId))
        .run();
      recordAudit(tx, { actorId, action: "event.unpublished", targetType: "event", targetId: eventId, details: { title: event.title } });
      return { ok: true, count: 1 };
    },
    { behavior: "immediate" },
  );
}

/**
 * Cancels the event: it closes for good, every registration still open is closed (so no
 * reminder or offer follows), and everyone who was registered, confirmed or waiting, gets one
 * `event-cancelled` email, all in one transaction. People with a seat get the calendar
 * cancellation with it, which takes the event out of their calendars.
 */
export function cancelEvent({ actorId, eventId, message = "" }: { actorId: string | null; eventId: string; message?: string }): StatusResult {
  const { timeZone } = getOrganisation();
  return db.transaction(
    (tx): StatusResult => {
      const event = load(tx, eventId);
      if (!event) return NO_SUCH_EVENT;
      if (event.status === "cancelled") return refuse("This event is already cancelled.");
      if (event.status === "draft") return refuse(DRAFT_IS_DELETED_NOT_CANCELLED);
      const now = clock.now();
      if (event.endsAt <= now) return refuse("This event is over, so it can no longer be cancelled.");
      const people = registeredPeople(eventId);
      const cancelled = tx
        .update(events)
        .set({ status: "cancelled", cancelledAt: now, sequence: event.sequence + 1, updatedAt: now })
        .where(eq(events.id, eventId))
        .returning()
        .get();
      const when = whenText(event, timeZone);
      const url = absoluteUrl("/events");
      for (const person of people) {
        const ics = person.status === "confirmed" ? eventInvitation(cancelled, person) : undefined;
        enqueueMessage(tx, person.email, "event-cancelled", { name: person.name, eventTitle: event.title, when, message, url, ics });
      }
      // The personal calendar feed keeps the event for the seats closed at this same instant.
      tx.update(registrations)
        .set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null, updatedAt: now })
        .where(and(eq(registrations.eventId, eventId), ne(registrations.status, "cancelled")))
        .run();
      recordAudit(tx, {
        actorId,
        action: "event.cancelled",
        targetType: "event",
        targetId: eventId,
        details: { title: event.title, notified: people.length, ...(message ? { message } : {}) },
      });
      return { ok: true, count: people.length };
    },
    { behavior: "immediate" },
  );
}

/**
 * Deletes a draft for good, with its questions. Only a draft: a published event may have been
 * seen or booked, so it is cancelled instead, which tells people. A draft that was published
 * once holds no live registration (unpublishing needs none); the reminders scheduled back then
 * find no event when they fall due and do nothing.
 */
export function deleteDraftEvent({ actorId, eventId }: { actorId: string | null; eventId: string }): StatusResult {
  return db.transaction(
    (tx): StatusResult => {
      const event = load(tx, eventId);
      if (!event) return NO_SUCH_EVENT;
      if (event.status !== "draft") return refuse("Only a draft can be deleted. Cancel a published event instead: everyone registered is then told.");
      dropEventJobs(tx, eventId);
      tx.delete(events).where(eq(events.id, eventId)).run();
      recordAudit(tx, { actorId, action: "event.deleted", targetType: "event", targetId: eventId, details: { title: event.title } });
      return { ok: true, count: 1 };
    },
    { behavior: "immediate" },
  );
}
