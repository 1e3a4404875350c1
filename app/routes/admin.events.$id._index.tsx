import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EventDetails } from "~/components/events/event-details";
import { FeedbackResults, SeatHoldersTable, WaitlistTable, type PersonRow } from "~/components/events/event-people";
import { EventStatusTag } from "~/components/events/status-tag";
import { PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { renderMarkdown } from "~/utils/markdown.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { NO_EVENT, requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { feedbackSummary, registrationsWithAnswers, type RegistrationListing, whenText, publishEvent, unpublishEvent, deleteDraftEvent, eventQuestionsOf, seriesSessions, attendanceCounts, hasEnded } from "~/modules/events/index.server";
import { eventActionSchema, KIND_LABELS } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} · Events` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const { timeZone } = getOrganisation();
  const at = (instant: number | null) => (instant === null ? null : formatInstant(instant, timeZone));
  const toRow = (r: RegistrationListing): PersonRow => ({
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    registered: formatInstant(r.createdAt, timeZone),
    since: at(r.waitlistedAt),
    offerUntil: r.status === "offered" ? at(r.offerExpiresAt) : null,
    checkedIn: at(r.checkedInAt),
    answers: r.answers,
  });
  const people = registrationsWithAnswers(event.id, { includeCancelled: true });
  const feedback = feedbackSummary(event.id);
  const sessions = event.seriesId ? seriesSessions(event.seriesId) : [];
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kindLabel: KIND_LABELS[event.kind],
      status: event.status,
      summary: event.summary,
      when: whenText(event, timeZone),
      isOnline: event.isOnline,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      mapUrl: event.mapUrl,
      joinUrl: event.joinUrl,
      capacity: event.capacity,
      waitlistEnabled: event.waitlistEnabled,
      opens: at(event.registrationOpensAt),
      closes: at(event.registrationClosesAt),
      reminderHoursBefore: event.reminderHoursBefore,
      offerHours: event.offerHours,
      cancelledAt: at(event.cancelledAt),
      over: hasEnded(event),
      descriptionHtml: renderMarkdown(event.description),
    },
    timeZone,
    questions: eventQuestionsOf(event.id).map((q) => ({ id: q.id, label: q.label, kind: q.kind, required: q.required, options: q.options })),
    seatHolders: people.filter((p) => p.status === "confirmed" || p.status === "offered").map(toRow),
    waitlist: people.filter((p) => p.status === "waitlisted").map(toRow),
    cancelled: people.filter((p) => p.status === "cancelled").map((p) => ({ id: p.id, name: p.name, email: p.email })),
    attendance: attendanceCounts(event.id),
    feedback: { ...feedback, comments: feedback.comments.map((c) => ({ rating: c.rating, comment: c.comment, at: formatInstant(c.createdAt, timeZone) })) },
    sessions: sessions.map((s) => ({ id: s.id, position: s.seriesPosition, when: formatInstant(s.startsAt, timeZone), status: s.status, current: s.id === event.id })),
    draftSessionsToCome: sessions.filter((s) => s.status === "draft" && !hasEnded(s)).length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser: actor, event } = requireOrganiserEvent(request, params.id);
  const id = event.id;
  const submission = parseWithZod(await request.formData(), { schema: eventActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent } = submission.value;
  if (intent === "delete-draft") {
    const deleted = deleteDraftEvent({ actorId: actor.id, eventId: id });
    if (!deleted.ok) return deleted.code === "not-found" ? notFound(NO_EVENT) : refusalReply(submission, deleted);
    return redirectWithFlash("/admin/events", `Deleted the draft “${event.title}”.`);
  }
  const result =
    intent === "unpublish"
      ? unpublishEvent({ actorId: actor.id, eventId: id })
      : publishEvent({ actorId: actor.id, eventId: id, wholeSeries: intent === "publish-series" });
  if (!result.ok) return result.code === "not-found" ? notFound(NO_EVENT) : refusalReply(submission, result);
  if (intent === "unpublish") return redirectWithFlash(`/admin/events/${id}`, "Unpublished: the event is a draft again and no longer on the events page.");
  return redirectWithFlash(
    `/admin/events/${id}`,
    result.count > 1 ? `Published ${result.count} sessions: they are on the events page and take registrations.` : "Published: the event is on the events page and takes registrations.",
  );
}

export default function AdminEvent() {
  const { event, questions, seatHolders, waitlist, cancelled, attendance, feedback, sessions, draftSessionsToCome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.[""]?.[0];
  const open = event.status !== "cancelled" && !event.over;
  return (
    <>
      <p>
        <Link to="/admin/events">Events</Link>
      </p>
      <PageHeader title={event.title}>
        <p>
          <EventStatusTag status={event.status} /> <span className="tag">{event.kindLabel}</span>
          {event.over ? <span className="tag">Over</span> : null}
        </p>
      </PageHeader>
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="button-row">
        {open && event.status === "draft" ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="button button--primary">
              Publish
            </button>
          </Form>
        ) : null}
        {open && draftSessionsToCome > 1 ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish-series" className="button button--secondary">
              Publish all {draftSessionsToCome} draft sessions
            </button>
          </Form>
        ) : null}
        {open && event.status === "published" ? (
          <Link to={`/admin/events/${event.id}/check-in`} className="button button--primary">
            Check people in
          </Link>
        ) : null}
        {open ? (
          <Link to={`/admin/events/${event.id}/door-team`} className="button button--secondary">
            Door team
          </Link>
        ) : null}
        {open ? (
          <Link to={`/admin/events/${event.id}/edit`} className="button button--secondary">
            Edit
          </Link>
        ) : null}
        {open && event.status === "published" && !seatHolders.length && !waitlist.length ? (
          <Form method="post">
            <button type="submit" name="intent" value="unpublish" className="button button--secondary">
              Unpublish
            </button>
          </Form>
        ) : null}
        {open && event.status === "published" ? (
          <Link to={`/admin/events/${event.id}/cancel`} className="button button--warning">
            Cancel the event
          </Link>
        ) : null}
      </div>
      {event.status === "draft" ? (
        <details className="measure">
          <summary>Delete this draft</summary>
          <p>The draft and its questions are removed for good. Nobody has a place at a draft, so nobody is emailed.</p>
          <Form method="post">
            <button type="submit" name="intent" value="delete-draft" className="button button--warning">
              Delete for good
            </button>
          </Form>
        </details>
      ) : null}
      {event.status === "cancelled" ? <p className="notice notice--error">Cancelled on {event.cancelledAt}. Everyone registered was told by email.</p> : null}
      <EventDetails event={event} questions={questions} seatsTaken={seatHolders.length} waiting={waitlist.length} />
      {sessions.length ? (
        <>
          <h2>Sessions in this series</h2>
          <ol className="session-list">
            {sessions.map((s) => (
              <li key={s.id}>
                {s.current ? <strong aria-current="page">{s.when} (this one)</strong> : <Link to={`/admin/events/${s.id}`}>{s.when}</Link>}{" "}
                <EventStatusTag status={s.status} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h2>Attendance</h2>
      <p className="figures">
        <span>
          <strong className="figure">{attendance.present}</strong> present
        </span>
        <span>
          <strong className="figure">{attendance.expected}</strong> expected
        </span>
      </p>
      <h2>Registrations ({seatHolders.length})</h2>
      <p>
        <a href={`/admin/events/${event.id}/attendees.csv`} download>
          Download the attendee list (CSV, with answers)
        </a>
      </p>
      {seatHolders.length ? <SeatHoldersTable people={seatHolders} questions={questions} /> : <p className="muted">Nobody has a seat yet.</p>}
      <h2>Waiting list ({waitlist.length})</h2>
      {waitlist.length ? (
        <WaitlistTable people={waitlist} questions={questions} />
      ) : (
        <p className="muted">{event.waitlistEnabled ? "Nobody is waiting." : "This event has no waiting list."}</p>
      )}
      {cancelled.length ? (
        <details className="measure">
          <summary>
            {cancelled.length} cancelled {cancelled.length === 1 ? "registration" : "registrations"}
          </summary>
          <ul>
            {cancelled.map((person) => (
              <li key={person.id}>
                {person.name} <span className="muted">{person.email}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h2>Feedback</h2>
      <FeedbackResults feedback={feedback} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
