import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { and, eq } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { eventFeedback, events, registrations } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { hashToken } from "~/utils/ids.server";
import { eventPath } from "../facts.server";
import { personOf, type RegistrationRow } from "../booking/seats.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { absoluteUrl } from "~/utils/urls.server";
import { firstTime, enqueueMessage } from "~/modules/outbox/index.server";

/**
 * The feedback link's token, derived from the ticket's secret check-in token: unguessable, tied to
 * one registration, and it cannot be turned back into the check-in token.
 */
export function feedbackToken(registration: Pick<RegistrationRow, "checkInToken">): string {
  return hashToken(`feedback:${registration.checkInToken}`).slice(0, 40);
}

function feedbackPath(event: Pick<EventRow, "slug">, registration: Pick<RegistrationRow, "id" | "checkInToken">): string {
  const query = new URLSearchParams({ r: registration.id, t: feedbackToken(registration) });
  return `${eventPath(event.slug)}/feedback?${query}`;
}

/** Queues the one feedback request this attendee ever gets for this event. */
export function requestFeedback(tx: Tx, registration: RegistrationRow, event: EventRow): boolean {
  if (registration.checkedInAt === null) return false;
  if (!firstTime(tx, `feedback-request:${registration.id}`)) return false;
  const person = personOf(registration.userId);
  enqueueMessage(tx, person.email, "feedback-request", {
    name: person.name,
    eventTitle: event.title,
    url: absoluteUrl(feedbackPath(event, registration)),
  });
  return true;
}

function sameToken(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  return left.length === right.length && constantTimeEqual(left, right);
}

export type FeedbackAccess = { registrationId?: string | null; token?: string | null; userId?: string | null };

type FeedbackForm =
  | { state: "open"; event: EventRow; registrationId: string; token: string | null }
  | { state: "given"; event: EventRow; rating: number }
  | { state: "not-attended"; event: EventRow }
  | { state: "too-early"; event: EventRow };

/**
 * Who may give feedback: the person behind the emailed link, or the signed-in person, in both
 * cases only when they were checked in. Null for an unknown event or a link that does not fit.
 */
export function feedbackFormFor(slug: string, access: FeedbackAccess): FeedbackForm | null {
  const event = db.select().from(events).where(eq(events.slug, slug)).get();
  if (!event || event.status === "draft") return null;
  let registration: RegistrationRow | undefined;
  if (access.registrationId && access.token) {
    registration = db
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, access.registrationId), eq(registrations.eventId, event.id)))
      .get();
    if (!registration || !sameToken(feedbackToken(registration), access.token)) return null;
  } else if (access.userId) {
    registration = db
      .select()
      .from(registrations)
      .where(and(eq(registrations.userId, access.userId), eq(registrations.eventId, event.id)))
      .get();
  } else {
    return null;
  }
  if (!registration || registration.checkedInAt === null) return { state: "not-attended", event };
  if (clock.now() < event.startsAt) return { state: "too-early", event };
  const given = db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, registration.id)).get();
  if (given) return { state: "given", event, rating: given.rating };
  return { state: "open", event, registrationId: registration.id, token: access.token ?? null };
}

/** Saves the person's one piece of feedback; a second submission keeps the first. */
export function saveFeedback(registrationId: string, input: { rating: number; comment: string }): { saved: boolean } {
  const inserted = db
    .insert(eventFeedback)
    .values({ registrationId, rating: input.rating, comment: input.comment.trim(), createdAt: clock.now() })
    .onConflictDoNothing()
    .returning({ id: eventFeedback.registrationId })
    .all();
  return { saved: inserted.length > 0 };
}
