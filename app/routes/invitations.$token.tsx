import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { getUser } from "~/routes/helpers/session.server";
import { signupServerSchema, acceptInvitationAsUser, acceptInvitationWithNewAccount, accountExistsFor, findInvitation, type AcceptResult, hashPassword, createSession } from "~/modules/auth/index.server";
import { agreementFields, signupSchema } from "~/modules/auth";
import { AgreementFields } from "~/components/auth/consent-fields";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Your invitation" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

// The token is in the address: never pass it on to another site, and keep the page out of caches.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

const acceptSchema = z.object({ intent: z.literal("accept") });
const createAccountSchema = signupSchema.pick({ name: true, password: true }).extend({ intent: z.literal("create"), ...agreementFields });

const ROLE_NOUN = { organiser: "an organiser", mentor: "a mentor" } as const;

const UNUSABLE = {
  invalid: { status: 404, title: "This invitation link does not work", text: "Check that you opened the whole link from the email. If it still does not work, ask the organiser who invited you for a new invitation." },
  used: { status: 410, title: "This invitation has already been used", text: "Each invitation link works once. If that was you, log in with the account you created." },
  expired: { status: 410, title: "This invitation has expired", text: "Invitation links work for 7 days. Ask the organiser who invited you to send a new one." },
} as const;

export function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = findInvitation(token);
  if (found.status !== "pending") return data({ state: found.status }, { status: UNUSABLE[found.status].status });
  const { invitation } = found;
  const view = {
    email: invitation.email,
    role: invitation.role,
    inviterName: invitation.inviterName,
    expires: formatInstant(invitation.expiresAt, getOrganisation().timeZone),
  };
  const user = getUser(request);
  if (user) {
    if (user.email.toLowerCase() === invitation.email) return { state: "accept" as const, invitation: view };
    return { state: "wrong-account" as const, invitation: view, signedInAs: user.email };
  }
  if (accountExistsFor(invitation.email)) {
    return { state: "login" as const, invitation: view, loginUrl: `/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}` };
  }
  return { state: "create" as const, invitation: view };
}

const REFUSALS: Record<Exclude<AcceptResult["status"], "accepted">, string> = {
  invalid: UNUSABLE.invalid.title,
  used: UNUSABLE.used.title,
  expired: UNUSABLE.expired.title,
  "wrong-account": "This invitation was sent to another email address. Log out, then log in with that address to accept it.",
  "account-exists": "An account with this email address already exists. Log in to accept the invitation.",
};

function welcome(role: "organiser" | "mentor", headers?: HeadersInit) {
  return redirectWithFlash(role === "organiser" ? "/admin" : "/me", `Welcome: you are now ${ROLE_NOUN[role]}.`, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const user = getUser(request);
  if (formData.get("intent") === "accept") {
    const submission = parseWithZod(formData, { schema: acceptSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!user) return data(submission.reply({ formErrors: ["Log in first, then accept the invitation."] }), { status: 401 });
    const result = acceptInvitationAsUser({ token, user });
    if (result.status === "accepted") return welcome(result.role);
    return data(submission.reply({ formErrors: [REFUSALS[result.status]] }), { status: result.status === "wrong-account" ? 403 : 409 });
  }
  // The server's variant adds the common-password check.
  const createAccountServerSchema = signupServerSchema.pick({ name: true, password: true }).extend({ intent: z.literal("create"), ...agreementFields });
  const submission = parseWithZod(formData, { schema: createAccountServerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  if (user) {
    return data(submission.reply({ formErrors: ["You are already logged in. Log out to create a new account."], hideFields: ["password"] }), { status: 409 });
  }
  // Checked before the slow password hash; checked again inside the transaction that accepts.
  const found = findInvitation(token);
  if (found.status !== "pending") return data(submission.reply({ formErrors: [REFUSALS[found.status]] }), { status: 409 });
  const passwordHash = await hashPassword(submission.value.password);
  const result = acceptInvitationWithNewAccount({ token, name: submission.value.name, passwordHash, optionalUses: submission.value.optionalUses });
  if (result.status !== "accepted") {
    return data(submission.reply({ formErrors: [REFUSALS[result.status]], hideFields: ["password"] }), { status: 409 });
  }
  const { cookie } = createSession(result.userId, request.headers.get("user-agent"));
  return welcome(result.role, { "Set-Cookie": cookie });
}

export default function Invitation() {
  const page = useLoaderData<typeof loader>();
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
  const lead = `${invitation.inviterName ?? "An organiser"} invited ${invitation.email} to join as ${ROLE_NOUN[invitation.role]}. The invitation works until ${invitation.expires}.`;
  return (
    <>
      <PageHeader title={`Join as ${ROLE_NOUN[invitation.role]}`} lead={lead} />
      {page.state === "accept" ? <AcceptForm /> : null}
      {page.state === "wrong-account" ? (
        <>
          <p className="notice notice--error">
            You are logged in as {page.signedInAs}, but this invitation is for {invitation.email}. Log out, then open the link
            from the email again.
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
          <p className="measure">You already have an account with this email address. Log in, and you will come back here to accept.</p>
          <p>
            <Link to={page.loginUrl} className="button button--primary">
              Log in to accept
            </Link>
          </p>
        </>
      ) : null}
      {page.state === "create" ? <CreateAccountForm email={invitation.email} /> : null}
    </>
  );
}

function AcceptForm() {
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ id: "accept", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={{}} />
      <input type="hidden" name="intent" value="accept" />
      <SubmitButton>Accept the invitation</SubmitButton>
    </Form>
  );
}

function CreateAccountForm({ email }: { email: string }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createAccountSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={{ name: fields.name, password: fields.password, privacyNotice: fields.privacyNotice, terms: fields.terms }} />
      <h2>Create your account</h2>
      <input type="hidden" name="intent" value="create" />
      <div className="field">
        <label htmlFor="invited-email" className="field__label">
          Email address
        </label>
        <p id="invited-email-hint" className="field__hint">
          The address the invitation was sent to.
        </p>
        <input id="invited-email" type="email" className="input" value={email} readOnly aria-describedby="invited-email-hint" autoComplete="username" />
      </div>
      <TextField meta={fields.name} label="Your name" autoComplete="name" />
      <TextField meta={fields.password} label="Choose a password" hint="At least 8 characters. A few random words work well." type="password" autoComplete="new-password" />
      <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />
      <SubmitButton>Create account and accept</SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
