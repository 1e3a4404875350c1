import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { safeRedirectPath } from "~/utils/urls.server";
import { staticPage } from "~/utils/hydration";
import { getUser } from "~/routes/helpers/session.server";
import { retryAfterHeaders } from "~/routes/helpers/replies.server";
import { logIn } from "~/modules/auth/index.server";
import { ACCOUNT_KEPT } from "~/modules/privacy";
import { cancelErasureOnReturn } from "~/modules/privacy/index.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { loginSchema } from "~/modules/auth";
import { shareMeta, siteShareOf } from "~/utils/share-meta";

export const meta: MetaFunction = ({ matches, location }) => shareMeta(siteShareOf(matches), { path: location.pathname, title: "Log in" });

export const handle = staticPage;

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (getUser(request)) throw redirect(redirectTo);
  // A link from a confirmed change of address brings the new address, so only the password is left to type.
  const email = new URL(request.url).searchParams.get("email") ?? "";
  return z.email().max(254).safeParse(email).success ? { redirectTo, email } : { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await logIn({
    email,
    password,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    previousSessionId: getUser(request)?.sessionId ?? null,
  });
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), { status: 400 });
  }
  if (result.codeNeeded) {
    const next = `/login/code?${new URLSearchParams({ redirectTo: safeRedirectPath(redirectTo) })}`;
    return redirect(next, { headers: { "Set-Cookie": result.cookie } });
  }
  if (cancelErasureOnReturn(result.userId)) {
    return redirectWithFlash(safeRedirectPath(redirectTo), ACCOUNT_KEPT, { headers: { "Set-Cookie": result.cookie } });
  }
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const { redirectTo } = loaded;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    defaultValue: { email: "email" in loaded ? loaded.email : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <PageHeader title="Log in" />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ email: fields.email, password: fields.password }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
        <TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" />
        <SubmitButton>Log in</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">Forgotten your password?</Link>
      </p>
      <p>
        No email address? <Link to={`/login/phone?${new URLSearchParams({ redirectTo })}`}>Log in with your mobile number</Link>.
      </p>
      <p>
        New here? <Link to="/signup">Create an account</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
