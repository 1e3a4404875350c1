import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { staticPage } from "~/utils/hydration";
import { retryAfterHeaders } from "~/routes/helpers/replies.server";
import { requestPasswordReset } from "~/modules/auth/index.server";
import { forgotPasswordSchema } from "~/modules/auth";

export const meta: MetaFunction = () => [{ title: "Reset your password" }];

export const handle = staticPage;

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await requestPasswordReset(submission.value.email, context.clientIp);
  // Said whether or not the address has an account.
  return { sent: true as const, email: submission.value.email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const sent = actionData && "sent" in actionData ? actionData : null;
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData && !("sent" in actionData) ? actionData : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
  });

  if (sent) {
    return (
      <>
        <PageHeader title="Check your email" />
        <div className="notice notice--success" role="status">
          <p>
            If an account exists for <strong>{sent.email}</strong>, we have sent it a link to reset the password.
          </p>
          <p className="muted">The link works for 1 hour. If nothing arrives, check your spam folder.</p>
        </div>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Reset your password"
        lead="Enter the email address you signed up with and we will send you a link to choose a new password."
      />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ email: fields.email }} />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
        <SubmitButton>Send the link</SubmitButton>
      </Form>
      <p>
        Remembered it? <Link to="/login">Log in</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
