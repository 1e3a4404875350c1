import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { cardFeesSchema, EDITABLE_FEE_RATES, feeFieldNames, feeRateTitle } from "~/modules/sponsorship";

/** The "Card fees" section of /admin/settings: whether donors may cover the fee, and each provider's price. */
export function CardFeesForm({ values, lastResult }: { values: Record<string, string | boolean>; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const [form, fields] = useForm({
    id: "card-fees",
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cardFeesSchema }),
    shouldValidate: "onBlur",
  });
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  const summary = Object.fromEntries(
    ["coverFeesOffered", ...EDITABLE_FEE_RATES.flatMap((key) => Object.values(feeFieldNames(key)))].map((name) => [name, all[name]]),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="card-fees-title">
      <h2 id="card-fees-title">Card fees</h2>
      <ErrorSummary form={form} fields={summary} />
      <input type="hidden" name="intent" value="card-fees" />
      <CheckboxField
        meta={all.coverFeesOffered}
        label="Offer donors to cover the card fee"
        hint="Donors paying by card may add the fee, so the whole gift reaches you. The donate page shows what they would add before they pay."
      />
      <p className="muted">
        The prices below are the providers&rsquo; published ones for cards from the currency&rsquo;s own country. Change them if your account
        is priced differently. Amounts are in the currency&rsquo;s main unit.
      </p>
      {EDITABLE_FEE_RATES.map((key) => {
        const names = feeFieldNames(key);
        return (
          <fieldset key={key} className="field">
            <legend className="field__label">{feeRateTitle(key)}</legend>
            <TextField meta={all[names.percent]} label="Percentage" hint="Like 1.5 for 1.5%." inputMode="decimal" className="input input--short" />
            <TextField meta={all[names.fixed]} label="Fixed part" hint="Taken from each payment; 0 for none." inputMode="decimal" className="input input--short" />
            <TextField meta={all[names.fixedAbove]} label="Fixed part only from" hint="Payments under this amount pay no fixed part; 0 for all payments." inputMode="decimal" className="input input--short" />
            <TextField meta={all[names.cap]} label="Most taken from one payment (optional)" hint="Leave empty for no cap." inputMode="decimal" className="input input--short" />
          </fieldset>
        );
      })}
      <SubmitButton variant="secondary">Save card fees</SubmitButton>
    </Form>
  );
}
