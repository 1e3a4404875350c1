import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { AwaitingGuardianNotice } from "~/components/auth/my-privacy";
import { EmptyState, PageHeader } from "~/components/layout";
import { MyProgrammeCard } from "~/components/cohorts/my-programme-card";
import { MyEvents } from "~/components/events/my-events";
import { GivingCard } from "~/components/sponsorship/giving-card";
import { MyAchievements } from "~/components/journey/my-achievements";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { isPlaceholderAddress } from "~/utils/redact.server";
import { badRequest, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { resendVerification } from "~/modules/auth/index.server";
import { resendVerificationSchema } from "~/modules/auth";
import { programmeSummary } from "~/modules/cohorts/index.server";
import { feedTokenFor, feedUrl, replaceFeedToken, myRegistrations } from "~/modules/events/index.server";
import { givingCardData } from "~/modules/sponsorship/index.server";
import { myAchievements } from "~/modules/journey/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "My page" }];

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const events = myRegistrations(user.id, getOrganisation().timeZone);
  return {
    name: user.name,
    email: user.email,
    // An account made with a phone number has no address to confirm (ADR 0032).
    emailVerified: user.emailVerified || isPlaceholderAddress(user.email),
    awaitingGuardian: user.awaitingGuardian,
    adultAge: getOrganisation().adultAge,
    roles: user.roles,
    events,
    feedUrl: feedUrl(feedTokenFor(user.id)),
    programmes: programmeSummary(user.id),
    giving: givingCardData(user),
    achievements: myAchievements(user.id).map((a) => ({
      id: a.id,
      heading: a.kind === "event" ? "Certificate of attendance" : "Certificate of achievement",
      statement: a.statement,
      earnedOn: formatDate(a.earnedAt, getOrganisation().timeZone),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "new-calendar-address") {
    replaceFeedToken(user.id);
    return redirectWithFlash("/me", "Your calendar has a new address. Subscribe to it again in your calendar app: the old one no longer works.");
  }
  const submission = parseWithZod(formData, { schema: resendVerificationSchema });
  if (submission.status !== "success") badRequest();
  const { sent } = await resendVerification(user, context.clientIp);
  return redirectWithFlash(
    "/me",
    sent ? `We have sent a new link to ${user.email}. It works for 24 hours.` : "Your email address is already confirmed.",
  );
}

const ROLE_LABELS: Record<string, string> = {
  participant: "Participant",
  mentor: "Mentor",
  sponsor: "Sponsor",
  organiser: "Organiser",
};

export default function MyPage() {
  const { name, email, emailVerified, awaitingGuardian, adultAge, roles, events, feedUrl, programmes, giving, achievements } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Hello, ${name}`}>
        <p>
          {roles.map((role) => (
            <span key={role} className="tag">
              {ROLE_LABELS[role] ?? role}
            </span>
          ))}
        </p>
      </PageHeader>

      {emailVerified ? null : (
        <div className="notice" role="region" aria-labelledby="verify-title">
          <h2 id="verify-title">Confirm your email address</h2>
          <p>
            We sent a link to <strong>{email}</strong>. Open it to confirm the address, so we can send you reminders and
            help you back into your account if you forget your password.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend-verification" />
            <SubmitButton variant="secondary">Send the link again</SubmitButton>
          </Form>
        </div>
      )}

      {awaitingGuardian ? <AwaitingGuardianNotice adultAge={adultAge} /> : null}

      <p>
        <Link to="/me/account">Account settings</Link>: change your password or email address, and see where you are
        signed in. <Link to="/me/phone">Mobile number</Link>: log in with a code and get texts.{" "}
        <Link to="/me/notifications">Email choices</Link>: which reminders and nudges you get.{" "}
        <Link to="/me/privacy">Your privacy</Link>: what you agreed to, and your data.
        {roles.includes("organiser") ? (
          <>
            {" "}
            Organisers: <Link to="/admin">go to the admin pages</Link>.
          </>
        ) : null}
      </p>

      <MyEvents upcoming={events.upcoming} past={events.past} feedUrl={feedUrl} />

      <div className="card-grid">
        <MyProgrammeCard programmes={programmes} organiser={roles.includes("organiser")} />
        <EmptyState title="Mentoring">
          <p>
            <Link to="/me/mentoring">My mentoring</Link>: your mentor or mentees, requests and sessions. <Link to="/mentors">Find a mentor</Link>.
          </p>
        </EmptyState>
        <EmptyState title="Where you are now">
          <p>
            <Link to="/me/outcomes">Tell us where you are</Link>: a job, study, your own business or still searching, and what helped you most.
          </p>
        </EmptyState>
        <GivingCard giving={giving} />
      </div>
      <MyAchievements achievements={achievements} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
