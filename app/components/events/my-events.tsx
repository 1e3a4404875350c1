import { Form, Link } from "react-router";
import type { RegistrationStatus } from "~/modules/events";
import { RegistrationTag } from "./event-ui";
import { SubmitButton } from "../forms";

type Item = { id: string; status: RegistrationStatus; position: number | null; title: string; slug: string; when: string; eventCancelled: boolean };

function RegistrationList({ items, label }: { items: Item[]; label: string }) {
  return (
    <ul className="my-events" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/me/tickets/${item.id}`}>{item.title}</Link>
          <br />
          <span className="muted">{item.when}</span>{" "}
          {item.eventCancelled ? <span className="tag tag--error">Event cancelled</span> : <RegistrationTag status={item.status} position={item.position} />}
        </li>
      ))}
    </ul>
  );
}

/** The person's bookings on their page, and their private calendar address. */
export function MyEvents({ upcoming, past, feedUrl }: { upcoming: Item[]; past: Item[]; feedUrl: string }) {
  return (
    <section aria-labelledby="my-events-title" className="my-events-section">
      <h2 id="my-events-title">My events</h2>
      {upcoming.length ? (
        <RegistrationList items={upcoming} label="Upcoming events" />
      ) : (
        <p>
          You have no upcoming bookings. <Link to="/events">Find a workshop or seminar</Link>.
        </p>
      )}
      {past.length ? (
        <details>
          <summary>Past events ({past.length})</summary>
          <RegistrationList items={past} label="Past events" />
        </details>
      ) : null}
      <h3>Your events in your calendar app</h3>
      <p>
        Subscribe to this private address in Google Calendar, Apple Calendar or Outlook and your confirmed events appear there
        by themselves. Keep it to yourself: anyone with it can see your bookings.
      </p>
      <div className="field">
        <label htmlFor="calendar-feed" className="field__label">
          Your calendar address
        </label>
        <input id="calendar-feed" className="input" type="url" readOnly value={feedUrl} />
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="new-calendar-address" />
        <SubmitButton variant="secondary">Get a new address</SubmitButton>
      </Form>
      <p className="muted">A new address stops the old one from working.</p>
    </section>
  );
}
