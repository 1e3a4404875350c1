import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { LinkCards } from "~/components/link-cards";
import { Link, useLoaderData } from "react-router";
import { Fragment } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { formatMoney } from "~/utils/money";
import { requireRole } from "~/routes/helpers/session.server";
import { dashboardFigures } from "~/modules/admin/index.server";
import { programmeFigures } from "~/modules/cohorts/index.server";
import { eventsFigures } from "~/modules/events/index.server";
import { mentoringFigures } from "~/modules/mentoring/index.server";
import { givingFigures } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { smsBudgetStatus } from "~/modules/outbox/index.server";
import { ROLE_LABELS, ROLE_OPTIONS } from "~/modules/auth";

export const meta: MetaFunction = () => [{ title: "Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  return {
    figures: dashboardFigures(),
    events: eventsFigures(),
    programme: programmeFigures(),
    mentoring: mentoringFigures(),
    giving: givingFigures(),
    // The budget matters only while texts are switched on.
    sms: getOrganisation().channelsEnabled.includes("sms") ? smsBudgetStatus(getOrganisation()) : null,
  };
}

const LINKS = [
  { to: "/admin/events", label: "Events", text: "Workshops, seminars and youth programme sessions: publish, registrations, check-in." },
  { to: "/admin/cohorts", label: "Cohorts", text: "Create cohorts, invite members, follow who is moving and who is stuck." },
  { to: "/admin/curricula", label: "Curricula", text: "Edit the steps and exercises of the 15-step programme, or write a new curriculum." },
  { to: "/admin/campaigns", label: "Campaigns", text: "Giving campaigns: goals, stories and suggested gifts, and what each has raised." },
  { to: "/admin/donations", label: "Donations", text: "Every gift with totals by currency and month; mark bank transfers received, refund, export CSV." },
  { to: "/admin/partners", label: "Partner enquiries", text: "Companies and groups who want to partner with us, by where the conversation stands." },
  { to: "/admin/mentoring", label: "Mentoring", text: "Pairs, sessions and ratings; approve mentors and match a group." },
  { to: "/admin/people", label: "People", text: "Find anyone who has an account and change their roles." },
  { to: "/admin/invitations", label: "Invitations", text: "Invite organisers and mentors by email." },
  { to: "/admin/settings", label: "Organisation settings", text: "Name, mission, contact, time zone, currency, bank transfer, social links." },
  { to: "/admin/settings/messages", label: "Messages by phone", text: "SMS and WhatsApp beside email: channels, budget, quiet hours, each kind's first way." },
  { to: "/admin/privacy", label: "Privacy", text: "People's data requests and their 30-day deadlines, the breach log, the register of what is held, the privacy notice." },
  { to: "/admin/messages", label: "Messages to groups", text: "Write to everyone at an event, in a cohort, stuck on a step, mentors, sponsors or news readers; see who it reached." },
  { to: "/admin/outbox", label: "Outbox", text: "Messages by email, SMS and WhatsApp waiting to go, sent (with what the providers reported), or given up on." },
  { to: "/admin/audit", label: "Audit log", text: "Who changed what, and when." },
];


