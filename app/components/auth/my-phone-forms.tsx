import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import {
  changePhoneByCodeSchema,
  changePhoneSchema,
  myPhoneSchema,
  orTextMeACode,
  removePhoneByCodeSchema,
  removePhoneSchema,
  SEND_CONFIRM_CODE,
  type Confirmation,
} from "~/modules/auth";
import { ConfirmWithTextedCode } from "./confirm-with-code";

// The forms of /me/phone that change how the account is reached: a new number, or none. Once the
// account has a verified number, each also asks "is it you?": the password, or for an account
// without one a code texted to the current number, in the same form, so what was typed stays.

type Reply = SubmissionResult<string[]> | undefined;

/** Names the form "Text me a code" was pressed in: both forms on the page have that button. */
const CONFIRMING = "confirming";

/** The last reply when it belongs to the form with this intent: to its own button, or to its "Text me a code". */
function replyFor(lastReply: Reply, intent: string): Reply {
  const sent = lastReply?.initialValue;
  if (sent?.intent === intent) return lastReply;
  return sent?.intent === SEND_CONFIRM_CODE && sent[CONFIRMING] === intent ? lastReply : undefined;
}

const passwordField = { label: "Your password", hint: "To confirm it is you.", type: "password", autoComplete: "current-password" } as const;

/** Every field the number form may have: which ones it shows depends on the account. */
type NumberFields = { intent: string; phone?: string; password?: string; code?: string };

/** Add a first number, or change the verified one (with proof). */
export function NumberForm({ current, confirmation, lastReply }: { current: string | null; confirmation: Confirmation; lastReply: Reply }) {
  const reply = replyFor(lastReply, "send-code");
  const proof = current ? confirmation.by : null;
  const [form, fields] = useForm<NumberFields>({
    id: "my-phone",
    lastResult: reply ?? null,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: proof === "phone" ? orTextMeACode(changePhoneByCodeSchema) : proof === "password" ? changePhoneSchema : myPhoneSchema }),
    shouldValidate: "onBlur",
  });
  const button = "Text a code to the new number";

  return (
    <>
      <h2 id="number-title">{current ? "Change your number" : "Add your number"}</h2>
      {current ? <p className="measure">We will text a code to the new number, and tell {current} once the change is made.</p> : null}
      <Form method="post" className="form" aria-labelledby="number-title" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ phone: fields.phone, password: fields.password, code: fields.code }} />
        <TextField
          meta={fields.phone}
          label={current ? "New mobile number" : "Mobile number"}
          hint="For example, 0803 123 4567. We will text it a code."
          type="tel"
          autoComplete="tel"
          spellCheck={false}
        />
        {proof === "phone" ? (
          <>
            <input type="hidden" name={CONFIRMING} value="send-code" />
            <ConfirmWithTextedCode phone={confirmation.by === "phone" ? confirmation.phone : null} reply={reply} code={fields.code} intent="send-code" button={button} />
          </>
        ) : (
          <>
            <input type="hidden" name="intent" value="send-code" />
            {proof === "password" ? <TextField meta={fields.password} {...passwordField} /> : null}
            <SubmitButton>{proof ? button : "Text me a code"}</SubmitButton>
          </>
        )}
      </Form>
    </>
  );
}

/** Take the number off (with proof); only for an account with an email address to fall back on. */
export function RemoveNumberForm({ confirmation, lastReply }: { confirmation: Confirmation; lastReply: Reply }) {
  const reply = replyFor(lastReply, "remove-phone");
  const [form, fields] = useForm({
    id: "remove-phone",
    lastResult: reply ?? null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmation.by === "phone" ? orTextMeACode(removePhoneByCodeSchema) : removePhoneSchema }),
    shouldValidate: "onBlur",
  });

  return (
    <Form method="post" className="form" aria-labelledby="remove-title" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ password: fields.password, code: fields.code }} />
      {confirmation.by === "phone" ? (
        <>
          <p className="measure">
            We will stop texting you. You have no password yet: <Link to="/forgot-password">set one through the reset link</Link> first, as
            you will then log in with your email address and password.
          </p>
          <input type="hidden" name={CONFIRMING} value="remove-phone" />
          <ConfirmWithTextedCode phone={confirmation.phone} reply={reply} code={fields.code} intent="remove-phone" button="Remove my number" variant="warning" />
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="remove-phone" />
          <p className="measure">We will stop texting you, and you will log in with your email address and password.</p>
          <TextField meta={fields.password} {...passwordField} />
          <SubmitButton variant="warning">Remove my number</SubmitButton>
        </>
      )}
    </Form>
  );
}
