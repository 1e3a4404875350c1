import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { assignDoorVolunteerByEmail, doorAssignmentsOf, removeDoorAssignment } from "~/modules/events/index.server";
import { addDoorVolunteerSchema, removeDoorVolunteerSchema } from "~/modules/events";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Door team · ${data?.event.title ?? "Event"}` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  return { event: { id: event.id, title: event.title }, team: doorAssignmentsOf(event.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  const here = `/admin/events/${event.id}/door-team`;
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: removeDoorVolunteerSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const removed = removeDoorAssignment({ id: submission.value.id, eventId: event.id, actorId: organiser.id });
    if (!removed.ok) notFound(removed.message);
    return redirectWithFlash(here, "Removed from the door team.");
  }
  const submission = parseWithZod(formData, { schema: addDoorVolunteerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email, everyEvent } = submission.value;
  const added = assignDoorVolunteerByEmail({ email, eventId: everyEvent ? null : event.id, actorId: organiser.id });
  if (!added.ok) return refusalReply(submission, added);
  const scope = everyEvent ? "every event" : "this event";
  return redirectWithFlash(here, added.added ? `${added.name} can now check people in at ${scope}.` : `${added.name} was already on the door team for ${scope}.`);
}

export default function DoorTeam() {
  const { event, team } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-door-volunteer",
    lastResult,
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
      <h2>Add a volunteer</h2>
      <p className="muted measure">
        They need an account. Once added, they sign in and open <strong>/door</strong> on their phone.
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ email: fields.email }} />
        <input type="hidden" name="intent" value="add" />
        <TextField meta={fields.email} label="Their email address" type="email" autoComplete="off" />
        <CheckboxField meta={fields.everyEvent} label="For every event, not only this one" />
        <SubmitButton>Add to the door team</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
