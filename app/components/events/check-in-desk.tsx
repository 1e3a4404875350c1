import {
  getFormProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { AttendanceFigures } from "~/components/events/attendance-figures";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import {
  checkInCodeSchema,
  QR_CHECK_IN_INTENT,
  REGISTRATION_STATUS_LABELS,
  type RegistrationStatus,
} from "~/modules/events";

// The check-in desk, shared by the organisers' console and the door team's pages: each passes
// its own addresses, so the same screen serves both doors.

type Counts = Parameters<typeof AttendanceFigures>[0]["counts"];

export type DeskProps = {
  event: { id: string; title: string; when: string; status: string };
  q: string;
  counts: Counts;
  people: {
    id: string;
    name: string;
    email: string;
    status: RegistrationStatus;
    presentAt: string | null;
  }[];
  more: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The desk's own address, and where the link above the title goes. */
  base: string;
  back: { to: string; label: string };
};

export function CheckInDesk({
  event,
  q,
  counts,
  people,
  more,
  lastResult,
  base,
  back,
}: DeskProps) {
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: checkInCodeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="check-in">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <PageHeader title="Check in" lead={`${event.title}: ${event.when}`} />
      {event.status !== "published" ? (
        <p className="notice notice--error">
          This event is not published, so nobody can have a seat.
        </p>
      ) : null}
      <AttendanceFigures counts={counts} />
      <Form method="get" className="form" role="search" data-door="search">
        <div className="field">
          <label htmlFor="door-search" className="field__label">
            Find a person by name or email
          </label>
          <input
            id="door-search"
            name="q"
            type="search"
            className="input input--big"
            defaultValue={q}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="button-row">
          <button
            type="submit"
            className="button button--secondary button--big"
          >
            Search
          </button>
          {q ? <Link to={base}>Show everyone</Link> : null}
        </div>
      </Form>
      <h2>Ticket code</h2>
      <p className="muted measure">
        When the QR code will not scan, type the code printed under it.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="form"
        data-door="code"
      >
        <ErrorSummary form={form} fields={{ shortCode: fields.shortCode }} />
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="q" value={q} />
        <TextField
          meta={fields.shortCode}
          label="Code"
          className="input input--big input--code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button button--primary button--big">
          Check in with the code
        </button>
      </Form>
      <div data-door="people">
        <h2>{q ? "Search results" : "People registered"}</h2>
        {people.length ? (
          <ul
            className="door-list"
            aria-label={q ? `People matching “${q}”` : "People registered"}
          >
            {people.map((person) => (
              <li key={person.id} className="door-list__row">
                <div className="door-list__who">
                  <strong>{person.name}</strong>
                  <span className="muted wrap-anywhere">{person.email}</span>
                </div>
                {person.presentAt ? (
                  <span className="tag tag--success">
                    Present at {person.presentAt}
                  </span>
                ) : person.status === "confirmed" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="registration" />
                    <input
                      type="hidden"
                      name="registrationId"
                      value={person.id}
                    />
                    <input type="hidden" name="q" value={q} />
                    <button
                      type="submit"
                      className="button button--primary button--big"
                    >
                      Mark present
                      <span className="visually-hidden">
                        {" "}
                        for {person.name}
                      </span>
                    </button>
                  </Form>
                ) : (
                  <span className="tag">
                    {REGISTRATION_STATUS_LABELS[person.status]}: no seat
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {q
              ? `Nobody registered matches “${q}”.`
              : "Nobody has registered yet."}
          </p>
        )}
        {more ? (
          <p className="muted">
            Showing the first {people.length}. Search to find someone else.
          </p>
        ) : null}
      </div>
    </div>
  );
}

export type TicketProps = {
  event: { id: string; title: string };
  ticket: {
    name: string;
    email: string;
    status: RegistrationStatus;
    shortCode: string;
    presentAt: string | null;
  };
  otherEvent: { id: string; title: string } | null;
  counts: Counts;
  formError: string | undefined;
  /** The desk's address; `otherEventLink` is null where the viewer may not open other events. */
  base: string;
  otherEventLink: string | null;
};

export function TicketAtDoor({
  event,
  ticket,
  otherEvent,
  counts,
  formError,
  base,
  otherEventLink,
}: TicketProps) {
  return (
    <div className="check-in">
      <p>
        <Link to={base} reloadDocument>
          Check-in for {event.title}
        </Link>
      </p>
      <PageHeader title={ticket.name} lead={ticket.email} />
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      {otherEvent ? (
        <div className="notice notice--error">
          <p>This ticket is for another event: {otherEvent.title}.</p>
          {otherEventLink ? (
            <p>
              <Link to={otherEventLink}>Open {otherEvent.title}</Link>
            </p>
          ) : null}
        </div>
      ) : ticket.presentAt ? (
        <p className="notice notice--success">
          <strong>Already checked in at {ticket.presentAt}.</strong>
        </p>
      ) : ticket.status === "confirmed" ? (
        <Form method="post" className="form">
          <p>
            Ticket code <strong className="code">{ticket.shortCode}</strong>
          </p>
          <button
            type="submit"
            name="intent"
            value={QR_CHECK_IN_INTENT}
            className="button button--primary button--big button--wide"
          >
            Mark present
          </button>
        </Form>
      ) : (
        <p className="notice notice--error">
          No seat: {REGISTRATION_STATUS_LABELS[ticket.status].toLowerCase()}.
          Only people with a confirmed seat can be checked in.
        </p>
      )}
      <AttendanceFigures counts={counts} />
      <p>
        <Link to={base} reloadDocument className="button button--secondary button--big">
          Back to check-in
        </Link>
      </p>
    </div>
  );
}
