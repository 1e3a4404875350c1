import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { ConsoleSummary } from "~/components/admin/console-summary";
import { ChartFigure } from "~/components/charts/chart-figure";
import { PeriodForm } from "~/components/charts/period-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { LinkCards } from "~/components/link-cards";
import { requireRole } from "~/routes/helpers/session.server";
import { consoleFigures, dashboardCharts } from "~/modules/admin/index.server";
import { defaultPeriod, readPeriod } from "~/modules/journey/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { smsBudgetStatus } from "~/modules/outbox/index.server";
import chartStyles from "~/styles/charts.css?url";
import { staticPage } from "~/utils/hydration";

export const meta: MetaFunction = () => [{ title: "Organisers' console" }];

export const links = () => [{ rel: "stylesheet", href: chartStyles }];

// Server-drawn charts and GET forms: the page needs no JavaScript in the browser.
export const handle = staticPage;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const params = new URL(request.url).searchParams;
  const read = readPeriod(params);
  // Dates that cannot be read: say so at the fields, and show this month meanwhile.
  const period = read.ok ? read.period : { ...defaultPeriod(), period: "custom" as const, from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const page = {
    period,
    errors: read.ok ? {} : (read.fieldErrors ?? {}),
    charts: dashboardCharts(period),
    ...consoleFigures(),
    // The budget matters only while texts are switched on.
    sms: getOrganisation().channelsEnabled.includes("sms") ? smsBudgetStatus(getOrganisation()) : null,
  };
  return read.ok ? page : data(page, { status: read.status });
}

const LINKS = [
  { to: "/admin/journey", label: "The journey", text: "The funnel from a first event to work or study, for any period, cohort, series or age band, with cohorts side by side." },
  { to: "/admin/events", label: "Events", text: "Workshops, seminars and youth programme sessions: publish, registrations, check-in." },
  { to: "/admin/cohorts", label: "Cohorts", text: "Create cohorts, invite members, follow who is moving and who is stuck." },
  { to: "/admin/curricula", label: "Curricula", text: "Edit the steps and exercises of the 15-step programme, or write a new curriculum." },
  { to: "/admin/campaigns", label: "Campaigns", text: "Giving campaigns: goals, stories and suggested gifts, and what each has raised." },
  { to: "/admin/impact", label: "Impact reports", text: "What each campaign and sponsor's gifts paid for and whom they reached; share links and the public annual page." },
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
  const { period, errors, charts, sms, ...now } = useLoaderData<typeof loader>();
  const custom = period.period === "custom" && !Object.keys(errors).length;
  const query = new URLSearchParams(custom ? { period: "custom", from: period.from, to: period.to } : { period: Object.keys(errors).length ? "month" : period.period });
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
      <h2>In a period</h2>
      <PeriodForm input={period} errors={errors} label="Choose the period" />
      <p>
        <strong>{period.label}</strong>. Figures follow the definitions in the journey's decision record; see{" "}
        <Link to={`/admin/journey?${query}`}>the journey</Link> for the funnel with filters.
      </p>
      {charts.map((chart) => (
        <ChartFigure key={chart.id} chart={chart} csvHref={`/admin/charts/${chart.id}.csv?${query}`} />
      ))}
      <h2>Where things stand today</h2>
      <ConsoleSummary {...now} />
      <h2>Manage</h2>
      <LinkCards links={LINKS} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
