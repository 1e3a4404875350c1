import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField } from "~/components/forms";
import { linkFundSchema } from "~/modules/journey";

type Result = SubmissionResult<string[]> | null | undefined;

export type FundRow = { id: string; kind: "event" | "cohort"; title: string; when: string; note: string };

/** What a campaign paid for: the linked events and cohorts with the organisation's notes, and the form to add one. */
export function CampaignFunds({ funds, choices, lastResult }: { funds: FundRow[]; choices: { value: string; label: string }[]; lastResult: Result }) {
  return (
    <>
      {funds.length ? (
        <ul className="plain-list fund-list">
          {funds.map((fund) => (
            <li key={fund.id} className="card">
              <p>
                <strong>{fund.title}</strong> <span className="muted">({fund.kind === "event" ? "event" : "cohort"}, {fund.when})</span>
              </p>
              <p>{fund.note}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="unlink-fund" />
                <input type="hidden" name="fundId" value={fund.id} />
                <button type="submit" className="button button--secondary">
                  Unlink<span className="visually-hidden"> {fund.title}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing linked yet: its impact report cannot say whom it reached.</p>
      )}
      <h3>Link an event or a cohort</h3>
      <LinkFundForm choices={choices} lastResult={lastResult} />
    </>
  );
}

function LinkFundForm({ choices, lastResult }: { choices: { value: string; label: string }[]; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "link-fund",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkFundSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={{ target: fields.target, note: fields.note }} />
      <input type="hidden" name="intent" value="link-fund" />
      <SelectField meta={fields.target} label="Event or cohort" hint="What the gifts to this campaign paid for." options={[{ value: "", label: "Choose one" }, ...choices]} />
      <TextAreaField meta={fields.note} label="What it paid for" hint="In your own words, as sponsors will read it: for example, the venue and lunch." rows={2} />
      <SubmitButton variant="secondary">Link it</SubmitButton>
    </Form>
  );
}
