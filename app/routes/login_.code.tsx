import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { SecondFactorCodeForm } from "~/components/auth/code-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";
import { safeRedirectPath } from "~/utils/urls.server";
import { refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { getPendingLoginToken, getUser } from "~/routes/helpers/session.server";
import { clearPendingLoginCookie, finishPendingLogin, pendingLoginIsValid } from "~/modules/auth/index.server";
import { secondFactorCodeSchema } from "~/modules/auth";
import { ACCOUNT_KEPT } from "~/modules/privacy";
import { cancelErasureOnReturn } from "~/modules/privacy/index.server";
import { redirectWithFlash } from "~/utils/flash.server";

// The log-in's second step: the password was right, and no session exists until the code is.

export const meta: MetaFunction = () => [{ title: "Enter your code" }];

export const handle = staticPage;

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (!pendingLoginIsValid(getPendingLoginToken(request))) {
    throw redirect(getUser(request) ? redirectTo : "/login", { headers: { "Set-Cookie": clearPendingLoginCookie() } });
  }
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: secondFactorCodeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const result = await finishPendingLogin({
    token: getPendingLoginToken(request),
    code: submission.value.code,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    previousSessionId: getUser(request)?.sessionId ?? null,
  });
  if (!result.ok) {
    if (result.code === "expired") throw redirect("/login", { headers: { "Set-Cookie": clearPendingLoginCookie() } });
    return refusalReply(submission, result, ["code"]);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", clearPendingLoginCookie());
  headers.append("Set-Cookie", result.cookie);
  if (cancelErasureOnReturn(result.userId)) return redirectWithFlash(safeRedirectPath(submission.value.redirectTo), ACCOUNT_KEPT, { headers });
  return redirect(safeRedirectPath(submission.value.redirectTo), { headers });
}

export default function LoginCode() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Enter your code" lead="Your password was right. Now open your authenticator app to finish logging in." />
      <SecondFactorCodeForm lastResult={lastResult} redirectTo={redirectTo} button="Log in" />
      <p>
        <Link to="/login">Start again</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
