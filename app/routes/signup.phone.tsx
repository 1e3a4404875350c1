import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { isCodeStep, PhoneCodeStep, type CodeStep } from "~/components/auth/phone-code-step";
import { PhoneSignupForm } from "~/components/auth/phone-signup-form";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { codeStep, codeStepRefused, parseCodeStep, parseResend, signedInRedirect } from "~/routes/helpers/phone-steps.server";
import { nextPage, signupLoader } from "~/routes/helpers/signup.server";
import { getUser } from "~/routes/helpers/session.server";
import { finishPhoneSignup, phoneSignupServerSchema, resendSignupCode, startPhoneSignup } from "~/modules/auth/index.server";

// Sign up with a mobile number (ADR 0032): the answers /signup asks, a code by SMS, then the account.

export const meta: MetaFunction = ({ matches, location }) => shareMeta(siteShareOf(matches), { path: location.pathname, title: "Sign up with your mobile number" });

export const handle = staticPage;

export const headers = retryAfterHeaders;

export const loader = signupLoader;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ip = context.clientIp;

  if (intent === "send-code") {
    const submission = parseWithZod(formData, { schema: phoneSignupServerSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const { redirectTo, phone, name, birthDate, guardianEmail, optionalUses } = submission.value;
    const result = await startPhoneSignup({ name, phone, birthDate, guardianEmail, optionalUses, next: nextPage(redirectTo) }, ip);
    if (!result.ok) return refusalReply(submission, result);
    // The same answer whether or not the number already has an account (ADR 0009).
    return codeStep(phone);
  }

  if (intent === "resend-code") {
    const { value, submission } = parseResend(formData);
    const result = await resendSignupCode(value.phone, ip);
    if (!result.ok && result.code === "start-again") return redirectWithFlash("/signup/phone", { kind: "info", message: result.message });
    if (!result.ok) return codeStepRefused(value.phone, submission, result);
    return codeStep(value.phone, { resent: true });
  }

  if (intent === "check-code") {
    const parsed = parseCodeStep(formData);
    if (!parsed.ok) return parsed.reply;
    const { phone, code } = parsed.value;
    const result = finishPhoneSignup({ phone, code, ip, userAgent: request.headers.get("user-agent"), previousSessionId: getUser(request)?.sessionId ?? null });
    if (!result.ok) return codeStepRefused(phone, parsed.submission, result);
    return signedInRedirect(result, result.next ?? "/me", welcome(result));
  }

  badRequest();
}

function welcome(result: { created: boolean; guardianAsked: boolean }): string {
  if (!result.created) return "This number already had an account, so we have signed you in to it.";
  if (result.guardianAsked) {
    return "Your account is ready. We have emailed your parent or guardian a link to agree to it; until they do, you can look around but not book seats, join a cohort or ask for a mentor.";
  }
  return "Welcome! Your account is ready, and your mobile number is confirmed.";
}

type ActionData = SubmissionResult<string[]> | CodeStep | undefined;

export default function PhoneSignup() {
  const { redirectTo, adultAge } = useLoaderData<typeof signupLoader>();
  const actionData = useActionData<ActionData>();
  const loginUrl = redirectTo ? `/login/phone?${new URLSearchParams({ redirectTo })}` : "/login/phone";

  if (isCodeStep(actionData)) {
    return (
      <>
        <PageHeader title="Enter the code we texted you" />
        <PhoneCodeStep
          step={actionData}
          sentText={
            <>
              We have sent a 6-digit code by text message to <strong>{actionData.display}</strong>. Type it below to create your account.
            </>
          }
          button="Create account"
          backTo="/signup/phone"
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Sign up with your mobile number"
        lead="No email address needed: we text you a code instead. You can add an email address later."
      />
      <PhoneSignupForm lastResult={actionData ?? null} redirectTo={redirectTo} adultAge={adultAge} />
      <p>
        Already have an account? <Link to={loginUrl}>Log in with your mobile number</Link>.
      </p>
      <p className="muted">
        Would you rather use email? <Link to="/signup">Sign up with an email address</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
