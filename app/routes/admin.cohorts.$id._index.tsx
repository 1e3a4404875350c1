import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ProgressGrid } from "~/components/cohorts/progress-grid";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { SharePanel } from "~/components/share-links";
import { formatInstant } from "~/utils/dates";
import { shareLinks } from "~/utils/share-links";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { cohortOr404 } from "~/routes/helpers/cohort.server";
import { cohortGrid, addEventAttendees, inviteToCohort, joinUrl, pendingInvitations } from "~/modules/cohorts/index.server";
import { describeSchedule, addFromEventSchema, inviteMembersSchema } from "~/modules/cohorts";
import { getOrganisation } from "~/modules/organisation/index.server";
import { eventsWithCheckIns } from "~/modules/events/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.cohort.name ?? "Cohort"} · Organisers' console` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { cohort, curriculumTitle, facilitatorName } = cohortOr404(params.id);
  const { timeZone } = getOrganisation();
  const grid = cohortGrid(cohort);
  const when = (ms: number | null) => (ms === null ? null : formatInstant(ms, timeZone));
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      startDate: cohort.startDate,
      schedule: describeSchedule(cohort.schedule),
      capacity: cohort.capacity,
      nudgeAfterDays: cohort.nudgeAfterDays,
      joinCode: cohort.joinCode,
      joinUrl: joinUrl(cohort.joinCode),
      curriculumId: cohort.curriculumId,
    },
    curriculumTitle,
    facilitatorName,
    share: shareLinks(`Join ${cohort.name}`, joinUrl(cohort.joinCode)),
    steps: grid.steps.map((s) => ({ ...s, opens: when(s.releaseAt) })),
    members: grid.members.map((m) => ({ id: m.id, name: m.name, email: m.email, cells: m.cells, doneCount: m.doneCount, lastActivity: when(m.lastActivityAt) })),
    stuck: grid.stuck.map((s) => ({ ...s, since: when(s.since) })),
    stuckDays: grid.stuckDays,
    invitations: pendingInvitations(cohort.id).map((i) => ({ email: i.email, sent: when(i.createdAt) })),
    events: eventsWithCheckIns().map((e) => ({ id: e.id, label: `${e.title} (${formatInstant(e.startsAt, timeZone)})` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const { cohort } = cohortOr404(params.id);
  const here = `/admin/cohorts/${cohort.id}`;
  const formData = await request.formData();
  if (formData.get("intent") === "add-from-event") {
    const submission = parseWithZod(formData, { schema: addFromEventSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = addEventAttendees({ actor, cohortId: cohort.id, eventId: submission.value.eventId });
    const parts = [`${result.added} added`];
    if (result.already) parts.push(`${result.already} already in the cohort`);
    if (result.noRoom) parts.push(`${result.noRoom} not added: the cohort is full`);
    return redirectWithFlash(here, { kind: result.noRoom ? "info" : "success", message: `${parts.join(", ")}.` });
  }
  const submission = parseWithZod(formData, { schema: inviteMembersSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { invited, alreadyMembers } = inviteToCohort({ actor, cohortId: cohort.id, emails: submission.value.emails });
  const message = [
    invited.length ? `Invitation sent to ${invited.length} ${invited.length === 1 ? "person" : "people"}.` : "",
    alreadyMembers.length ? `Already in the cohort: ${alreadyMembers.join(", ")}.` : "",
  ].join(" ");
  return redirectWithFlash(here, message.trim());
}

export default function CohortDashboard() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult?.initialValue as { intent?: string } | undefined)?.intent;
  const [inviteForm, inviteFields] = useForm({
    id: "invite",
    lastResult: submitted === "invite" ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteMembersSchema }),
    shouldValidate: "onBlur",
  });
  const [eventForm, eventFields] = useForm({ id: "add-from-event", lastResult: submitted === "add-from-event" ? lastResult : undefined });
  const full = d.members.length >= d.cohort.capacity;
  return (
    <>
      <p>
        <Link to="/admin/cohorts">Cohorts</Link>
      </p>
      <PageHeader title={d.cohort.name} lead={d.curriculumTitle} />
      <dl className="summary-list">
        <dt>Starts</dt>
        <dd>{d.cohort.startDate}</dd>
        <dt>Schedule</dt>
        <dd>{d.cohort.schedule}</dd>
        <dt>Facilitator</dt>
        <dd>{d.facilitatorName ?? "Nobody yet"}</dd>
        <dt>Members</dt>
        <dd>
          {d.members.length} of {d.cohort.capacity} places {full ? <span className="tag tag--error">Full</span> : null}
        </dd>
        <dt>Reminders</dt>
        <dd>{d.cohort.nudgeAfterDays ? `One per step, after ${d.cohort.nudgeAfterDays} days` : "Off"}</dd>
        <dt>Join code</dt>
        <dd>
          <strong className="code">{d.cohort.joinCode}</strong>
          <br />
          <span className="wrap-anywhere">{d.cohort.joinUrl}</span>
        </dd>
      </dl>
      <p className="button-row">
        <Link to={`/admin/cohorts/${d.cohort.id}/settings`} className="button button--secondary">
          Change settings and schedule
        </Link>
        <a href={`/admin/cohorts/${d.cohort.id}/members.csv`}>Download members and progress (CSV)</a>
        <Link to={`/admin/curricula/${d.cohort.curriculumId}`}>Edit the curriculum</Link>
      </p>
      <SharePanel share={d.share} title="Share the join link" id="join-link" />
      <h2>Progress</h2>
      <p className="muted">Organisers see which steps people finished, never what they wrote.</p>
      {d.members.length ? <ProgressGrid steps={d.steps} members={d.members} /> : <EmptyState title="No members yet"><p>Share the join code, or invite people below.</p></EmptyState>}
      <h2>Who may be stuck</h2>
      {d.stuck.length ? (
        <ul className="stuck-list">
          {d.stuck.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>: step {s.position}, “{s.title}”, open to them for {s.days} day{s.days === 1 ? "" : "s"} (since {s.since})
              {s.reminded ? <span className="tag">Reminded</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nobody has left an open step for {d.stuckDays} days or more.</p>
      )}
      <h2>Invite by email</h2>
      <Form method="post" {...getFormProps(inviteForm)} className="form">
        <ErrorSummary form={inviteForm} fields={{ emails: inviteFields.emails }} />
        <input type="hidden" name="intent" value="invite" />
        <TextAreaField meta={inviteFields.emails} label="Email addresses" hint="One per line, or separated by commas. Each gets the join link." rows={4} />
        <SubmitButton>Send invitations</SubmitButton>
      </Form>
      {d.invitations.length ? (
        <details>
          <summary>Invited, not joined yet ({d.invitations.length})</summary>
          <ul>
            {d.invitations.map((i) => (
              <li key={i.email}>
                {i.email} <span className="muted">· sent {i.sent}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h2>Add everyone who checked in at an event</h2>
      {d.events.length ? (
        <Form method="post" {...getFormProps(eventForm)} className="form">
          <ErrorSummary form={eventForm} fields={{ eventId: eventFields.eventId }} />
          <input type="hidden" name="intent" value="add-from-event" />
          <SelectField meta={eventFields.eventId} label="Event" hint="Recent events where people checked in. Each person who checked in is added (while places last) and gets an email saying so." options={d.events.map((e) => ({ value: e.id, label: e.label }))} />
          <SubmitButton variant="secondary">Add attendees</SubmitButton>
        </Form>
      ) : (
        <p className="muted">No event has checked-in attendees yet.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
