import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { formatInstant } from "~/utils/dates";
import { requireRole } from "~/routes/helpers/session.server";
import { listAudit } from "~/modules/admin/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Audit log · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const page = pageAsked(new URL(request.url).searchParams);
  const { entries, total, page: current, pageCount } = listAudit({ page });
  const { timeZone } = getOrganisation();
  return {
    entries: entries.map((entry) => ({ ...entry, when: formatInstant(entry.at, timeZone) })),
    total,
    page: current,
    pageCount,
  };
}

export default function AuditLog() {
  const { entries, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Audit log" lead="Changes that matter to organisers: roles, invitations, settings. Newest first." />
      {entries.length ? (
        <>
          <p className="muted">{total.toLocaleString("en-GB")} entries in all.</p>
          <TableRegion label="Audit log">
            <table>
              <caption className="visually-hidden">Audit log, page {page} of {pageCount}</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">{entry.when}</td>
                    <td>
                      {entry.actorId && entry.actorName ? (
                        <Link to={`/admin/people/${entry.actorId}`}>{entry.actorName}</Link>
                      ) : entry.actorId ? (
                        <span className="muted">A deleted account</span>
                      ) : (
                        <span className="muted">The system</span>
                      )}
                    </td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.targetUserId ? <Link to={`/admin/people/${entry.targetUserId}`}>{entry.target}</Link> : entry.target}
                    </td>
                    <td className="wrap-anywhere">{entry.details}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : (
        <EmptyState title="Nothing recorded yet">
          <p>Role changes, invitations and settings changes will appear here.</p>
        </EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} label="Audit log pages" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
