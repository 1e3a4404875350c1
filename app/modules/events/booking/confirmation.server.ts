import type { Tx } from "~db/client.server";
import { eventInvitation } from "../calendars/calendar.server";
import { emailFacts, safeJoinUrl, ticketPath } from "../facts.server";
import { scheduleEventJobs } from "../follow-up/reminders.server";
import { personOf, type RegistrationRow } from "./seats.server";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { absoluteUrl } from "~/utils/urls.server";
import { enqueueMessage } from "~/modules/outbox/index.server";

/**
 * The confirmation email (ticket link, the event as a calendar invitation) and the event's reminder job, written in the
 * transaction that confirms the seat.
 */
export function confirmSeat(tx: Tx, registration: RegistrationRow, event: EventRow, options: { fromWaitlist: boolean }) {
  const person = personOf(registration.userId);
  enqueueMessage(tx, person.email, "registration-confirmed", {
    name: person.name,
    ...emailFacts(event),
    url: absoluteUrl(ticketPath(registration.id)),
    joinUrl: safeJoinUrl(event),
    ics: eventInvitation(event, person),
    fromWaitlist: options.fromWaitlist,
  });
  scheduleEventJobs(tx, event);
}
