import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { BroadcastStatusTag } from "~/components/admin/broadcast-status";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { TableRegion } from "~/components/table-region";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { broadcastDetail, cancelScheduledBroadcast } from "~/modules/admin/index.server";
import { cancelBroadcastSchema } from "~/modules/admin";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: `${loaded?.subject ?? "Message"} · Messages to groups` }];

const NO_MESSAGE = "There is no message to a group with that id.";

const CHANNELS = [
  { key: "email", label: "Email" },
  { key: "sms", label: "SMS" },
  { key: "whatsapp", label: "WhatsApp" },
] as const;

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const message = broadcastDetail(params.id ?? "");
  if (!message) notFound(NO_MESSAGE);
  const { timeZone } = getOrganisation();
  return {
    id: message.id,
    subject: message.subject,
    body: message.body,
    link: message.link,
    audience: message.audienceLabel,
    status: message.status,
    sendAt: formatInstant(message.sendAt, timeZone),
    sentAt: message.sentAt === null ? null : formatInstant(message.sentAt, timeZone),
    recipients: message.recipients,
    createdBy: message.createdByName,
    figures: message.figures,
    skipped: message.skipped,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const id = params.id ?? "";
  if (!broadcastDetail(id)) notFound(NO_MESSAGE);
  const submission = parseWithZod(await request.formData(), { schema: cancelBroadcastSchema });
  if (submission.status !== "success") return data({ error: "That request was not quite right. Go back and try again." }, { status: 400 });
  const cancelled = cancelScheduledBroadcast({ actorId: actor.id, broadcastId: id });
  if (!cancelled.ok) return data({ error: cancelled.message }, { status: cancelled.status });
  return redirectWithFlash(`/admin/messages/${id}`, "Cancelled: it will not be sent.");
}

function Figures({ figures }: { figures: ReturnType<typeof loader>["figures"] }) {
  return (
    <>
      <dl className="summary-list">
        <dt>Queued</dt>
        <dd>{figures.total}</dd>
        <dt>Sent</dt>
        <dd>{figures.sent}</dd>
        <dt>Waiting to go</dt>
        <dd>{figures.pending}</dd>
        <dt>Not sent</dt>
        <dd>{figures.skipped}</dd>
        <dt>Could not be delivered</dt>
        <dd>{figures.failed}</dd>
      </dl>
      <TableRegion label="By channel">
        <table>
          <caption>By channel (delivered and read as the providers report them; email stops at sent)</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Sent</th>
              <th scope="col">Delivered</th>
              <th scope="col">Read</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {CHANNELS.map(({ key, label }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{figures.byChannel[key].sent}</td>
                <td>{key === "email" ? "–" : figures.byChannel[key].delivered}</td>
                <td>{key === "email" ? "–" : figures.byChannel[key].read}</td>
                <td>{figures.byChannel[key].failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

export default function MessageToGroup() {
  const message = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/messages">Messages to groups</Link>
      </p>
      <PageHeader title={message.subject} />
      {answer?.error ? (
        <p className="notice notice--error" role="alert">
          {answer.error}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>
          <BroadcastStatusTag status={message.status} />
        </dd>
        <dt>Group</dt>
        <dd>{message.audience}</dd>
        <dt>{message.status === "scheduled" ? "Goes out" : message.status === "sent" ? "Sent" : "Was to go out"}</dt>
        <dd>{message.sentAt ?? message.sendAt}</dd>
        <dt>{message.status === "sent" ? "People" : "People in the group when scheduled"}</dt>
        <dd>{message.recipients ?? "–"}</dd>
        <dt>Written by</dt>
        <dd>{message.createdBy ?? "Someone no longer here"}</dd>
        <dt>Message</dt>
        <dd className="mail-text">{message.body}</dd>
        {message.link ? (
          <>
            <dt>Link</dt>
            <dd>{message.link}</dd>
          </>
        ) : null}
      </dl>
      {message.status === "scheduled" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button button--warning">
            Cancel this message
          </button>
        </Form>
      ) : null}
      {message.status === "sent" ? (
        <>
          <h2>How it went</h2>
          <Figures figures={message.figures} />
          {message.skipped.length ? (
            <>
              <h3>Why some were not sent</h3>
              <ul>
                {message.skipped.map((row) => (
                  <li key={row.reason}>
                    {row.reason || "No reason recorded"}: {row.count}
                  </li>
                ))}
              </ul>
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
