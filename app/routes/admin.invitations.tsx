import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { createInvitation, INVITATION_LIST_LIMIT, invitationProblem, listInvitations, revokeInvitation, assertEmailSendAllowed } from "~/modules/auth/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { INVITABLE_ROLES, inviteSchema, revokeSchema, ROLE_LABELS } from "~/modules/auth";
import { refusalReply } from "~/routes/helpers/replies.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Invitations · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const invitations = listInvitations().map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    status: row.status,
    inviterName: row.inviterName,
    sent: formatInstant(row.createdAt, timeZone),
    expires: formatInstant(row.expiresAt, timeZone),
    accepted: row.acceptedAt === null ? null : formatInstant(row.acceptedAt, timeZone),
  }));
  return { invitations, limit: INVITATION_LIST_LIMIT };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const submission = parseWithZod(formData, { schema: revokeSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const outcome = revokeInvitation({ actorId: actor.id, id: submission.value.id });
    return outcome === "revoked"
      ? redirectWithFlash("/admin/invitations", "Invitation revoked: its link no longer works.")
      : redirectWithFlash("/admin/invitations", { kind: "error", message: "That invitation was no longer pending, so nothing changed." });
  }
  const submission = parseWithZod(formData, { schema: inviteSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email, role } = submission.value;
  const problem = invitationProblem(email, role);
  if (problem) return data(submission.reply({ fieldErrors: { email: [problem] } }), { status: 400 });
  await assertEmailSendAllowed(email, context.clientIp);
  const result = createInvitation({ inviter: { id: actor.id, name: actor.name }, email, role });
  if (!result.ok) return refusalReply(submission, result);
  return redirectWithFlash("/admin/invitations", `Invitation sent to ${email.toLowerCase()}. The link works once, for 7 days.`);
}

const STATUS_TAGS = {
  pending: { label: "Pending", className: "tag" },
  accepted: { label: "Accepted", className: "tag tag--success" },
  expired: { label: "Expired", className: "tag tag--error" },
} as const;

export default function Invitations() {
  const { invitations, limit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    defaultValue: { role: "mentor" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  const roleError = fields.role.errors?.[0];
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Invitations" lead="Invite someone to help run the programme as an organiser, or to mentor." />
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ email: fields.email, role: fields.role }} />
        <input type="hidden" name="intent" value="invite" />
        <TextField meta={fields.email} label="Email address" hint="We email them a link that works once, for 7 days." type="email" autoComplete="off" spellCheck={false} />
        <fieldset id={fields.role.id} tabIndex={-1} className={roleError ? "field field--error" : "field"}>
          <legend>Invite them as</legend>
          {roleError ? (
            <p id={fields.role.errorId} className="field__error">
              <span className="visually-hidden">Error: </span>
              {roleError}
            </p>
          ) : null}
          {getCollectionProps(fields.role, { type: "radio", options: [...INVITABLE_ROLES] }).map(({ key, ...props }) => (
            <div key={key} className="checkbox">
              <input {...props} />
              <label htmlFor={props.id}>{ROLE_LABELS[props.value as (typeof INVITABLE_ROLES)[number]]}</label>
            </div>
          ))}
        </fieldset>
        <SubmitButton pending={navigation.state === "submitting"}>Send invitation</SubmitButton>
      </Form>
      <h2>Sent invitations</h2>
      {invitations.length ? (
        <TableRegion label="Sent invitations">
          <table>
            <caption className="visually-hidden">Invitations, newest first{invitations.length >= limit ? ` (the latest ${limit})` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Sent</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{ROLE_LABELS[invitation.role]}</td>
                  <td>
                    <span className={STATUS_TAGS[invitation.status].className}>{STATUS_TAGS[invitation.status].label}</span>
                    <br />
                    <span className="muted">
                      {invitation.status === "accepted"
                        ? `on ${invitation.accepted}`
                        : invitation.status === "pending"
                          ? `until ${invitation.expires}`
                          : `on ${invitation.expires}`}
                    </span>
                  </td>
                  <td>
                    {invitation.sent}
                    {invitation.inviterName ? <span className="muted"> by {invitation.inviterName}</span> : null}
                  </td>
                  <td>
                    {invitation.status === "pending" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={invitation.id} />
                        <button type="submit" className="button button--warning">
                          Revoke<span className="visually-hidden"> the invitation to {invitation.email}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No invitations yet">
          <p>Invitations you send appear here until they are accepted or expire.</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
