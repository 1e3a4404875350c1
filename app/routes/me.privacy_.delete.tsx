import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ConfirmItIsYou, replyToConfirmForm } from "~/components/auth/confirm-with-code";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { WhatErasureRemoves } from "~/components/privacy/erasure-explained";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { staticPage } from "~/utils/hydration";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { proofFrom, textConfirmCode } from "~/routes/helpers/confirm-code.server";
import { requireUser } from "~/routes/helpers/session.server";
import { confirmationOf, confirmsWithPhone } from "~/modules/auth/index.server";
import { orTextMeACode, SEND_CONFIRM_CODE, withTextedCode } from "~/modules/auth";
import { getOrganisation } from "~/modules/organisation/index.server";
import { cancelErasure, requestErasure, scheduledErasureOf } from "~/modules/privacy/index.server";
import { deleteAccountSchema } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Delete my account" }];

export const handle = staticPage;

export const headers = retryAfterHeaders;

/** For an account with no password: the code texted to its number where the password would be. */
const deleteByCodeSchema = withTextedCode("delete");

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const organisation = getOrganisation();
  const scheduled = scheduledErasureOf(user.id);
  return {
    eraseOn: scheduled ? formatDateTime(scheduled.eraseAt, organisation.timeZone) : null,
    coolingOffDays: organisation.erasureCoolingOffDays,
    financialRecordYears: organisation.financialRecordYears,
    confirmation: confirmationOf(user),
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
  if (intent === SEND_CONFIRM_CODE) return textConfirmCode(formData, user, context.clientIp);
  if (intent !== "delete") badRequest();
  const byCode = confirmsWithPhone(user);
  const submission = parseWithZod(formData, { schema: byCode ? deleteByCodeSchema : deleteAccountSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "code"] }), { status: 400 });
  const result = await requestErasure(user, proofFrom(submission.value), context.clientIp);
  if (!result.ok) return refusalReply(submission, result, ["password", "code"]);
  const eraseOn = formatDateTime(result.eraseAt, getOrganisation().timeZone);
  // An account made with a phone number may have no email address: the message reaches it another way.
  const told = byCode ? "We have sent you a message saying how to keep it." : "We have emailed you how to keep it.";
  return redirectWithFlash("/me/privacy/delete", `Your account will be deleted on ${eraseOn}. ${told}`);
}

export default function DeleteAccount() {
  const { eraseOn, coolingOffDays, financialRecordYears, confirmation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmation.by === "phone" ? orTextMeACode(deleteByCodeSchema) : deleteAccountSchema }),
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
            <ConfirmItIsYou
              form={form}
              confirmation={confirmation}
              password={fields.password}
              code={fields.code}
              reply={replyToConfirmForm(lastResult, "delete")}
              intent="delete"
              button="Delete my account"
              variant="warning"
            />
          </Form>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
