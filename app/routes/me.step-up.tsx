import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useActionData, useLoaderData } from "react-router";
import { SecondFactorCodeForm } from "~/components/auth/code-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { safeRedirectPath } from "~/utils/urls.server";
import { refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { hasSecondFactor, stepUp } from "~/modules/auth/index.server";
import { secondFactorCodeSchema } from "~/modules/auth";

// Asked before a refund, a role change or an export when the session's code is over an hour old.

export const meta: MetaFunction = () => [{ title: "Confirm it is you" }];

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (!hasSecondFactor(user.id)) throw redirect(`/me/two-factor?${new URLSearchParams({ redirectTo })}`);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: secondFactorCodeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const result = await stepUp(user, submission.value.code, context.clientIp);
  if (!result.ok) return refusalReply(submission, result, ["code"]);
  return redirect(safeRedirectPath(submission.value.redirectTo));
}

export default function StepUp() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Confirm it is you"
        lead="This needs a fresh code from your authenticator app. You will go straight back to what you were doing."
      />
      <SecondFactorCodeForm lastResult={lastResult} redirectTo={redirectTo} button="Continue" />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
