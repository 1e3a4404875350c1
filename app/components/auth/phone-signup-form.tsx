import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "../forms";
import { AgreementFields, BirthDateFields } from "./consent-fields";
import { phoneSignupSchema } from "~/modules/auth";

/** The first step of /signup/phone: what /signup asks a participant, with a mobile number in place of email and password. */
export function PhoneSignupForm({ lastResult, redirectTo, adultAge }: { lastResult: SubmissionResult<string[]> | null; redirectTo: string | null; adultAge: number }) {
  const [form, fields] = useForm({
    id: "phone-signup",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phoneSignupSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        fields={{
          name: fields.name,
          phone: fields.phone,
          birthDate: fields.birthDate,
          guardianEmail: fields.guardianEmail,
          privacyNotice: fields.privacyNotice,
          terms: fields.terms,
          optionalUses: fields.optionalUses,
        }}
      />
      <input type="hidden" name="intent" value="send-code" />
      <TextField meta={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
      <TextField
        meta={fields.phone}
        label="Mobile number"
        hint="For example, 0803 123 4567. We will text you a code to type in next. You sign in with a code like this each time."
        type="tel"
        autoComplete="tel"
        spellCheck={false}
      />
      <BirthDateFields birthDate={fields.birthDate} guardianEmail={fields.guardianEmail} adultAge={adultAge} />
      <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <SubmitButton>Text me a code</SubmitButton>
    </Form>
  );
}
