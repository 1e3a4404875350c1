import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { OutboxStatusTag } from "~/components/outbox/outbox-status";
import { formatInstant } from "~/utils/dates";
import { appOrigin } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { deliveryReportsOf, describeDelivery, describeOutboxMessage, messageIdFor, htmlForPreview, viewOutboxMessage, retryDeadMessage, splitLinks } from "~/modules/outbox/index.server";
import { retrySchema } from "~/modules/outbox";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject ?? "Message"} · Outbox · Organisers' console` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireRole(request, "organiser");
  const message = viewOutboxMessage(params.id ?? "", user.id);
  if (!message) notFound("There is no message with that address in the outbox.");
  const { timeZone } = getOrganisation();
  const state = await describeOutboxMessage(message, { formatTime: (instant) => formatInstant(instant, timeZone) });
  const textParts = message.text && state.showContent ? splitLinks(message.text, appOrigin) : null;
  return {
    id: message.id,
    recipient: message.recipient,
    delivery: describeDelivery(message),
    channel: message.channel,
    reports: deliveryReportsOf(message.id).map((report) => ({ ...report, at: formatInstant(report.reportedAt, timeZone) })),
    template: message.template,
    subject: state.subject,
    explanation: state.explanation,
    status: message.status,
    deliveredLocally: message.deliveredLocally,
    attempts: message.attempts,
    lastError: message.lastError,
    messageId: message.deliveredLocally ? null : messageIdFor(message.id),
    created: formatInstant(message.createdAt, timeZone),
    sent: message.sentAt ? formatInstant(message.sentAt, timeZone) : null,
    nextTry: message.status === "pending" ? formatInstant(message.nextAttemptAt, timeZone) : null,
    html: message.html && state.showContent ? htmlForPreview(message.html) : null,
    textParts,
    links: [...new Set((textParts ?? []).flatMap((part) => ("href" in part ? [part.href] : [])))],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: retrySchema });
  if (submission.status !== "success" || submission.value.id !== params.id) {
    return data(submission.reply({ formErrors: ["Something was wrong with that request. Please try again."] }), { status: 400 });
  }
  if (!retryDeadMessage(submission.value.id, user.id)) {
    return data(submission.reply({ formErrors: ["That message is no longer waiting to be tried again."] }), { status: 400 });
  }
  return redirectWithFlash(`/admin/outbox/${submission.value.id}`, "The message is back in the queue. The next try is in a few seconds.");
}

export default function OutboxMessage() {
  const message = useLoaderData<typeof loader>();
  const formError = useActionData<typeof action>()?.error?.[""]?.[0];
  return (
    <>
      <p>
        <Link to="/admin/outbox">Outbox</Link>
      </p>
      <PageHeader title={message.subject} />
      <p className="notice" role="status">
        {message.explanation}
      </p>
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>To</dt>
        <dd>{message.recipient}</dd>
        {message.delivery ? (
          <>
            <dt>Channel</dt>
            <dd>{message.delivery}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <OutboxStatusTag status={message.status} deliveredLocally={message.deliveredLocally} />
        </dd>
        <dt>Kind of message</dt>
        <dd>{message.template}</dd>
        <dt>Created</dt>
        <dd>{message.created}</dd>
        <dt>Sent</dt>
        <dd>{message.sent ?? "Not yet"}</dd>
        {message.nextTry ? (
          <>
            <dt>Next try</dt>
            <dd>{message.nextTry}</dd>
          </>
        ) : null}
        <dt>Tries</dt>
        <dd>{message.attempts}</dd>
        {message.lastError ? (
          <>
            <dt>{message.status === "sent" ? "Error before it went through" : "Last error"}</dt>
            <dd className="outbox-error">{message.lastError}</dd>
          </>
        ) : null}
        {message.messageId ? (
          <>
            <dt>Message-ID</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {message.reports.length ? (
        <>
          <h2>What the provider reported</h2>
          <ul>
            {message.reports.map((report) => (
              <li key={report.id}>
                {report.at}: {report.status} ({report.provider}){report.reason ? `: ${report.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {message.status === "dead" ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="id" value={message.id} />
          <button type="submit" className="button button--primary">
            Try again
          </button>
        </Form>
      ) : null}
      {message.textParts ? (
        <>
          {message.links.length ? (
            <>
              <h2>Links in this message</h2>
              <ul>
                {message.links.map((href) => (
                  <li key={href}>
                    <a href={href}>{href}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{message.channel === "email" ? "Plain text" : "As sent"}</h2>
          <pre className="mail-text">
            {message.textParts.map((part, index) =>
              "href" in part ? (
                <a key={index} href={part.href}>
                  {part.text}
                </a>
              ) : (
                part.text
              ),
            )}
          </pre>
          {message.html ? (
            <>
              <h2>As an email</h2>
              <p className="muted">
                The HTML version, shown without its colours and fonts. Links here do not open: use the links above.
              </p>
              <iframe
                sandbox=""
                srcDoc={message.html ?? ""}
                title={`The email “${message.subject}” as HTML`}
                className="mail-frame"
                height="640"
              />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
