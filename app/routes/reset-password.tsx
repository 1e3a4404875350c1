import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, NewPasswordField, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { NO_REFERRER_META, noReferrerHeaders, tokenFromUrl } from "~/utils/token-page";
import { refusalReply } from "~/routes/helpers/replies.server";
import { resetPasswordServerSchema, resetLinkIsValid, resetPassword } from "~/modules/auth/index.server";
import { INVALID_RESET_LINK, resetPasswordSchema } from "~/modules/auth";

export const meta: MetaFunction = () => [{ title: "Choose a new password" }, NO_REFERRER_META];

export const handle = staticPage;

export const headers = noReferrerHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const token = tokenFromUrl(request);
  return resetLinkIsValid(token) ? { valid: true as const, token } : { valid: false as const, token: "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: resetPasswordServerSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await resetPassword(submission.value.token, submission.value.password);
  if (!result.ok) {
    if (result.field) return refusalReply(submission, result, ["password"]);
    return data({ linkInvalid: true as const }, { status: 400 });
  }
  // Signed in nowhere now: logging in with the new password confirms it and lets a password
  // manager save it, and the emailed link alone never opens a session.
  return redirectWithFlash("/login", "Your password has been changed. Log in with your new password.");
}

function InvalidLink() {
  return (
    <>
      <PageHeader title="This link has expired" />
      <p className="measure">{INVALID_RESET_LINK} Links to reset a password work once, for 1 hour.</p>
      <p>
        <Link to="/forgot-password" className="button button--primary">
          Ask for a new link
        </Link>
      </p>
    </>
  );
}

export default function ResetPassword() {
  const { valid, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const linkInvalid = !!actionData && "linkInvalid" in actionData;
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData && !("linkInvalid" in actionData) ? actionData : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  if (!valid || linkInvalid) return <InvalidLink />;
  return (
    <>
      <PageHeader title="Choose a new password" lead="You will be signed out everywhere, then you can log in with it." />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ password: fields.password }} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordField meta={fields.password} label="New password" />
        <SubmitButton>Change password</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
