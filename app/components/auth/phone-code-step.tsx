import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { TextedCodeField } from "./confirm-with-code";
import { phoneCodeSchema } from "~/modules/auth";

/** What a phone form's action answers once a code is on its way (or the code typed was refused). */
export type CodeStep = {
  step: "code";
  /** E.164, carried to the second step in hidden fields. */
  phone: string;
  /** As people write it: "0803 123 4567". */
  display: string;
  /** The reply to the code typed, or to "Send a new code", with the reason. */
  codeResult?: SubmissionResult<string[]>;
  /** Set after "Send a new code" worked. */
  resent?: boolean;
};

export function isCodeStep(value: unknown): value is CodeStep {
  return typeof value === "object" && value !== null && (value as { step?: unknown }).step === "code";
}

/**
 * The second step of phone sign-up, sign-in and /me/phone: the six digits, then "Send a new code"
 * and a way back to change the number. Plain forms, so it works without JavaScript.
 */
export function PhoneCodeStep({ step, sentText, button, redirectTo, backTo }: { step: CodeStep; sentText: ReactNode; button: string; redirectTo?: string | null; backTo: string }) {
  const [form, fields] = useForm({
    id: "phone-code",
    lastResult: step.codeResult ?? null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phoneCodeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <div className="notice measure" role="status">
        <p>{sentText}</p>
        {step.resent ? <p>We have sent a new code. Only the newest code works.</p> : null}
      </div>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ code: fields.code }} />
        <input type="hidden" name="intent" value="check-code" />
        <input type="hidden" name="phone" value={step.phone} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextedCodeField meta={fields.code} />
        <SubmitButton>{button}</SubmitButton>
      </Form>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value="resend-code" />
        <input type="hidden" name="phone" value={step.phone} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <SubmitButton variant="secondary">Send a new code</SubmitButton>
      </Form>
      <p>
        <Link to={backTo}>Use a different number</Link>
      </p>
    </>
  );
}
