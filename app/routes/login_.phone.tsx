import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { isCodeStep, PhoneCodeStep, type CodeStep } from "~/components/auth/phone-code-step";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { safeRedirectPath } from "~/utils/urls.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { codeStep, codeStepRefused, parseCodeStep, parseResend, signedInRedirect } from "~/routes/helpers/phone-steps.server";
import { getUser } from "~/routes/helpers/session.server";
import { phoneSignInServerSchema, requestSignInCode, signInWithPhoneCode } from "~/modules/auth/index.server";
import { phoneSignInSchema } from "~/modules/auth";

// Log in with a mobile number and a code sent to it (ADR 0032), beside /login's email and password.

export const meta: MetaFunction = ({ matches, location }) => shareMeta(siteShareOf(matches), { path: location.pathname, title: "Log in with your mobile number" });

export const handle = staticPage;

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (getUser(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ip = context.clientIp;

  if (intent === "send-code") {
    const submission = parseWithZod(formData, { schema: phoneSignInServerSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await requestSignInCode(submission.value.phone, ip);
    if (!result.ok) return refusalReply(submission, result);
    return codeStep(result.phone);
  }

  if (intent === "resend-code") {
    const { value, submission } = parseResend(formData);
    const result = await requestSignInCode(value.phone, ip);
    if (!result.ok) return codeStepRefused(value.phone, submission, result);
    return codeStep(value.phone, { resent: true });
  }

  if (intent === "check-code") {
    const parsed = parseCodeStep(formData);
    if (!parsed.ok) return parsed.reply;
    const { phone, code, redirectTo } = parsed.value;
    const result = await signInWithPhoneCode({ phone, code, ip, userAgent: request.headers.get("user-agent"), previousSessionId: getUser(request)?.sessionId ?? null });
    if (!result.ok) return codeStepRefused(phone, parsed.submission, result);
    return signedInRedirect(result, redirectTo ?? "/me");
  }

  badRequest();
}

type ActionData = SubmissionResult<string[]> | CodeStep | undefined;

export default function PhoneLogin() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [form, fields] = useForm({
    id: "phone-login",
    lastResult: isCodeStep(actionData) ? null : actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phoneSignInSchema }),
    shouldValidate: "onBlur",
  });

  if (isCodeStep(actionData)) {
    return (
      <>
        <PageHeader title="Enter the code we texted you" />
        <PhoneCodeStep
          step={actionData}
          sentText={
            <>
              If <strong>{actionData.display}</strong> belongs to an account here, we have sent it a 6-digit code by text message.
            </>
          }
          button="Log in"
          redirectTo={redirectTo}
          backTo={`/login/phone?${new URLSearchParams({ redirectTo })}`}
        />
        <p className="muted">
          No text? Check the number, wait a minute, then ask for a new code. New here? <Link to="/signup/phone">Sign up with your mobile number</Link>.
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Log in with your mobile number" lead="We text you a code to type in: no password needed." />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ phone: fields.phone }} />
        <input type="hidden" name="intent" value="send-code" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.phone} label="Mobile number" hint="For example, 0803 123 4567." type="tel" autoComplete="tel" spellCheck={false} />
        <SubmitButton>Text me a code</SubmitButton>
      </Form>
      <p>
        <Link to={`/login?${new URLSearchParams({ redirectTo })}`}>Log in with your email address instead</Link>
      </p>
      <p>
        New here? <Link to="/signup/phone">Sign up with your mobile number</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
