import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { AttendanceFigures } from "~/components/events/attendance-figures";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { checkInFlash, doorList, whenText, attendanceCounts, checkIn } from "~/modules/events/index.server";
import { checkInCodeSchema, checkInPersonSchema, REGISTRATION_STATUS_LABELS } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Check in · ${data?.event.title ?? "Event"}` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const { timeZone } = getOrganisation();
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200).trim();
  const { rows, more } = doorList(event.id, q);
  return {
    event: { id: event.id, title: event.title, when: whenText(event, timeZone), status: event.status },
    q,
    counts: attendanceCounts(event.id),
    people: rows.map((row) => ({ ...row, presentAt: row.checkedInAt ? formatTime(row.checkedInAt, timeZone) : null })),
    more,
  };
}

/** Where to go back to: the same search, so the next person is one tap away. */
function backTo(eventId: string, q: string) {
  return `/admin/events/${eventId}/check-in${q ? `?q=${encodeURIComponent(q)}` : ""}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  const formData = await request.formData();
  const schema = formData.get("intent") === "registration" ? checkInPersonSchema : checkInCodeSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "registration"
      ? checkIn(undefined, { eventId: event.id, by: organiser.id, registrationId: value.registrationId })
      : checkIn(undefined, { eventId: event.id, by: organiser.id, shortCode: value.shortCode });
  // A code that matches nobody is an answer, not a malformed form: the page says so and the next person is served.
  if (!result.ok && result.code === "not-found" && value.intent === "code") {
    const message = `No ticket for this event has the code ${value.shortCode.toUpperCase()}. Check it and try again.`;
    return redirectWithFlash(backTo(event.id, value.q), { kind: "error", message });
  }
  return redirectWithFlash(backTo(event.id, value.q), checkInFlash(result, getOrganisation().timeZone));
}

export default function CheckIn() {
  const { event, q, counts, people, more } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkInCodeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="check-in">
      <p>
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </p>
      <PageHeader title="Check in" lead={`${event.title}: ${event.when}`} />
      {event.status !== "published" ? <p className="notice notice--error">This event is not published, so nobody can have a seat.</p> : null}
      <AttendanceFigures counts={counts} />
      <Form method="get" className="form" role="search">
        <div className="field">
          <label htmlFor="door-search" className="field__label">
            Find a person by name or email
          </label>
          <input id="door-search" name="q" type="search" className="input input--big" defaultValue={q} autoComplete="off" spellCheck={false} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary button--big">
            Search
          </button>
          {q ? <Link to={`/admin/events/${event.id}/check-in`}>Show everyone</Link> : null}
        </div>
      </Form>
      <h2>Ticket code</h2>
      <p className="muted measure">When the QR code will not scan, type the code printed under it.</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ shortCode: fields.shortCode }} />
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="q" value={q} />
        <TextField meta={fields.shortCode} label="Code" className="input input--big input--code" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <button type="submit" className="button button--primary button--big">
          Check in with the code
        </button>
      </Form>
      <h2>{q ? "Search results" : "People registered"}</h2>
      {people.length ? (
        <ul className="door-list" aria-label={q ? `People matching “${q}”` : "People registered"}>
          {people.map((person) => (
            <li key={person.id} className="door-list__row">
              <div className="door-list__who">
                <strong>{person.name}</strong>
                <span className="muted wrap-anywhere">{person.email}</span>
              </div>
              {person.presentAt ? (
                <span className="tag tag--success">Present at {person.presentAt}</span>
              ) : person.status === "confirmed" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="registration" />
                  <input type="hidden" name="registrationId" value={person.id} />
                  <input type="hidden" name="q" value={q} />
                  <button type="submit" className="button button--primary button--big">
                    Mark present<span className="visually-hidden"> for {person.name}</span>
                  </button>
                </Form>
              ) : (
                <span className="tag">{REGISTRATION_STATUS_LABELS[person.status]}: no seat</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{q ? `Nobody registered matches “${q}”.` : "Nobody has registered yet."}</p>
      )}
      {more ? <p className="muted">Showing the first {people.length}. Search to find someone else.</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