export default function AdminDashboard() {
  const { figures, events, programme, mentoring, giving, sms } = useLoaderData<typeof loader>();
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  return (
    <>
      <PageHeader title="Organisers' console" lead="The state of the programme at a glance, and the tools to run it." />
      {sms?.warned ? (
        <p className="notice notice--error" role="status">
          {sms.stopped
            ? `This month's SMS budget (${sms.budgetText}) is used up: texts wait for next month, and messages go by each person's next channel.`
            : `Texts this month have cost ${sms.spentText} of the ${sms.budgetText} budget (${sms.percent}%).`}{" "}
          <Link to="/admin/settings/messages">Messages by phone</Link>
        </p>
      ) : null}
      <h2>People</h2>
      <dl className="summary-list">
        <dt>Accounts</dt>
        <dd>{plural(figures.people, "person", "people")}</dd>
        {ROLE_OPTIONS.map((role) => (
          <Fragment key={role}>
            <dt>{ROLE_LABELS[role]}s</dt>
            <dd>{figures.byRole[role].toLocaleString("en-GB")}</dd>
          </Fragment>
        ))}
        <dt>Joined in the last 30 days</dt>
        <dd>{figures.joinedRecently.toLocaleString("en-GB")}</dd>
        <dt>Email not yet verified</dt>
        <dd>{figures.unverified.toLocaleString("en-GB")}</dd>
      </dl>
      <h2>Events</h2>
      <dl className="summary-list">
        <dt>Published, coming up</dt>
        <dd>
          <Link to="/admin/events">{plural(events.upcoming, "event", "events")}</Link>
        </dd>
        <dt>Drafts</dt>
        <dd>{plural(events.drafts, "event", "events")}</dd>
        <dt>Seats booked in the next 30 days</dt>
        <dd>{events.registrationsNext30Days.toLocaleString("en-GB")}</dd>
      </dl>
      <h2>Programme</h2>
      <dl className="summary-list">
        <dt>Cohorts</dt>
        <dd>
          <Link to="/admin/cohorts">{plural(programme.cohorts, "cohort", "cohorts")}</Link>
        </dd>
        <dt>Participants in cohorts</dt>
        <dd>{programme.participants.toLocaleString("en-GB")}</dd>
        <dt>Steps completed</dt>
        <dd>{programme.stepsCompleted.toLocaleString("en-GB")}</dd>
        <dt>Certificates issued</dt>
        <dd>{programme.certificates.toLocaleString("en-GB")}</dd>
        <dt>Job applications logged</dt>
        <dd>
          {plural(programme.applications.total, "application", "applications")} by {plural(programme.applications.people, "person", "people")}
        </dd>
        <dt>Interviews reached</dt>
        <dd>{programme.applications.interviews.toLocaleString("en-GB")}</dd>
        <dt>Jobs won</dt>
        <dd>{programme.applications.hired.toLocaleString("en-GB")}</dd>
      </dl>
      <h2>Email</h2>
      <dl className="summary-list">
        <dt>Waiting to be sent</dt>
        <dd>{plural(figures.outbox.pending, "message", "messages")}</dd>
        <dt>Could not be delivered</dt>
        <dd>
          {figures.outbox.dead ? (
            <>
              <span className="tag tag--error">{plural(figures.outbox.dead, "message", "messages")}</span>{" "}
              <Link to="/admin/outbox">See the outbox</Link>
            </>
          ) : (
            "None"
          )}
        </dd>
      </dl>
      <h2>Mentoring</h2>
      <dl className="summary-list">
        <dt>Active pairs</dt>
        <dd>
          <Link to="/admin/mentoring">{plural(mentoring.activePairs, "pair", "pairs")}</Link>
        </dd>
        <dt>Requests waiting for a mentor's answer</dt>
        <dd>{mentoring.waitingRequests.toLocaleString("en-GB")}</dd>
        <dt>Requests that lapsed</dt>
        <dd>{mentoring.lapsedRequests.toLocaleString("en-GB")}</dd>
        <dt>Sessions held</dt>
        <dd>{mentoring.sessionsHeld.toLocaleString("en-GB")}</dd>
        <dt>Mentors waiting for approval</dt>
        <dd>
          {mentoring.mentorsAwaitingApproval ? (
            <Link to="/admin/mentors">{plural(mentoring.mentorsAwaitingApproval, "mentor", "mentors")}</Link>
          ) : (
            "None"
          )}
        </dd>
      </dl>
      <h2>Giving</h2>
      <dl className="summary-list">
        <dt>Received in the last 30 days</dt>
        <dd>
          {giving.receivedLast30Days.length
            ? giving.receivedLast30Days.map((row) => `${formatMoney(row.amount, row.currency)} (${plural(row.gifts, "gift", "gifts")})`).join(", ")
            : "Nothing yet"}
        </dd>
        <dt>Bank transfers to confirm</dt>
        <dd>
          {giving.pendingTransfers ? (
            <Link to="/admin/donations?status=pending&method=bank_transfer">{plural(giving.pendingTransfers, "pledge", "pledges")}</Link>
          ) : (
            "None"
          )}
        </dd>
        <dt>Open campaigns</dt>
        <dd>
          <Link to="/admin/campaigns">{plural(giving.openCampaigns, "campaign", "campaigns")}</Link>
        </dd>
      </dl>
      <h2>Manage</h2>
      <LinkCards links={LINKS} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
