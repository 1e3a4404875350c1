import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EventCard } from "~/components/events/event-ui";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { staticPage } from "~/utils/hydration";
import { KIND_LABELS, KIND_OPTIONS } from "~/modules/events";
import { listPublicEvents } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const title = data?.when === "past" ? "Past events" : "Workshops and seminars";
  return shareMeta(siteShareOf(matches), {
    path: location.pathname,
    title: data ? `${title}: ${data.organisation}` : title,
    description: "Resilience workshops, seminars and youth programme sessions: book a free seat.",
  });
};

export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const when = url.searchParams.get("when") === "past" ? "past" : "upcoming";
  const kindParam = url.searchParams.get("kind");
  const kind = KIND_OPTIONS.find((k) => k === kindParam) ?? null;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const organisation = getOrganisation();
  const list = listPublicEvents({ when, kind, page }, organisation.timeZone);
  return { when, kind, organisation: organisation.name, ...list };
}

const KIND_PLURALS: Record<(typeof KIND_OPTIONS)[number], string> = {
  workshop: "Workshops",
  seminar: "Seminars",
  youth_session: "Youth programme sessions",
};

function query(params: Record<string, string | null>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export default function Events() {
  const { when, kind, cards, page, pageCount, total } = useLoaderData<typeof loader>();
  const past = when === "past";
  const filters = [{ value: null, label: "All events" }, ...KIND_OPTIONS.map((k) => ({ value: k, label: KIND_PLURALS[k] }))];
  return (
    <>
      <PageHeader
        title={past ? "Past events" : "Workshops and seminars"}
        lead={past ? "Events that have already taken place." : "Free workshops, seminars and youth programme sessions. Book a seat in a minute."}
      />
      <nav aria-label="Upcoming or past" className="filter-links">
        <ul>
          <li>{past ? <Link to={`/events${query({ kind })}`}>Upcoming events</Link> : <strong aria-current="page">Upcoming events</strong>}</li>
          <li>{past ? <strong aria-current="page">Past events</strong> : <Link to={`/events${query({ when: "past", kind })}`}>Past events</Link>}</li>
          <li>
            <a href="/events.ics">Calendar feed (.ics)</a>
          </li>
        </ul>
      </nav>
      <nav aria-label="Kind of event" className="filter-links">
        <ul>
          {filters.map((filter) => (
            <li key={filter.label}>
              {filter.value === kind ? (
                <strong aria-current="page">{filter.label}</strong>
              ) : (
                <Link to={`/events${query({ when: past ? "past" : null, kind: filter.value })}`}>{filter.label}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {cards.length ? (
        <>
          <p className="muted">
            {total === 1 ? "1 event" : `${total} events`}
            {kind ? ` (${KIND_LABELS[kind].toLowerCase()})` : ""}
          </p>
          <ul className="card-grid event-list">
            {cards.map((event) => (
              <EventCard key={event.slug} event={event} />
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} params={{ ...(past ? { when: "past" } : {}), ...(kind ? { kind } : {}) }} label="Pages of events" />
        </>
      ) : (
        <EmptyState title={past ? "No past events" : "No upcoming events"}>
          <p>{past ? "Nothing has taken place yet." : "New workshops are published here. Please check again soon."}</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
