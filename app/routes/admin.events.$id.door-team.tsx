import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { DoorLinkPanel, PendingDoorInvitations } from "~/components/events/door-invitations";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { badRequest, refusalReply } from "~/routes/helpers/replies.server";
import { createDoorLink, doorAssignmentsOf, doorInvitationsOf, endDoorLink, inviteDoorVolunteer, removeDoorAssignment, withdrawDoorInvitation } from "~/modules/events/index.server";
import { addDoorVolunteerSchema, createDoorLinkSchema, endDoorLinkSchema, removeDoorVolunteerSchema, withdrawDoorInvitationSchema } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Door team · ${data?.event.title ?? "Event"}` }];

// A link made here is shown once and opens the door team: keep it out of caches and referrers.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const { timeZone } = getOrganisation();
  const { pending, links } = doorInvitationsOf(event.id);
  return {
    event: { id: event.id, title: event.title },
    team: doorAssignmentsOf(event.id),
    pending: pending.map(({ id, email, everyEvent, expiresAt, inviterName }) => ({ id, email, everyEvent, inviterName, expires: formatInstant(expiresAt, timeZone) })),
    links: links.map(({ id, everyEvent, expiresAt }) => ({ id, everyEvent, expires: formatInstant(expiresAt, timeZone) })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  const here = `/admin/events/${event.id}/door-team`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeDoorVolunteerSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const removed = removeDoorAssignment({ id: submission.value.id, eventId: event.id, actorId: organiser.id });
    if (!removed.ok) notFound(removed.message);
    return redirectWithFlash(here, "Removed from the door team.");
  }
  if (intent === "withdraw" || intent === "end-link") {
    const submission = parseWithZod(formData, { schema: intent === "withdraw" ? withdrawDoorInvitationSchema : endDoorLinkSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const input = { id: submission.value.id, eventId: event.id, actorId: organiser.id };
    const done = intent === "withdraw" ? withdrawDoorInvitation(input) : endDoorLink(input);
    if (!done.ok) return redirectWithFlash(here, { kind: "error", message: `${done.message} Nothing changed.` });
    return redirectWithFlash(here, intent === "withdraw" ? "Invitation withdrawn: its link no longer works." : "Link ended: nobody can join through it any more.");
  }
  if (intent === "create-link") {
    const submission = parseWithZod(formData, { schema: createDoorLinkSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const made = await createDoorLink({ eventId: submission.value.everyEvent ? null : event.id, actorId: organiser.id });
    if (!made.ok) notFound(made.message);
    const { link } = made;
    return { link: { id: link.id, url: link.url, qr: link.qr, everyEvent: link.everyEvent, expires: formatInstant(link.expiresAt, getOrganisation().timeZone) } };
  }
  if (intent !== "add") badRequest();
  const submission = parseWithZod(formData, { schema: addDoorVolunteerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email, everyEvent } = submission.value;
  const result = await inviteDoorVolunteer({ email, eventId: everyEvent ? null : event.id, inviter: { id: organiser.id, name: organiser.name } }, context.clientIp);
  if (!result.ok) return refusalReply(submission, result);
  const scope = everyEvent ? "every event" : "this event";
  if (result.kind === "invited") return redirectWithFlash(here, `No account uses ${result.email} yet, so we emailed an invitation. The link works once, for 7 days.`);
  return redirectWithFlash(here, result.added ? `${result.name} can now check people in at ${scope}.` : `${result.name} was already on the door team for ${scope}.`);
}

export default function DoorTeam() {
  const { event, team, pending, links } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shownLink = actionData && "link" in actionData ? actionData.link : null;
  const [form, fields] = useForm({
    id: "add-door-volunteer",
    lastResult: actionData && !("link" in actionData) ? actionData : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addDoorVolunteerSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </p>
      <PageHeader title="Door team" lead="Volunteers who check people in at the door. They see the check-in pages of their events and nothing else." />
      {team.length ? (
        <ul className="door-list" aria-label="Door team">
          {team.map((member) => (
            <li key={member.id} className="door-list__row">
              <div className="door-list__who">
                <strong>{member.name}</strong>
                <span className="muted wrap-anywhere">{member.email}</span>
                {member.everyEvent ? <span className="tag">Every event</span> : null}
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={member.id} />
                <button type="submit" className="button button--secondary">
                  Remove<span className="visually-hidden"> {member.name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nobody is on this event's door team yet.</p>
      )}
      <PendingDoorInvitations pending={pending} />
      <h2>Add a volunteer</h2>
      <p className="muted measure">
        Someone with an account joins at once. Anyone else gets an email inviting them to set up an account; the link works once,
        for 7 days. Volunteers then open <strong>/door</strong> on their phone.
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ email: fields.email }} />
        <input type="hidden" name="intent" value="add" />
        <TextField meta={fields.email} label="Their email address" type="email" autoComplete="off" />
        <CheckboxField meta={fields.everyEvent} label="For every event, not only this one" />
        <SubmitButton>Add to the door team</SubmitButton>
      </Form>
      <DoorLinkPanel shown={shownLink} live={links} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
