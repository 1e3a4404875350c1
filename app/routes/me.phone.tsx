import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { NumberForm, RemoveNumberForm } from "~/components/auth/my-phone-forms";
import { isCodeStep, PhoneCodeStep, type CodeStep } from "~/components/auth/phone-code-step";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { proofFrom, textConfirmCode } from "~/routes/helpers/confirm-code.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { codeStep, codeStepRefused, parseCodeStep, parseResend } from "~/routes/helpers/phone-steps.server";
import { requireUser } from "~/routes/helpers/session.server";
import {
  changePhoneByCodeServerSchema,
  changePhoneServerSchema,
  confirmationOf,
  confirmPhone,
  confirmsWithPhone,
  myPhoneServerSchema,
  removeOwnPhone,
  resendPhoneVerification,
  sendPhoneVerification,
  setOwnWhatsApp,
  signInMethodsOf,
  type IdentityProof,
  type SessionUser,
} from "~/modules/auth/index.server";
import { removePhoneByCodeSchema, removePhoneSchema, SEND_CONFIRM_CODE, whatsAppSchema } from "~/modules/auth";

// The person's own mobile number: add or change it (proved by a code), take it off, and say yes or
// no to WhatsApp. Changing or taking off a verified number also asks for the password (or a code
// to that number). Every step is a plain form, so it works without JavaScript.

/** Never sent back into the form. */
const PROOF_FIELDS = ["password", "code"];

/** A first number needs only the code sent to it; a new one in its place, the owner's proof too. */
function parseNumberForm(formData: FormData, user: SessionUser) {
  if (!signInMethodsOf(user).phone) return parseWithZod(formData, { schema: myPhoneServerSchema });
  return parseWithZod(formData, { schema: confirmsWithPhone(user) ? changePhoneByCodeServerSchema : changePhoneServerSchema });
}

function proofIn(value: { phone: string; password?: string; code?: string }): IdentityProof | null {
  if (value.code !== undefined) return { code: value.code };
  return value.password !== undefined ? { password: value.password } : null;
}

export const meta: MetaFunction = () => [{ title: "Your mobile number" }];

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const methods = signInMethodsOf(user);
  return { phone: methods.phone?.display ?? null, whatsapp: methods.whatsapp, hasEmail: methods.email !== null, confirmation: confirmationOf(user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === SEND_CONFIRM_CODE) return textConfirmCode(formData, user, context.clientIp);

  if (intent === "send-code") {
    const submission = parseNumberForm(formData, user);
    if (submission.status !== "success") return data(submission.reply({ hideFields: PROOF_FIELDS }), { status: 400 });
    const { value } = submission;
    const result = await sendPhoneVerification(user, value.phone, context.clientIp, proofIn(value));
    if (!result.ok) return refusalReply(submission, result, PROOF_FIELDS);
    return codeStep(result.phone);
  }

  if (intent === "resend-code") {
    const { value, submission } = parseResend(formData);
    const result = await resendPhoneVerification(user, value.phone, context.clientIp);
    if (!result.ok) return codeStepRefused(value.phone, submission, { ...result, field: undefined });
    return codeStep(value.phone, { resent: true });
  }

  if (intent === "check-code") {
    const parsed = parseCodeStep(formData);
    if (!parsed.ok) return parsed.reply;
    const result = confirmPhone(user, parsed.value);
    if (!result.ok) return codeStepRefused(parsed.value.phone, parsed.submission, { ...result, field: result.field === "code" ? "code" : undefined });
    return redirectWithFlash(
      "/me/phone",
      result.replaced ? "Your new mobile number is confirmed. We will text your old number to say so." : "Your mobile number is confirmed.",
    );
  }

  if (intent === "remove-phone") {
    const submission = parseWithZod(formData, { schema: confirmsWithPhone(user) ? removePhoneByCodeSchema : removePhoneSchema });
    if (submission.status !== "success") return data(submission.reply({ hideFields: PROOF_FIELDS }), { status: 400 });
    const result = await removeOwnPhone(user, proofFrom(submission.value), context.clientIp);
    if (!result.ok) return refusalReply(submission, result, PROOF_FIELDS);
    return redirectWithFlash("/me/phone", "Your mobile number has been removed. We will not text you or message you on WhatsApp.");
  }

  if (intent === "whatsapp") {
    const submission = parseWithZod(formData, { schema: whatsAppSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const on = submission.value.whatsapp;
    const result = setOwnWhatsApp(user, on);
    if (!result.ok) return refusalReply(submission, result);
    if (!result.changed) return redirectWithFlash("/me/phone", { kind: "info", message: "Nothing changed." });
    return redirectWithFlash("/me/phone", on ? "We may now message you on WhatsApp." : "We will not message you on WhatsApp any more.");
  }

  badRequest();
}

type ActionData = SubmissionResult<string[]> | CodeStep | undefined;

function resultFor(actionData: ActionData, intent: string) {
  return actionData && !isCodeStep(actionData) && actionData.initialValue?.intent === intent ? actionData : null;
}

export default function MyPhone() {
  const { phone, whatsapp, hasEmail, confirmation } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const lastReply = isCodeStep(actionData) ? undefined : actionData;
  const [whatsAppForm, whatsAppFields] = useForm({
    id: "whatsapp",
    lastResult: resultFor(actionData, "whatsapp"),
    defaultValue: { whatsapp: whatsapp ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: whatsAppSchema }),
  });

  const header = (
    <PageHeader title="Your mobile number">
      <p>
        <Link to="/me/account">Back to account settings</Link>
      </p>
    </PageHeader>
  );

  if (isCodeStep(actionData)) {
    return (
      <>
        {header}
        <PhoneCodeStep
          step={actionData}
          sentText={
            <>
              We have sent a 6-digit code by text message to <strong>{actionData.display}</strong>. Type it below to confirm the number is yours.
            </>
          }
          button="Confirm number"
          backTo="/me/phone"
        />
      </>
    );
  }

  return (
    <>
      {header}
      <p className="measure">
        {phone ? (
          <>
            Your mobile number is <strong>{phone}</strong>. You can log in with it, and we can text you reminders.
          </>
        ) : (
          "You have no mobile number on your account. Add one to get reminders by text message and to log in with a code instead of a password."
        )}
      </p>

      <NumberForm current={phone} confirmation={confirmation} lastReply={lastReply} />

      {phone ? (
        <>
          <h2 id="whatsapp-title">WhatsApp</h2>
          <Form method="post" className="form" aria-labelledby="whatsapp-title" {...getFormProps(whatsAppForm)}>
            <ErrorSummary form={whatsAppForm} fields={{ whatsapp: whatsAppFields.whatsapp }} />
            <input type="hidden" name="intent" value="whatsapp" />
            <CheckboxField
              meta={whatsAppFields.whatsapp}
              label="Message me on WhatsApp"
              hint="Reminders and updates on WhatsApp as well as by text or email, as you choose on your email choices page. Untick the box to stop at any time."
            />
            <SubmitButton variant="secondary">Save WhatsApp choice</SubmitButton>
          </Form>

          <h2 id="remove-title">Remove your number</h2>
          {hasEmail ? (
            <RemoveNumberForm confirmation={confirmation} lastReply={lastReply} />
          ) : (
            <p className="measure">
              Your mobile number is how you log in, so it cannot be removed. <Link to="/me/account#email-title">Add an email address</Link> first, or
              change the number above.
            </p>
          )}
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
