import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { db } from "~db/client.server";
import { events, registrations, type RegistrationStatus } from "~db/schema";
import { formatDateTime } from "~/utils/dates";
import { placeText, safeJoinUrl, whenText } from "../facts.server";
import { waitlistPosition } from "./seats.server";
import { absoluteUrl } from "~/utils/urls.server";
import { clock } from "~/utils/clock.server";

/** The address the ticket's QR code opens: the door's check-in page for this person, for organisers and the door team alike. */
export function checkInUrl(eventId: string, checkInToken: string): string {
  return absoluteUrl(`/door/${eventId}/${checkInToken}`);
}

/** A QR code as an SVG document, drawn on the server: the page needs no script for it. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export function ownsRegistration(userId: string, registrationId: string): boolean {
  return !!db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
    .get();
}

/**
 * The person's own registration, with what the ticket page shows. Null for anyone else's, so a
 * stranger cannot even learn that it exists.
 */
export async function ticketFor(userId: string, registrationId: string, timeZone: string) {
  const now = clock.now();
  const row = db
    .select({ registration: registrations, event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.userId, userId)))
    .get();
  if (!row) return null;
  const { registration, event } = row;
  const confirmed = registration.status === "confirmed";
  const ended = now >= event.endsAt;
  return {
    id: registration.id,
    status: registration.status,
    position: waitlistPosition(registration),
    offerExpires:
      registration.status === "offered" && registration.offerExpiresAt !== null ? formatDateTime(registration.offerExpiresAt, timeZone) : null,
    checkedIn: registration.checkedInAt !== null ? formatDateTime(registration.checkedInAt, timeZone) : null,
    shortCode: registration.shortCode,
    qr: confirmed && !ended && event.status === "published" ? await qrSvg(checkInUrl(event.id, registration.checkInToken)) : null,
    canCancel: registration.status !== "cancelled" && now < event.startsAt,
    event: {
      slug: event.slug,
      title: event.title,
      status: event.status,
      when: whenText(event, timeZone),
      place: placeText(event),
      mapUrl: !event.isOnline && /^https?:\/\//i.test(event.mapUrl) ? event.mapUrl : "",
      joinUrl: confirmed ? safeJoinUrl(event) : "",
      started: now >= event.startsAt,
      ended,
    },
  };
}

type MyRegistration = {
  id: string;
  status: RegistrationStatus;
  position: number | null;
  title: string;
  slug: string;
  when: string;
  eventCancelled: boolean;
};

/** The person's registrations: upcoming (soonest first) and past (latest first, the last 50). */
// What a person's list of registrations shows, read once per request on every visit to /me:
// prepared once (ADR 0046), only the columns shown.
const myRegistrationColumns = {
  id: registrations.id,
  eventId: registrations.eventId,
  status: registrations.status,
  waitlistedAt: registrations.waitlistedAt,
  title: events.title,
  slug: events.slug,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  eventStatus: events.status,
};
const myRegistrationsStatement = (upcoming: boolean) =>
  db
    .select(myRegistrationColumns)
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.userId, sql.placeholder("userId")), (upcoming ? gt : lte)(events.endsAt, sql.placeholder("now"))))
    .orderBy(upcoming ? asc(events.startsAt) : desc(events.startsAt))
    .limit(upcoming ? 200 : 50)
    .prepare();
const myUpcomingStatement = myRegistrationsStatement(true);
const myPastStatement = myRegistrationsStatement(false);

export function myRegistrations(userId: string, timeZone: string) {
  const now = clock.now();
  const shown = (row: ReturnType<typeof myUpcomingStatement.all>[number]): MyRegistration => ({
    id: row.id,
    status: row.status,
    position: waitlistPosition(row),
    title: row.title,
    slug: row.slug,
    when: whenText(row, timeZone),
    eventCancelled: row.eventStatus === "cancelled",
  });
  return { upcoming: myUpcomingStatement.all({ userId, now }).map(shown), past: myPastStatement.all({ userId, now }).map(shown) };
}
