import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { followUpMonthsSchema } from "~/modules/journey";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";

/** The "Follow-ups" section of /admin/settings: after how many months people are asked "where are you now?". */
export function FollowUpScheduleForm({ months, lastResult }: { months: string; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const [form, fields] = useForm({
    id: "follow-up-months",
    lastResult,
    defaultValue: { followUpMonths: months },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followUpMonthsSchema }),
    shouldValidate: "onBlur",
    // Errors clear as they are fixed, so the page does not jump under the next click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="follow-up-months-title">
      <h2 id="follow-up-months-title">Follow-ups</h2>
      <ErrorSummary form={form} fields={{ followUpMonths: fields.followUpMonths }} />
      <input type="hidden" name="intent" value="follow-up-months" />
      <TextField
        meta={fields.followUpMonths}
        label="Ask “where are you now?” this many months after a cohort or a mentorship ends"
        hint="Whole months separated by commas, like 3, 6, 12. Each question is one message, with one reminder two weeks later if unanswered."
        inputMode="numeric"
        autoComplete="off"
      />
      <SubmitButton variant="secondary">Save the follow-up schedule</SubmitButton>
    </Form>
  );
}
