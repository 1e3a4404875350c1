import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { isCodeStep, PhoneCodeStep, type CodeStep } from "~/components/auth/phone-code-step";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, refusalReply, retryAfterHeaders } from "~/routes/helpers/replies.server";
import { codeStep, codeStepRefused, parseCodeStep, parseResend } from "~/routes/helpers/phone-steps.server";
import { requireUser } from "~/routes/helpers/session.server";
import { confirmPhone, myPhoneServerSchema, removeOwnPhone, sendPhoneVerification, setOwnWhatsApp, signInMethodsOf } from "~/modules/auth/index.server";
import { myPhoneSchema, removePhoneSchema, whatsAppSchema } from "~/modules/auth";

// The person's own mobile number: add or change it (proved by a code), take it off, and say yes or
// no to WhatsApp. Every step is a plain form, so it works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Your mobile number" }];

export const headers = retryAfterHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const methods = signInMethodsOf(requireUser(request));
  return { phone: methods.phone?.display ?? null, whatsapp: methods.whatsapp, hasEmail: methods.email !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "send-code") {
    const submission = parseWithZod(formData, { schema: myPhoneServerSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await sendPhoneVerification(user, submission.value.phone, context.clientIp);
    if (!result.ok) return refusalReply(submission, result);
    return codeStep(result.phone);
  }

  if (intent === "resend-code") {
    const { value, submission } = parseResend(formData);
    const result = await sendPhoneVerification(user, value.phone, context.clientIp);
    if (!result.ok) return codeStepRefused(value.phone, submission, result);
    return codeStep(value.phone, { resent: true });
  }

  if (intent === "check-code") {
    const parsed = parseCodeStep(formData);
    if (!parsed.ok) return parsed.reply;
    const result = confirmPhone(user, parsed.value);
    if (!result.ok) return codeStepRefused(parsed.value.phone, parsed.submission, { ...result, field: result.field === "code" ? "code" : undefined });
    return redirectWithFlash("/me/phone", result.replaced ? "Your new mobile number is confirmed." : "Your mobile number is confirmed.");
  }

  if (intent === "remove-phone") {
    const submission = parseWithZod(formData, { schema: removePhoneSchema });
    if (submission.status !== "success") badRequest();
    const result = removeOwnPhone(user);
    if (!result.ok) return refusalReply(submission, result);
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
  const { phone, whatsapp, hasEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [numberForm, numberFields] = useForm({
    id: "my-phone",
    lastResult: resultFor(actionData, "send-code"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: myPhoneSchema }),
    shouldValidate: "onBlur",
  });
  const [whatsAppForm, whatsAppFields] = useForm({
    id: "whatsapp",
    lastResult: resultFor(actionData, "whatsapp"),
    defaultValue: { whatsapp: whatsapp ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: whatsAppSchema }),
  });
  const removeResult = resultFor(actionData, "remove-phone");

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

      <h2 id="number-title">{phone ? "Change your number" : "Add your number"}</h2>
      <Form method="post" className="form" aria-labelledby="number-title" {...getFormProps(numberForm)}>
        <ErrorSummary form={numberForm} fields={{ phone: numberFields.phone }} />
        <input type="hidden" name="intent" value="send-code" />
        <TextField meta={numberFields.phone} label="Mobile number" hint="For example, 0803 123 4567. We will text it a code." type="tel" autoComplete="tel" spellCheck={false} />
        <SubmitButton>Text me a code</SubmitButton>
      </Form>

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
            <Form method="post" className="form" aria-labelledby="remove-title">
              {removeResult?.error?.[""] ? (
                <div className="error-summary" role="alert">
                  <p>{removeResult.error[""][0]}</p>
                </div>
              ) : null}
              <input type="hidden" name="intent" value="remove-phone" />
              <p className="measure">We will stop texting you, and you will log in with your email address and password.</p>
              <SubmitButton variant="warning">Remove my number</SubmitButton>
            </Form>
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
