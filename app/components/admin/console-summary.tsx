import { Fragment } from "react";
import { Link } from "react-router";
import { ROLE_LABELS, ROLE_OPTIONS } from "~/modules/auth";
import { formatMoney } from "~/utils/money";

type Figures = {
  figures: { people: number; byRole: Record<(typeof ROLE_OPTIONS)[number], number>; joinedRecently: number; unverified: number; outbox: { pending: number; dead: number } };
  events: { upcoming: number; drafts: number; registrationsNext30Days: number };
  programme: { cohorts: number; participants: number; stepsCompleted: number; certificates: number; applications: { total: number; people: number; interviews: number; hired: number } };
  mentoring: { activePairs: number; waitingRequests: number; lapsedRequests: number; sessionsHeld: number; mentorsAwaitingApproval: number };
  giving: { receivedLast30Days: { currency: string; amount: number; gifts: number }[]; pendingTransfers: number; openCampaigns: number };
};

/** Where things stand now (not in the chosen period): accounts, what is coming up, and what waits for an organiser. */
export function ConsoleSummary({ figures, events, programme, mentoring, giving }: Figures) {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  return (
    <>
        <h3>People</h3>
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
        <h3>Events</h3>
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
        <h3>Programme</h3>
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
        <h3>Email</h3>
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
        <h3>Mentoring</h3>
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
        <h3>Giving</h3>
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
    </>
  );
}
