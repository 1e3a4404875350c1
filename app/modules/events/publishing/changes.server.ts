import type { Tx } from "~db/client.server";
import type { EventRow } from "./events.server";
import { eventInvitation } from "../calendars/calendar.server";
import { eventPath, placeText, whenText } from "../facts.server";
import { registeredPeople } from "../booking/registrations.server";
import { absoluteUrl } from "~/utils/urls.server";
import { enqueueMessage } from "~/modules/outbox/index.server";


type EventChange = { label: string; before: string; after: string };

type Place = Pick<EventRow, "isOnline" | "venueName" | "venueAddress" | "mapUrl" | "joinUrl">;
type Times = Pick<EventRow, "startsAt" | "endsAt">;

export function timeChanged(before: Times, after: Times): boolean {
  return before.startsAt !== after.startsAt || before.endsAt !== after.endsAt;
}

export function placeChanged(before: Place, after: Place): boolean {
  return (
    before.isOnline !== after.isOnline ||
    before.venueName !== after.venueName ||
    before.venueAddress !== after.venueAddress ||
    before.mapUrl !== after.mapUrl ||
    before.joinUrl !== after.joinUrl
  );
}

/**
 * What changed in the time or place, as lines of an email. The joining link is only shown to
 * people with a confirmed seat, as on the event page.
 */
function describeChanges(before: EventRow, after: Times & Place, timeZone: string, confirmed: boolean): EventChange[] {
  const changes: EventChange[] = [];
  if (timeChanged(before, after)) {
    changes.push({ label: "When", before: whenText(before, timeZone), after: whenText(after, timeZone) });
  }
  const where = { before: placeText(before), after: placeText(after) };
  if (where.before !== where.after) changes.push({ label: "Where", ...where });
  if (!after.isOnline && before.mapUrl !== after.mapUrl && after.mapUrl) {
    changes.push({ label: "Map", before: before.isOnline ? "(none)" : before.mapUrl || "(none)", after: after.mapUrl });
  }
  if (after.isOnline && before.joinUrl !== after.joinUrl && after.joinUrl) {
    changes.push(
      confirmed
        ? { label: "Joining link", before: before.joinUrl || "(none)", after: after.joinUrl }
        : { label: "Joining link", before: "(not shown until your seat is confirmed)", after: "a new link, shown once your seat is confirmed" },
    );
  }
  return changes;
}

/** A new time or place: what calendar apps must hear about, with a higher SEQUENCE. */
export function calendarChanged(before: Times & Place, after: Times & Place): boolean {
  return timeChanged(before, after) || placeChanged(before, after);
}

/**
 * Writes one `event-changed` email to each person registered when the time or place of a
 * published event changed; people with a seat get the updated calendar invitation with it.
 * Call it in the transaction that saves the change, with the saved row; returns how many
 * emails were queued.
 */
export function notifyEventChanged(tx: Tx, before: EventRow, after: EventRow, timeZone: string): number {
  if (before.status !== "published") return 0;
  if (!calendarChanged(before, after)) return 0;
  let sent = 0;
  for (const person of registeredPeople(before.id)) {
    const confirmed = person.status === "confirmed";
    const changes = describeChanges(before, after, timeZone, confirmed);
    if (!changes.length) continue;
    enqueueMessage(tx, person.email, "event-changed", {
      name: person.name,
      eventTitle: after.title,
      url: absoluteUrl(eventPath(after.slug)),
      changes,
      waiting: person.status === "waitlisted",
      ics: confirmed ? eventInvitation(after, person) : undefined,
    });
    sent += 1;
  }
  return sent;
}
