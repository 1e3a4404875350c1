import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EventStatusTag } from "~/components/events/status-tag";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatDate, formatTime } from "~/utils/dates";
import { requireRole } from "~/routes/helpers/session.server";
import { listAdminEvents, type AdminEventsView, type AdminEventSummary } from "~/modules/events/index.server";
import { KIND_LABELS } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Events · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const url = new URL(request.url);
  const view: AdminEventsView = url.searchParams.get("show") === "past" ? "past" : "upcoming";
  const page = Number(url.searchParams.get("page") ?? "1");
  const { timeZone } = getOrganisation();
  const result = listAdminEvents({ view, page });
  const present = (event: AdminEventSummary) => ({
    ...event,
    kindLabel: KIND_LABELS[event.kind],
    when: `${formatDate(event.startsAt, timeZone)}, ${formatTime(event.startsAt, timeZone)}`,
    where: event.isOnline ? "Online" : event.venueName,
  });
  return { ...result, view, events: result.events.map(present), drafts: result.drafts.map(present) };
}

type Row = ReturnType<typeof loader>["events"][number];

function EventCard({ event, past }: { event: Row; past: boolean }) {
  return (
    <li className="card event-card">
      <h3>
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </h3>
      <p className="event-card__tags">
        <EventStatusTag status={event.status} /> <span className="tag">{event.kindLabel}</span>
        {event.seriesPosition ? <span className="tag">Series, session {event.seriesPosition}</span> : null}
      </p>
      <p>
        {event.when}
        <br />
        <span className="muted">{event.where}</span>
      </p>
      <p>
        <strong>
          {event.taken} of {event.capacity}
        </strong>{" "}
        seats taken{event.waiting ? ` · ${event.waiting} waiting` : ""}
      </p>
      <p className="event-card__links">
        {!past && event.status === "published" ? <Link to={`/admin/events/${event.id}/check-in`}>Check in</Link> : null}
        {event.status !== "cancelled" && !past ? <Link to={`/admin/events/${event.id}/edit`}>Edit</Link> : null}
        <a href={`/admin/events/${event.id}/attendees.csv`} download>
          Attendees (CSV)
        </a>
        {event.status === "published" ? <Link to={`/events/${event.slug}`}>Public page</Link> : null}
      </p>
    </li>
  );
}

export default function AdminEvents() {
  const { view, events, drafts, totals, page, pageCount } = useLoaderData<typeof loader>();
  const past = view === "past";
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Events" lead="Workshops, seminars and youth programme sessions: drafts, published and past.">
        <p>
          <Link to="/admin/events/new" className="button button--primary">
            New event
          </Link>
        </p>
      </PageHeader>
      <nav aria-label="Which events" className="view-switch">
        <ul>
          <li>
            <Link to="/admin/events" aria-current={past ? undefined : "page"}>
              Coming up ({totals.upcoming.toLocaleString("en-GB")})
            </Link>
          </li>
          <li>
            <Link to="/admin/events?show=past" aria-current={past ? "page" : undefined}>
              Past ({totals.past.toLocaleString("en-GB")})
            </Link>
          </li>
        </ul>
      </nav>
      {!past && drafts.length ? (
        <>
          <h2>Drafts</h2>
          <p className="muted">Only organisers see these until they are published.</p>
          <ul className="card-grid event-list" aria-label="Drafts">
            {drafts.map((event) => (
              <EventCard key={event.id} event={event} past={false} />
            ))}
          </ul>
        </>
      ) : null}
      <h2>{past ? "Past events" : "Coming up"}</h2>
      {events.length ? (
        <>
          <ul className="card-grid event-list" aria-label={past ? "Past events" : "Events coming up"}>
            {events.map((event) => (
              <EventCard key={event.id} event={event} past={past} />
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} params={past ? { show: "past" } : {}} label={past ? "Past events" : "Events coming up"} />
        </>
      ) : past ? (
        <p className="muted">No past events yet.</p>
      ) : (
        <EmptyState title="Nothing published yet">
          <p>Create an event: it stays a draft until you publish it.</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
