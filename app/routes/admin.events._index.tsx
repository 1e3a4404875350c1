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
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Events · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const url = new URL(request.url);
  const show = url.searchParams.get("show");
  const view: AdminEventsView = show === "past" || show === "drafts" ? show : "upcoming";
  const page = pageAsked(url.searchParams);
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

const HEADINGS: Record<AdminEventsView, string> = { upcoming: "Coming up", drafts: "Drafts", past: "Past events" };
const LIST_LABELS: Record<AdminEventsView, string> = { upcoming: "Events coming up", drafts: "Drafts", past: "Past events" };

export default function AdminEvents() {
  const { view, events, drafts, totals, page, pageCount } = useLoaderData<typeof loader>();
  const past = view === "past";
  const tabs: { view: AdminEventsView; to: string; label: string; count: number }[] = [
    { view: "upcoming", to: "/admin/events", label: "Coming up", count: totals.upcoming },
    { view: "drafts", to: "/admin/events?show=drafts", label: "Drafts", count: totals.drafts },
    { view: "past", to: "/admin/events?show=past", label: "Past", count: totals.past },
  ];
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
          {tabs.map((tab) => (
            <li key={tab.view}>
              <Link to={tab.to} aria-current={view === tab.view ? "page" : undefined}>
                {tab.label} ({tab.count.toLocaleString("en-GB")})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === "upcoming" && drafts.length ? (
        <>
          <h2>Drafts</h2>
          <p className="muted">Only organisers see these until they are published.</p>
          <ul className="card-grid event-list" aria-label="Drafts">
            {drafts.map((event) => (
              <EventCard key={event.id} event={event} past={false} />
            ))}
          </ul>
          {totals.drafts > drafts.length ? (
            <p>
              <Link to="/admin/events?show=drafts">See all {totals.drafts.toLocaleString("en-GB")} drafts</Link>
            </p>
          ) : null}
        </>
      ) : null}
      <h2>{HEADINGS[view]}</h2>
      {view === "drafts" ? <p className="muted">Only organisers see these until they are published.</p> : null}
      {events.length ? (
        <>
          <ul className="card-grid event-list" aria-label={LIST_LABELS[view]}>
            {events.map((event) => (
              <EventCard key={event.id} event={event} past={past} />
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} params={view === "upcoming" ? {} : { show: view }} label={LIST_LABELS[view]} />
        </>
      ) : past ? (
        <p className="muted">No past events yet.</p>
      ) : view === "drafts" ? (
        <p className="muted">No drafts still to come.</p>
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
