import { formatDateTime, formatTime } from "~/utils/dates";
import type { EventRow } from "~/modules/events/publishing/events.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { clock } from "~/utils/clock.server";

type Times = Pick<EventRow, "startsAt" | "endsAt">;
type Place = Pick<EventRow, "isOnline" | "venueName" | "venueAddress">;

/** Whether the event (or one session of a series) has ended. */
export function hasEnded(event: Pick<EventRow, "endsAt">): boolean {
  return event.endsAt <= clock.now();
}

// Lists show many dates: one formatter per time zone, made once (making one is the slow part).
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in the time zone, as 2026-12-03. */
function localDay(instant: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** "Thursday 3 December 2026, 2:00 pm to 5:00 pm" (the end's date only when it is another day). */
export function whenText({ startsAt, endsAt }: Times, timeZone: string): string {
  const sameDay = localDay(startsAt, timeZone) === localDay(endsAt, timeZone);
  return `${formatDateTime(startsAt, timeZone)} to ${sameDay ? formatTime(endsAt, timeZone) : formatDateTime(endsAt, timeZone)}`;
}

export function placeText(event: Place): string {
  if (event.isOnline) return "Online";
  return [event.venueName, event.venueAddress].filter(Boolean).join(", ") || "To be announced";
}

export const ticketPath = (registrationId: string) => `/me/tickets/${registrationId}`;
export const eventPath = (slug: string) => `/events/${slug}`;

/** The facts every event email shows, written out in the organisation's time zone. */
export function emailFacts(event: EventRow, timeZone = getOrganisation().timeZone) {
  return {
    eventTitle: event.title,
    when: whenText(event, timeZone),
    place: placeText(event),
    mapUrl: !event.isOnline && /^https?:\/\//i.test(event.mapUrl) ? event.mapUrl : "",
  };
}

export function safeJoinUrl(event: EventRow): string {
  return event.isOnline && /^https?:\/\//i.test(event.joinUrl) ? event.joinUrl : "";
}
