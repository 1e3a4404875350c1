import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ConfirmItIsYou, ConfirmWithTextedCode, replyToConfirmForm } from "~/components/auth/confirm-with-code";
import { RecoveryCodes } from "~/components/auth/recovery-codes";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/urls.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { proofFrom, textConfirmCode } from "~/routes/helpers/confirm-code.server";
import { requireUser } from "~/routes/helpers/session.server";
import { confirmationOf, confirmsWithPhone, confirmTotpEnrolment, removeSecondFactor, secondFactorStatus, startTotpEnrolment } from "~/modules/auth/index.server";
import { confirmTotpSchema, orTextMeACode, removeTotpSchema, SEND_CONFIRM_CODE, startTotpSchema, withTextedCode, type Confirmation } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in" }];

export const headers = retryAfterHeaders;

// For an account with no password: the code texted to its number where the password would be.
const startByCodeSchema = withTextedCode("start");
const removeByCodeSchema = withTextedCode("remove");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const organisation = getOrganisation();
  const status = await secondFactorStatus(user);
  return {
    status: status.state === "enrolled" ? { ...status, since: formatDate(status.since, organisation.timeZone) } : status,
    required: user.roles.includes("organiser") && organisation.organiserSecondFactorRequired,
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), ""),
    confirmation: confirmationOf(user),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = new URL(request.url);
  here.searchParams.delete("index");
  const hidden = ["password", "code"];

  if (intent === SEND_CONFIRM_CODE) return textConfirmCode(formData, user, context.clientIp);

  if (intent === "start") {
    const submission = parseWithZod(formData, { schema: confirmsWithPhone(user) ? startByCodeSchema : startTotpSchema });
    if (submission.status !== "success") return data(submission.reply({ hideFields: hidden }), { status: 400 });
    const result = await startTotpEnrolment(user, proofFrom(submission.value), context.clientIp);
    if (!result.ok) return refusalReply(submission, result, hidden);
    return redirectWithFlash(here.pathname + here.search, { kind: "info", message: "Now scan the code with your authenticator app." });
  }

  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: confirmTotpSchema });
    if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
    const result = await confirmTotpEnrolment(user, submission.value.code, context.clientIp);
    if (!result.ok) return refusalReply(submission, result, ["code"]);
    // Shown on this answer only: they are stored hashed and cannot be shown again.
    return { recoveryCodes: result.recoveryCodes };
  }

  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: confirmsWithPhone(user) ? removeByCodeSchema : removeTotpSchema });
    if (submission.status !== "success") return data(submission.reply({ hideFields: hidden }), { status: 400 });
    const result = await removeSecondFactor(user, proofFrom(submission.value), context.clientIp);
    if (!result.ok) return refusalReply(submission, result, hidden);
    return redirectWithFlash("/me/two-factor", "Your authenticator app was removed, with its recovery codes.");
  }

  badRequest();
}

type Reply = SubmissionResult<string[]> | { recoveryCodes: string[] } | undefined;

function resultFor(reply: Reply, intent: string) {
  return reply && "initialValue" in reply && reply.initialValue?.intent === intent ? reply : undefined;
}

export default function TwoFactor() {
  const { status, required, redirectTo, confirmation } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply;
  const continueTo = redirectTo || "/me";
  return (
    <>
      <PageHeader title="Two-factor sign-in" lead="A code from an app on your phone, as well as your password, each time you log in.">
        <p>
          <Link to="/me/account">Account settings</Link>
        </p>
      </PageHeader>
      {required && status.state !== "enrolled" ? (
        <p className="notice" role="status">
          Organisers here must use two-factor sign-in. Set it up to reach the organisers' console.
        </p>
      ) : null}
      {reply && "recoveryCodes" in reply ? (
        <RecoveryCodes codes={reply.recoveryCodes} continueTo={continueTo} />
      ) : status.state === "none" ? (
        <StartForm lastResult={confirmReply(reply, "start", confirmation)} confirmation={confirmation} />
      ) : status.state === "enrolling" ? (
        <ConfirmForm lastResult={resultFor(reply, "confirm")} qrSvg={status.qrSvg} secret={status.secret} accountName={status.accountName} />
      ) : (
        <Enrolled since={status.since} codesLeft={status.recoveryCodesLeft} lastResult={confirmReply(reply, "remove", confirmation)} confirmation={confirmation} />
      )}
    </>
  );
}

