import { and, inArray, lt, ne, sql } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { eventFeedback, events, registrationAnswers, registrations } from "~db/schema";

/**
 * Registrations of events that ended before `eventsEndedBefore` lose their answers and feedback
 * comments; the registrations themselves (seat counts, attendance) and the ratings stay.
 */
export function applyEventsRetention(tx: Tx, cutoffs: { eventsEndedBefore: number }): Record<string, number> {
  const oldRegistrations = tx
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, sql`${events.id} = ${registrations.eventId}`)
    .where(lt(events.endsAt, cutoffs.eventsEndedBefore));
  return {
    registrationAnswers: tx.delete(registrationAnswers).where(inArray(registrationAnswers.registrationId, oldRegistrations)).run().changes,
    feedbackComments: tx
      .update(eventFeedback)
      .set({ comment: "" })
      .where(and(inArray(eventFeedback.registrationId, oldRegistrations), ne(eventFeedback.comment, "")))
      .run().changes,
  };
}
