import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { BroadcastStatusTag } from "~/components/admin/broadcast-status";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { TableRegion } from "~/components/table-region";
import { formatInstant } from "~/utils/dates";
import { requireRole } from "~/routes/helpers/session.server";
import { listBroadcasts } from "~/modules/admin/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Messages to groups · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  return {
    messages: listBroadcasts().map((row) => ({
      id: row.id,
      subject: row.subject,
      status: row.status,
      audience: row.audienceLabel,
      when: formatInstant(row.sentAt ?? row.sendAt, timeZone),
      recipients: row.recipients,
      sent: row.figures?.sent ?? null,
      pending: row.figures?.pending ?? null,
      notSent: row.figures ? row.figures.skipped + row.figures.failed : null,
    })),
  };
}

export default function Messages() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Messages to groups" lead="Write to everyone registered for an event, checked in, in a cohort, stuck on a step, mentors, sponsors or everyone who agreed to news.">
        <Link to="/admin/messages/new" className="button button--primary">
          Write a message
        </Link>
      </PageHeader>
      {messages.length ? (
        <TableRegion label="Messages to groups">
          <table>
            <caption className="visually-hidden">Messages to groups, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Group</th>
                <th scope="col">Status</th>
                <th scope="col">When</th>
                <th scope="col">Reach</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/admin/messages/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{m.audience}</td>
                  <td>
                    <BroadcastStatusTag status={m.status} />
                  </td>
                  <td className="nowrap">{m.when}</td>
                  <td>{m.recipients === null ? "–" : m.status === "sent" ? m.recipients : `${m.recipients} now`}</td>
                  <td>
                    {m.sent === null ? (
                      <span className="muted">Not yet</span>
                    ) : (
                      <>
                        {m.sent}
                        {m.pending ? <div className="muted">{m.pending} waiting</div> : null}
                        {m.notSent ? <div className="muted">{m.notSent} not sent</div> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No messages yet">
          <p>
            <Link to="/admin/messages/new">Write the first one</Link>.
          </p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
