import { QUESTION_KIND_LABELS } from "~/modules/events";

type DetailsEvent = {
  slug: string;
  status: "draft" | "published" | "cancelled";
  summary: string;
  when: string;
  isOnline: boolean;
  venueName: string;
  venueAddress: string;
  mapUrl: string;
  joinUrl: string;
  capacity: number;
  waitlistEnabled: boolean;
  opens: string | null;
  closes: string | null;
  reminderHoursBefore: number;
  offerHours: number;
  descriptionHtml: string;
};

type Question = { id: string; label: string; kind: "text" | "choice" | "yes_no"; required: boolean; options: string[] };

/** An event's details as organisers check them: everything the form sets, in plain words. */
export function EventDetails({ event, questions, seatsTaken, waiting }: { event: DetailsEvent; questions: Question[]; seatsTaken: number; waiting: number }) {
  return (
    <>
      <h2>Details</h2>
      <dl className="summary-list">
        <dt>When</dt>
        <dd>{event.when}</dd>
        <dt>Where</dt>
        <dd>
          {event.isOnline ? (
            <>
              Online
              <br />
              <span className="muted">Joining link (confirmed attendees only): </span>
              <a href={event.joinUrl} rel="noopener noreferrer" className="wrap-anywhere">
                {event.joinUrl}
              </a>
            </>
          ) : (
            <>
              {event.venueName}
              <br />
              <span className="pre-line">{event.venueAddress}</span>
              {event.mapUrl ? (
                <>
                  <br />
                  <a href={event.mapUrl} rel="noopener noreferrer">
                    Map
                  </a>
                </>
              ) : null}
            </>
          )}
        </dd>
        <dt>Seats</dt>
        <dd>
          {seatsTaken} of {event.capacity} taken
          {event.waitlistEnabled ? `, ${waiting} waiting` : ", no waiting list"}
        </dd>
        <dt>Registration</dt>
        <dd>
          {event.opens ? `Opens ${event.opens}` : "Open once published"}
          {", "}
          {event.closes ? `closes ${event.closes}` : "closes when the event starts"}
        </dd>
        <dt>Reminder</dt>
        <dd>
          {event.reminderHoursBefore} {event.reminderHoursBefore === 1 ? "hour" : "hours"} before the start
        </dd>
        {event.waitlistEnabled ? (
          <>
            <dt>Offered seats</dt>
            <dd>
              Held for {event.offerHours} {event.offerHours === 1 ? "hour" : "hours"} for the person waiting
            </dd>
          </>
        ) : null}
        <dt>Web address</dt>
        <dd>
          {event.status === "published" ? <a href={`/events/${event.slug}`}>/events/{event.slug}</a> : <span>/events/{event.slug} (once published)</span>}
        </dd>
        <dt>Questions</dt>
        <dd>
          {questions.length ? (
            <ol className="compact-list">
              {questions.map((q) => (
                <li key={q.id}>
                  {q.label} <span className="muted">({QUESTION_KIND_LABELS[q.kind].toLowerCase()}{q.kind === "choice" ? `: ${q.options.join(", ")}` : ""}{q.required ? ", required" : ""})</span>
                </li>
              ))}
            </ol>
          ) : (
            "None"
          )}
        </dd>
      </dl>
      {event.summary ? <p className="lead">{event.summary}</p> : null}
      <details className="event-description">
        <summary>Description as people see it</summary>
        {/* Rendered from Markdown with raw HTML off and only safe links. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
      </details>
    </>
  );
}
