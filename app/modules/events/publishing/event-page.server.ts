import { and, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { registrations } from "~db/schema";
import { env } from "~/utils/env.server";
import { renderMarkdown, markdownToPlainText } from "~/utils/markdown.server";
import { closedReason } from "../booking/booking.server";
import { eventPath, placeText, safeJoinUrl, whenText } from "../facts.server";
import { seatState } from "./public-lists.server";
import { seatFigures, waitlistPosition } from "../booking/seats.server";
import { eventQuestionsOf, type EventRow } from "~/modules/events/publishing/events.server";
import { absoluteUrl } from "~/utils/urls.server";
import { getOrganisation, organisationCardPath } from "~/modules/organisation/index.server";
import { eventCardPath } from "./sharing.server";
import { clock } from "~/utils/clock.server";

/** "Lagos time" for Africa/Lagos. */
function timeZoneLabel(timeZone: string): string {
  return `${(timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ")} time`;
}

/** JSON for a `<script>` element: `<`, `>` and `&` escaped so the text can never close the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function mapLink(event: EventRow): string {
  if (event.isOnline) return "";
  if (/^https?:\/\//i.test(event.mapUrl)) return event.mapUrl;
  const address = [event.venueName, event.venueAddress].filter(Boolean).join(", ");
  return address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}` : "";
}

/** schema.org/Event, as search engines and link previews read it. */
function structuredData(event: EventRow, pageUrl: string, image: string, organisation: { name: string; currency: string }, seatsLeft: number) {
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    image: [image],
    description: event.summary || markdownToPlainText(event.description, 300),
    startDate: new Date(event.startsAt).toISOString(),
    endDate: new Date(event.endsAt).toISOString(),
    eventStatus: event.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: event.isOnline ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location: event.isOnline
      ? { "@type": "VirtualLocation", url: pageUrl }
      : { "@type": "Place", name: event.venueName || placeText(event), address: event.venueAddress || placeText(event) },
    organizer: { "@type": "Organization", name: organisation.name, url: env.APP_URL },
    offers: {
      "@type": "Offer",
      price: 0,
      // Seats are free; the price still needs a currency.
      priceCurrency: organisation.currency,
      url: pageUrl,
      availability: seatsLeft > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
    },
    url: pageUrl,
  };
}

/** Everything the event page shows, for this visitor (signed in or not). */
export function eventPageData(event: EventRow, userId: string | null) {
  const now = clock.now();
  const organisation = getOrganisation();
  const { timeZone, name: organisationName } = organisation;
  const figures = seatFigures(db, [event.id]).get(event.id) ?? { held: 0, waiting: 0 };
  const seatsLeft = Math.max(0, event.capacity - figures.held);
  const mine = userId
    ? db.select().from(registrations).where(and(eq(registrations.eventId, event.id), eq(registrations.userId, userId))).get()
    : undefined;
  const active = mine && mine.status !== "cancelled" ? mine : null;
  const closed = closedReason(event, now, timeZone);
  const full = seatsLeft === 0 && !event.waitlistEnabled;
  const pageUrl = absoluteUrl(eventPath(event.slug));
  // Drafts and cancelled events have no card of their own: the organisation's stands in.
  const shareImage = event.status === "published" ? absoluteUrl(eventCardPath(event)) : null;
  return {
    event: {
      slug: event.slug,
      kind: event.kind,
      title: event.title,
      summary: event.summary,
      status: event.status,
      descriptionHtml: renderMarkdown(event.description),
      plainDescription: event.summary || markdownToPlainText(event.description, 200),
      when: whenText(event, timeZone),
      timeZone: timeZoneLabel(timeZone),
      isOnline: event.isOnline,
      place: placeText(event),
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      mapUrl: mapLink(event),
      waitlistEnabled: event.waitlistEnabled,
    },
    seats: seatState(event, figures, now, timeZone),
    seatsLeft,
    waiting: figures.waiting,
    mine: active ? { id: active.id, status: active.status, position: waitlistPosition(active) } : null,
    joinUrl: active?.status === "confirmed" ? safeJoinUrl(event) : "",
    questions: closed || active ? [] : eventQuestionsOf(event.id),
    canRegister: !closed && !active && !full,
    closedMessage:
      event.status === "draft"
        ? "Registration opens once the event is published."
        : (closed?.message ?? (full && !active ? "Sorry, this event is full and has no waitlist." : null)),
    willWaitlist: seatsLeft === 0,
    pageUrl,
    organisationName,
    shareImage,
    jsonLd: scriptSafeJson(structuredData(event, pageUrl, shareImage ?? absoluteUrl(organisationCardPath(organisation)), organisation, seatsLeft)),
  };
}

