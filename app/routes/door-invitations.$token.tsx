import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { AcceptDoorInvitationForm, JoinDoorTeamForm } from "~/components/events/door-join-forms";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { getUser } from "~/routes/helpers/session.server";
import { refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { createSession, findUserByEmail } from "~/modules/auth/index.server";
import { acceptDoorInvitation, findDoorInvitation, joinDoorTeamServerSchema, joinDoorTeamWithNewAccount } from "~/modules/events/index.server";
import { acceptDoorInvitationSchema } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Join the door team" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

// The token is in the address: never pass it on to another site, and keep the page out of caches.
export const headers: HeadersFunction = (args) => {
  const headers = new Headers(retryAfterHeaders(args));
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("Cache-Control", "no-store");
  return headers;
};

const UNUSABLE = {
  invalid: { status: 404, title: "This invitation link does not work", text: "Check that you opened the whole link. If it still does not work, ask the organiser for a new invitation." },
  used: { status: 410, title: "This invitation has already been used", text: "Each emailed invitation works once. If that was you, log in and open the door page." },
  expired: { status: 410, title: "This invitation has ended", text: "Emailed invitations work for 7 days, and links shown at the door for 2 hours or until the organiser ends them. Ask the organiser for a new one." },
} as const;

export function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = findDoorInvitation(token);
  if (found.status !== "pending") return data({ state: found.status }, { status: UNUSABLE[found.status].status });
  const { invitation } = found;
  const view = {
    email: invitation.email,
    eventTitle: invitation.eventTitle,
    inviterName: invitation.inviterName,
    expires: formatInstant(invitation.expiresAt, getOrganisation().timeZone),
  };
  const loginUrl = `/login?redirectTo=${encodeURIComponent(`/door-invitations/${token}`)}`;
  const user = getUser(request);
  if (user) {
    if (invitation.email === null || user.email.toLowerCase() === invitation.email) return { state: "accept" as const, invitation: view };
    return { state: "wrong-account" as const, invitation: view, signedInAs: user.email };
  }
  if (invitation.email && findUserByEmail(invitation.email)) return { state: "login" as const, invitation: view, loginUrl };
  return { state: "create" as const, invitation: view, loginUrl };
}

function welcome(eventTitle: string | null, headers?: HeadersInit) {
  return redirectWithFlash("/door", `Welcome to the door team: you can check people in at ${eventTitle ?? "every event"}.`, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const user = getUser(request);
  const found = findDoorInvitation(token);
  const invitation = found.status === "pending" ? found.invitation : null;
  if (formData.get("intent") === "accept") {
    const submission = parseWithZod(formData, { schema: acceptDoorInvitationSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!user) return data(submission.reply({ formErrors: ["Log in first, then join the door team."] }), { status: 401 });
    const accepted = acceptDoorInvitation({ token, user });
    if (!accepted.ok) return refusalReply(submission, accepted);
    return welcome(invitation?.eventTitle ?? null);
  }
  const submission = parseWithZod(formData, { schema: joinDoorTeamServerSchema(invitation?.email === null) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  if (user) return data(submission.reply({ formErrors: ["You are already logged in. Use the button to join with this account."], hideFields: ["password"] }), { status: 409 });
  const { name, password, optionalUses } = submission.value;
  const email = "email" in submission.value && typeof submission.value.email === "string" ? submission.value.email : undefined;
  const joined = await joinDoorTeamWithNewAccount({ token, name, password, email, optionalUses }, context.clientIp);
  if (!joined.ok) return refusalReply(submission, joined, ["password"]);
  const { cookie } = createSession(joined.userId, request.headers.get("user-agent"));
  return welcome(invitation?.eventTitle ?? null, { "Set-Cookie": cookie });
}

export default function DoorInvitation() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!("invitation" in page)) {
    const { title, text } = UNUSABLE[page.state];
    return (
      <>
        <PageHeader title={title} />
        <p className="measure">{text}</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </>
    );
  }
  const { invitation } = page;
  const where = invitation.eventTitle ? `“${invitation.eventTitle}”` : "every event";
  const who = invitation.email ? `invited ${invitation.email}` : "invites you";
  const lead = `${invitation.inviterName ?? "An organiser"} ${who} to check people in at ${where}. Door volunteers see the list of people expected and nothing else. This works until ${invitation.expires}.`;
  return (
    <>
      <PageHeader title="Join the door team" lead={lead} />
      {page.state === "accept" ? <AcceptDoorInvitationForm lastResult={lastResult} /> : null}
      {page.state === "wrong-account" ? (
        <>
          <p className="notice notice--error">
            You are logged in as {page.signedInAs}, but this invitation is for {invitation.email}. Log out, then open the link from
            the email again.
          </p>
          <form method="post" action="/logout" className="inline-form">
            <button type="submit" className="button button--secondary">
              Log out
            </button>
          </form>
        </>
      ) : null}
      {page.state === "login" ? (
        <>
          <p className="measure">You already have an account with this email address. Log in, and you will come back here to join.</p>
          <p>
            <Link to={page.loginUrl} className="button button--primary">
              Log in to join
            </Link>
          </p>
        </>
      ) : null}
      {page.state === "create" ? (
        <>
          {invitation.email ? null : (
            <p className="measure">
              Already have an account? <Link to={page.loginUrl}>Log in</Link>, and you will come back here to join with it.
            </p>
          )}
          <JoinDoorTeamForm invitedEmail={invitation.email} lastResult={lastResult} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