/** The reply for a form that confirms it is you: to its own button, or (without a password) to "Text me a code". */
function confirmReply(reply: Reply, intent: string, confirmation: Confirmation) {
  return confirmation.by === "phone" ? replyToConfirmForm(reply, intent) : resultFor(reply, intent);
}

type FormProps = { lastResult: SubmissionResult<string[]> | undefined };

function StartForm({ lastResult, confirmation }: FormProps & { confirmation: Confirmation }) {
  const [form, fields] = useForm({
    id: "start-totp",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmation.by === "phone" ? orTextMeACode(startByCodeSchema) : startTotpSchema }),
  });
  return (
    <>
      <h2 id="start-title">Set up an authenticator app</h2>
      <p className="measure">
        You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or Aegis. First,
        confirm {confirmation.by === "phone" ? "it is you" : "your password"}.
      </p>
      <Form method="post" className="form" aria-labelledby="start-title" {...getFormProps(form)}>
        {confirmation.by === "phone" ? (
          <>
            <ErrorSummary form={form} fields={{ code: fields.code }} />
            <ConfirmWithTextedCode phone={confirmation.phone} reply={lastResult} code={fields.code} intent="start" button="Continue" />
          </>
        ) : (
          <>
            <ErrorSummary form={form} fields={{ password: fields.password }} />
            <input type="hidden" name="intent" value="start" />
            <TextField meta={fields.password} label="Your password" type="password" autoComplete="current-password" />
            <SubmitButton>Continue</SubmitButton>
          </>
        )}
      </Form>
    </>
  );
}

function ConfirmForm({ lastResult, qrSvg, secret, accountName }: FormProps & { qrSvg: string; secret: string; accountName: string }) {
  const [form, fields] = useForm({
    id: "confirm-totp",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmTotpSchema }),
  });
  return (
    <>
      <h2 id="confirm-title">Scan this code with your app</h2>
      <div className="totp-qr" role="img" aria-label="QR code to add this account to an authenticator app" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="measure">
        Cannot scan it? Add an account by hand in your app, named <strong>{accountName}</strong>, with this key (time-based):
      </p>
      <p>
        <code id="totp-secret" className="totp-secret">
          {secret}
        </code>
      </p>
      <Form method="post" className="form" aria-labelledby="confirm-title" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ code: fields.code }} />
        <input type="hidden" name="intent" value="confirm" />
        <TextField meta={fields.code} label="Code from the app" hint="The six digits it shows now." autoComplete="one-time-code" inputMode="numeric" />
        <SubmitButton>Turn on two-factor sign-in</SubmitButton>
      </Form>
    </>
  );
}

function Enrolled({ since, codesLeft, lastResult, confirmation }: FormProps & { since: string; codesLeft: number; confirmation: Confirmation }) {
  const [form, fields] = useForm({
    id: "remove-totp",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmation.by === "phone" ? orTextMeACode(removeByCodeSchema) : removeTotpSchema }),
  });
  return (
    <>
      <p className="measure">
        Two-factor sign-in is <strong>on</strong>, with an authenticator app, since {since}. You have {codesLeft} unused
        recovery code{codesLeft === 1 ? "" : "s"}.
      </p>
      <h2 id="remove-title">Remove your authenticator app</h2>
      <p className="measure">Your recovery codes stop working too. You can set up an app again afterwards.</p>
      <Form method="post" className="form" aria-labelledby="remove-title" {...getFormProps(form)}>
        <ConfirmItIsYou
          form={form}
          confirmation={confirmation}
          password={fields.password}
          code={fields.code}
          reply={lastResult}
          intent="remove"
          button="Remove authenticator app"
          variant="warning"
        />
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
