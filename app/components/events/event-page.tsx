import { Link } from "react-router";
import type { RegistrationStatus } from "~/modules/events";
import { RegistrationTag } from "./event-ui";

type FactsPage = {
  event: {
    slug: string;
    when: string;
    timeZone: string;
    isOnline: boolean;
    venueName: string;
    venueAddress: string;
    place: string;
    mapUrl: string;
    status: string;
  };
  seatsLeft: number;
  waiting: number;
};

/** When, where and how many seats, with the calendar file. */
export function EventFacts({ page }: { page: FactsPage }) {
  const { event } = page;
  return (
    <dl className="summary-list event-facts">
      <dt>When</dt>
      <dd>
        {event.when} <span className="muted">({event.timeZone})</span>
        <br />
        <a href={`/events/${event.slug}.ics`} download={`${event.slug}.ics`}>
          Add to my calendar (.ics)
        </a>
      </dd>
      <dt>Where</dt>
      <dd>
        {event.isOnline ? (
          "Online: the joining link is shown to people with a confirmed seat."
        ) : (
          <>
            {event.venueName ? <strong>{event.venueName}</strong> : null}
            {event.venueAddress ? (
              <>
                <br />
                {event.venueAddress}
              </>
            ) : null}
            {event.mapUrl ? (
              <>
                <br />
                <a href={event.mapUrl} rel="noopener noreferrer">
                  Open the map
                </a>
              </>
            ) : null}
          </>
        )}
      </dd>
      {event.status === "published" ? (
        <>
          <dt>Seats</dt>
          <dd>
            {page.seatsLeft > 0 ? `${page.seatsLeft} left` : "All taken"}
            {page.waiting > 0 ? `, ${page.waiting} on the waitlist` : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

type Mine = { id: string; status: RegistrationStatus; position: number | null };

export function RegistrationPanel({ mine, joinUrl }: { mine: Mine; joinUrl: string }) {
  return (
    <div className="notice notice--success">
      <p>
        <RegistrationTag status={mine.status} position={mine.position} />
      </p>
      {mine.status === "offered" ? <p>A seat came free for you. Accept it on your registration page before the offer runs out.</p> : null}
      {joinUrl ? (
        <p>
          Join online: <a href={joinUrl} rel="noopener noreferrer">{joinUrl}</a>
        </p>
      ) : null}
      <p>
        <Link to={`/me/tickets/${mine.id}`}>{mine.status === "confirmed" ? "Show my ticket" : "See my registration"}</Link>
      </p>
    </div>
  );
}
