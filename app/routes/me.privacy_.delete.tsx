import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { WhatErasureRemoves } from "~/components/privacy/erasure-explained";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { requireUser } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { cancelErasure, requestErasure, scheduledErasureOf } from "~/modules/privacy/index.server";
import { deleteAccountSchema } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Delete my account" }];

export const handle = staticPage;

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const organisation = getOrganisation();
  const scheduled = scheduledErasureOf(user.id);
  return {
    eraseOn: scheduled ? formatDateTime(scheduled.eraseAt, organisation.timeZone) : null,
    coolingOffDays: organisation.erasureCoolingOffDays,
    financialRecordYears: organisation.financialRecordYears,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "cancel") {
    const cancelled = cancelErasure(user.id);
    return redirectWithFlash("/me/privacy/delete", cancelled ? "Your account will not be deleted." : { kind: "info", message: "Your account was not going to be deleted." });
  }
  if (intent !== "delete") badRequest();
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await requestErasure(user, submission.value.password, context.clientIp);
  if (!result.ok) return refusalReply(submission, result, ["password"]);
  const eraseOn = formatDateTime(result.eraseAt, getOrganisation().timeZone);
  return redirectWithFlash("/me/privacy/delete", `Your account will be deleted on ${eraseOn}. We have emailed you how to keep it.`);
}

export default function DeleteAccount() {
  const { eraseOn, coolingOffDays, financialRecordYears } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me">My page</Link>
      </p>
      <PageHeader title="Delete my account" lead="Your personal data is erased everywhere. What the organisation must keep stays, without your name." />
      {eraseOn ? (
        <section aria-labelledby="scheduled-title">
          <h2 id="scheduled-title">Your account will be deleted on {eraseOn}</h2>
          <p className="notice" role="status">
            Until then you can change your mind: press the button below, or simply log in again before that date.
          </p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton>Keep my account</SubmitButton>
          </Form>
        </section>
      ) : null}
      <WhatErasureRemoves coolingOffDays={coolingOffDays} financialRecordYears={financialRecordYears} />
      {eraseOn ? null : (
        <section aria-labelledby="confirm-title">
          <h2 id="confirm-title">Delete my account</h2>
          <Form method="post" className="form" {...getFormProps(form)}>
            <ErrorSummary form={form} fields={{ password: fields.password }} />
            <input type="hidden" name="intent" value="delete" />
            <TextField meta={fields.password} label="Your password" hint="To confirm it is you." type="password" autoComplete="current-password" />
            <SubmitButton variant="warning">Delete my account</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
