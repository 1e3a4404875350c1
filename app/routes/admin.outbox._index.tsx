import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { EmptyState, PageHeader } from "~/components/layout";
import { OutboxStatusTag } from "~/components/outbox/outbox-status";
import { formatInstant } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { countDeadMessages, describeDelivery, listOutboxMessages, retryDeadMessage, type OutboxSummary } from "~/modules/outbox/index.server";
import { retrySchema } from "~/modules/outbox";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Outbox · Organisers' console" }];

const RECENT_LIMIT = 100;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const present = (row: OutboxSummary) => ({
    id: row.id,
    recipient: row.recipient,
    delivery: describeDelivery(row),
    channel: row.channel,
    template: row.template,
    subject: row.subject,
    status: row.status,
    deliveredLocally: row.deliveredLocally,
    attempts: row.attempts,
    lastError: row.lastError,
    created: formatInstant(row.createdAt, timeZone),
    sent: row.sentAt ? formatInstant(row.sentAt, timeZone) : null,
    nextTry: row.status === "pending" && row.attempts > 0 ? formatInstant(row.nextAttemptAt, timeZone) : null,
  });
  return {
    localMailbox: !env.SMTP_URL,
    deadCount: countDeadMessages(),
    dead: listOutboxMessages({ status: "dead", limit: RECENT_LIMIT }).map(present),
    recent: listOutboxMessages({ limit: RECENT_LIMIT }).map(present),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: retrySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!retryDeadMessage(submission.value.id, user.id)) {
    return data(submission.reply({ formErrors: ["That message is no longer waiting to be tried again."] }), { status: 400 });
  }
  return redirectWithFlash("/admin/outbox", "The message is back in the queue. The next try is in a few seconds.");
}

type Row = ReturnType<typeof loader>["recent"][number];

function MessageTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
            <th scope="col">Tries</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.recipient}
                {row.delivery ? <div className="muted">{row.delivery}</div> : null}
              </td>
              <td>
                <Link to={`/admin/outbox/${row.id}`}>{row.subject ?? <span className="muted">{row.channel === "email" ? "Not written yet" : row.channel === "sms" ? "Text message" : "WhatsApp message"}</span>}</Link>
                <br />
                <span className="muted">{row.template}</span>
              </td>
              <td>
                <OutboxStatusTag status={row.status} deliveredLocally={row.deliveredLocally} />
                {row.nextTry ? <div className="muted">Next try {row.nextTry}</div> : null}
                {row.lastError && row.status !== "sent" ? <div className="outbox-error">{row.lastError}</div> : null}
              </td>
              <td>{row.created}</td>
              <td>{row.sent ?? <span className="muted">Not yet</span>}</td>
              <td>{row.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default function Outbox() {
  const { localMailbox, deadCount, dead, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.[""]?.[0];
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Outbox" lead="Every email the site sends: waiting, sent, or given up on." />
      {localMailbox ? (
        <p className="notice">
          No mail server is set up (<code>SMTP_URL</code>), so email is not sent out. Each message stays here as a local
          mailbox: open it to read it and follow its links.
        </p>
      ) : null}
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      {deadCount ? (
        <section className="outbox-dead" aria-labelledby="dead-title">
          <h2 id="dead-title">
            Could not be delivered <span className="tag tag--error">{deadCount}</span>
          </h2>
          <p>We tried each of these many times over a day and gave up. Check the error, then try again.</p>
          <ul className="outbox-dead__list">
            {dead.map((row) => (
              <li key={row.id} className="card">
                <p>
                  <Link to={`/admin/outbox/${row.id}`}>{row.subject ?? row.template}</Link> to {row.recipient}
                  <br />
                  <span className="muted">
                    Created {row.created} · {row.attempts} tries
                  </span>
                </p>
                {row.lastError ? <p className="outbox-error">{row.lastError}</p> : null}
                <Form method="post">
                  <input type="hidden" name="id" value={row.id} />
                  <button type="submit" className="button button--secondary">
                    Try again<span className="visually-hidden"> to send “{row.subject ?? row.template}” to {row.recipient}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Latest messages</h2>
      {recent.length ? (
        <>
          <MessageTable rows={recent} caption={`The latest ${recent.length} messages, newest first`} />
          {recent.length === RECENT_LIMIT ? <p className="muted">Showing the latest {RECENT_LIMIT} messages.</p> : null}
        </>
      ) : (
        <EmptyState title="No email yet">
          <p>Messages appear here as soon as someone signs up, resets a password or is invited.</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
