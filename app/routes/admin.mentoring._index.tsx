import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatDate } from "~/utils/dates";
import { requireRole } from "~/routes/helpers/session.server";
import { mentoringOverview } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Mentoring · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const page = pageAsked(new URL(request.url).searchParams);
  const overview = mentoringOverview(page);
  const { timeZone } = getOrganisation();
  const day = (instant: number | null) => (instant === null ? "" : formatDate(instant, timeZone));
  return {
    ...overview,
    pairs: overview.pairs.map((pair) => ({ ...pair, started: day(pair.startedAt), endedOn: day(pair.endedAt) })),
    requests: overview.requests.map((r) => ({ ...r, sent: day(r.createdAt), closed: day(r.respondedAt) })),
  };
}

const rating = (value: number | null, count?: number) =>
  value === null ? <span className="muted">None</span> : count === undefined ? `${value} / 5` : `${value} / 5 (${count})`;

export default function MentoringOverview() {
  const { totals, pairs, page, pageCount, requests } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader
        title="Mentoring"
        lead="Pairs, sessions and ratings. Notes, messages and step answers stay between mentor and mentee and are never shown here."
      />
      <ul className="button-row plain-list">
        <li>
          <Link to="/admin/mentors">Mentor profiles{totals.pendingMentors ? ` (${totals.pendingMentors} to review)` : ""}</Link>
        </li>
        <li>
          <Link to="/admin/mentoring/match">Match a group</Link>
        </li>
      </ul>
      <dl className="summary-list">
        <dt>Approved mentors</dt>
        <dd>{totals.approvedMentors}</dd>
        <dt>Active pairs</dt>
        <dd>{totals.active}</dd>
        <dt>Ended pairs</dt>
        <dd>{totals.ended}</dd>
        <dt>Requests waiting</dt>
        <dd>{totals.open}</dd>
        <dt>Requests lapsed</dt>
        <dd>{totals.lapsed}</dd>
        <dt>Requests declined</dt>
        <dd>{totals.declined}</dd>
        <dt>Requests withdrawn</dt>
        <dd>{totals.withdrawn}</dd>
      </dl>
      <h2>Pairs</h2>
      {pairs.length ? (
        <TableRegion label="Pairs">
          <table>
            <caption className="visually-hidden">
              Mentoring pairs, page {page} of {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Mentor</th>
                <th scope="col">Mentee</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Sessions proposed</th>
                <th scope="col">Held</th>
                <th scope="col">Missed</th>
                <th scope="col">Session rating</th>
                <th scope="col">Check-in rating</th>
                <th scope="col">End rating: mentor</th>
                <th scope="col">End rating: mentee</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={pair.id}>
                  <td>{pair.mentorName}</td>
                  <td>{pair.menteeName}</td>
                  <td>
                    <span className={pair.status === "active" ? "tag tag--success" : "tag"}>{pair.status === "active" ? "Active" : "Ended"}</span>{" "}
                    {pair.source === "match" ? <span className="muted">(matched)</span> : <span className="muted">(requested)</span>}
                  </td>
                  <td>{pair.started}</td>
                  <td>{pair.endedOn}</td>
                  <td>{pair.sessionsProposed}</td>
                  <td>{pair.sessionsHeld}</td>
                  <td>{pair.sessionsMissed}</td>
                  <td>{rating(pair.sessionRating, pair.sessionRatings)}</td>
                  <td>{rating(pair.checkInRating, pair.checkInRatings)}</td>
                  <td>{rating(pair.mentorEndRating)}</td>
                  <td>{rating(pair.menteeEndRating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No pairs yet">
          <p>Pairs appear here when a mentor accepts a request or a group match is published.</p>
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} label="Pairs pages" />
      <h2>Lapsed and declined requests</h2>
      {requests.length ? (
        <TableRegion label="Lapsed and declined requests">
          <table>
            <caption className="visually-hidden">The latest lapsed and declined requests</caption>
            <thead>
              <tr>
                <th scope="col">Mentee</th>
                <th scope="col">Mentor</th>
                <th scope="col">Outcome</th>
                <th scope="col">Sent</th>
                <th scope="col">Closed</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.menteeName}</td>
                  <td>{r.mentorName}</td>
                  <td>{r.status === "lapsed" ? "Lapsed" : "Declined"}</td>
                  <td>{r.sent}</td>
                  <td>{r.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="muted">None so far.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
