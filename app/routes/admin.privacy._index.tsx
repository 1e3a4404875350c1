import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { LinkCards } from "~/components/link-cards";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { TableRegion } from "~/components/table-region";
import { BreachDeadlineTag, RequestDeadlineTag } from "~/components/privacy/deadline-tags";
import { RegisterList } from "~/components/privacy/register-list";
import { formatInstant } from "~/utils/dates";
import { pageAsked } from "~/utils/paging";
import { requireRole } from "~/routes/helpers/session.server";
import { privacyOverview } from "~/modules/privacy/index.server";
import { BREACH_NOTIFY_HOURS, REQUEST_KIND_LABELS, REQUEST_RESPONSE_DAYS, REQUEST_STATUS_LABELS } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Privacy · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { searchParams } = new URL(request.url);
  const { register, requests, breaches, timeZone } = privacyOverview({ requestsPage: pageAsked(searchParams, "requests"), breachesPage: pageAsked(searchParams, "breaches") });
  return {
    register,
    requestTotal: requests.total,
    requestPage: requests.page,
    requestPageCount: requests.pageCount,
    requests: requests.requests.map((r) => ({
      id: r.id,
      who: r.who,
      kind: REQUEST_KIND_LABELS[r.kind],
      status: REQUEST_STATUS_LABELS[r.status],
      received: formatInstant(r.receivedAt, timeZone),
      due: formatInstant(r.dueAt, timeZone),
      deadline: r.deadline,
    })),
    breachTotal: breaches.total,
    breachPage: breaches.page,
    breachPageCount: breaches.pageCount,
    breaches: breaches.breaches.map((b) => ({
      id: b.id,
      summary: b.summary.length > 80 ? `${b.summary.slice(0, 80)}…` : b.summary,
      found: formatInstant(b.foundAt, timeZone),
      notifyBy: formatInstant(b.notifyBy, timeZone),
      deadline: b.deadline,
      regulatorNotified: b.regulatorNotified,
      closed: b.closed,
    })),
  };
}

/** The other list's page, kept in the links of this one's pages. */
const keep = (name: string, page: number): Record<string, string> => (page > 1 ? { [name]: String(page) } : {});

const LINKS = [
  { to: "/admin/privacy/notice", label: "Privacy notice", text: "What people are told about their data: publish a new version." },
  { to: "/admin/privacy/guardians", label: "Guardians' consent", text: "Young people waiting for a parent's or guardian's consent." },
  { to: "/admin/privacy/retention", label: "Retention", text: "How long each kind of data is kept, and what the daily clean-up removed." },
];

const DOWNLOADS = [
  { href: "/admin/privacy/register.csv", label: "Register of processing (CSV)" },
  { href: "/admin/privacy/requests.csv", label: "Every request (CSV)" },
  { href: "/admin/privacy/breaches.csv", label: "Breach log (CSV)" },
];

export default function PrivacyOverview() {
  const { register, requests, requestTotal, requestPage, requestPageCount, breaches, breachTotal, breachPage, breachPageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader
        title="Privacy and data protection"
        lead="What the Nigeria Data Protection Act asks the organisation to know and to report: the data held, people's requests, and breaches."
      />
      <h2>Notice, consent and retention</h2>
      <LinkCards links={LINKS} />

      <h2 id="requests-title">Requests from people</h2>
      <p className="measure">
        Each request is answered within {REQUEST_RESPONSE_DAYS} days of receiving it. Requests made on the site appear here by themselves; record
        those that come by letter, phone or email.
      </p>
      <p>
        <Link to="/admin/privacy/requests/new" className="button button--secondary">
          Record a request
        </Link>
      </p>
      {requests.length ? (
        <TableRegion label="Open requests">
          <table aria-labelledby="requests-title">
            <caption className="visually-hidden">
              {requestTotal === 1 ? "1 open request" : `${requestTotal.toLocaleString("en-GB")} open requests`}, nearest deadline first
              {requestPageCount > 1 ? `, page ${requestPage} of ${requestPageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Asking for</th>
                <th scope="col">Received</th>
                <th scope="col">Answer by</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td className="wrap-anywhere">
                    <Link to={`/admin/privacy/requests/${r.id}`}>{r.who}</Link>
                  </td>
                  <td>{r.kind}</td>
                  <td className="nowrap">{r.received}</td>
                  <td className="nowrap">{r.due}</td>
                  <td>
                    {r.status} <RequestDeadlineTag deadline={r.deadline} closed={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="empty-state">No open requests: nobody is waiting for an answer.</p>
      )}
      <Pagination page={requestPage} pageCount={requestPageCount} name="requests" hash="requests-title" params={keep("breaches", breachPage)} label="Pages of open requests" />

      <h2 id="breaches-title">Breach log</h2>
      <p className="measure">
        When personal data is lost, stolen or seen by someone who should not see it, log it here at once: the NDPC must be told within{" "}
        {BREACH_NOTIFY_HOURS} hours of finding it.
      </p>
      <p>
        <Link to="/admin/privacy/breaches/new" className="button button--secondary">
          Log a breach
        </Link>
      </p>
      {breaches.length ? (
        <TableRegion label="Breach log">
          <table aria-labelledby="breaches-title">
            <caption className="visually-hidden">
              {breachTotal === 1 ? "1 breach" : `${breachTotal.toLocaleString("en-GB")} breaches`}, open ones first
              {breachPageCount > 1 ? `, page ${breachPage} of ${breachPageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Found</th>
                <th scope="col">What happened</th>
                <th scope="col">Tell the NDPC by</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {breaches.map((b) => (
                <tr key={b.id}>
                  <td className="nowrap">{b.found}</td>
                  <td className="wrap-anywhere">
                    <Link to={`/admin/privacy/breaches/${b.id}`}>{b.summary}</Link>
                  </td>
                  <td className="nowrap">{b.notifyBy}</td>
                  <td>
                    {b.closed ? <span className="tag">Closed</span> : null} <BreachDeadlineTag deadline={b.deadline} regulatorNotified={b.regulatorNotified} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="empty-state">No breaches logged.</p>
      )}
      <Pagination page={breachPage} pageCount={breachPageCount} name="breaches" hash="breaches-title" params={keep("requests", requestPage)} label="Pages of the breach log" />

      <h2>Register of processing</h2>
      <p className="measure">
        What this installation holds about people, why, and for how long. The periods come from the retention settings; the figures are live.
      </p>
      <RegisterList entries={register} />

      <h2>Downloads</h2>
      <p className="measure">For the organisation's records or the Commission. Each download is recorded in the audit log.</p>
      <ul>
        {DOWNLOADS.map((download) => (
          <li key={download.href}>
            {/* A file, not a page: a plain link so the browser downloads it. */}
            <a href={download.href} download>
              {download.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
