import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { secondFactorCodeSchema } from "~/modules/auth";

/** One field for either a six-digit code or a recovery code: the log-in's second step and step-up. */
export function SecondFactorCodeForm({ lastResult, redirectTo, button }: { lastResult: SubmissionResult<string[]> | undefined; redirectTo: string; button: string }) {
  const [form, fields] = useForm({
    id: "second-factor-code",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondFactorCodeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ code: fields.code }} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <TextField
        meta={fields.code}
        label="Code"
        hint="The six digits your authenticator app shows now. Without your phone, type one of your recovery codes instead."
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
      />
      <SubmitButton>{button}</SubmitButton>
    </Form>
  );
}
