import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { markReceivedSchema } from "~/modules/sponsorship";

/**
 * "Mark received" on a pending transfer's own page: what arrived and when, since a donor may send
 * less or more than they pledged, and a transfer is often seen days after it came.
 */
export function MarkReceivedDetailsForm({
  donationId,
  reference,
  currency,
  pledged,
  lastResult,
}: {
  donationId: string;
  reference: string | null;
  currency: string;
  /** The pledged amount as an input shows it ("5000"). */
  pledged: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "mark-received",
    lastResult,
    defaultValue: { receivedAmount: pledged },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: markReceivedSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ receivedAmount: fields.receivedAmount, receivedOn: fields.receivedOn }} />
      <input type="hidden" name="intent" value="mark-received" />
      <input type="hidden" name="donationId" value={donationId} />
      <TextField
        meta={fields.receivedAmount}
        label={`Amount that arrived, in ${currency}`}
        hint="If the donor sent less or more than they pledged, enter what reached the account: the receipt is for that."
        inputMode="decimal"
        className="input input--short"
      />
      <TextField meta={fields.receivedOn} type="date" label="Day it arrived (optional)" hint="Leave empty if it arrived today." className="input input--short" />
      <SubmitButton>
        Mark received<span className="visually-hidden"> for transfer {reference}</span>
      </SubmitButton>
    </Form>
  );
}
