import { Link } from "react-router";
import type { EventKind, RegistrationStatus } from "~/modules/events";
import { KIND_LABELS } from "~/modules/events";

type SeatStateView = { text: string; tone: "open" | "full" | "closed" | "cancelled" };

const SEAT_TAG: Record<SeatStateView["tone"], string> = {
  open: "tag tag--success",
  full: "tag",
  closed: "tag",
  cancelled: "tag tag--error",
};

export function SeatTag({ seats }: { seats: SeatStateView }) {
  return <span className={SEAT_TAG[seats.tone]}>{seats.text}</span>;
}

type EventCardView = { slug: string; kind: EventKind; title: string; summary: string; when: string; place: string; seats: SeatStateView };

export function EventCard({ event }: { event: EventCardView }) {
  return (
    <li className="card event-card">
      <p className="event-card__kind muted">{KIND_LABELS[event.kind]}</p>
      <h2 className="event-card__title">
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </h2>
      <p className="event-card__when">{event.when}</p>
      <p className="muted">{event.place}</p>
      {event.summary ? <p>{event.summary}</p> : null}
      <p>
        <SeatTag seats={event.seats} />
      </p>
    </li>
  );
}

/** What a registration's status means to the person, in their words. */
function registrationStatusText(status: RegistrationStatus, position: number | null): string {
  switch (status) {
    case "confirmed":
      return "Seat confirmed";
    case "offered":
      return "A seat is offered to you";
    case "waitlisted":
      return position ? `On the waitlist: number ${position}` : "On the waitlist";
    case "cancelled":
      return "Cancelled";
  }
}

export function RegistrationTag({ status, position }: { status: RegistrationStatus; position: number | null }) {
  const tone = status === "confirmed" ? "tag tag--success" : status === "cancelled" ? "tag tag--error" : "tag";
  return <span className={tone}>{registrationStatusText(status, position)}</span>;
}
