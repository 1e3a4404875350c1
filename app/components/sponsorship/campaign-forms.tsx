import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { SUPPORTED_CURRENCIES } from "~/utils/money";
import { addTierSchema, CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_OPTIONS, campaignDetailsSchema, editTierSchema, INTERVAL_LABELS, INTERVAL_OPTIONS } from "~/modules/sponsorship";

type Result = SubmissionResult<string[]> | null | undefined;

type CampaignFormValues = {
  title: string;
  slug: string;
  summary: string;
  story: string;
  currency: string;
  goal: string;
  minAmount: string;
  maxAmount: string;
  startsAt: string;
  endsAt: string;
  status: string;
};

type TierFormValues = { id: string; name: string; amount: string; interval: string; description: string; benefitDescription: string; benefitValue: string };

const STATUS_OPTIONS = CAMPAIGN_STATUS_OPTIONS.map((value) => ({ value, label: CAMPAIGN_STATUS_LABELS[value] }));
const INTERVAL_CHOICES = INTERVAL_OPTIONS.map((value) => ({ value, label: INTERVAL_LABELS[value] }));

export function CampaignDetailsForm({ values, timeZone, lastResult }: { values: CampaignFormValues; timeZone: string; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "campaign-details",
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignDetailsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary
        form={form}
        fields={{
          title: fields.title,
          slug: fields.slug,
          summary: fields.summary,
          story: fields.story,
          currency: fields.currency,
          goal: fields.goal,
          minAmount: fields.minAmount,
          maxAmount: fields.maxAmount,
          startsAt: fields.startsAt,
          endsAt: fields.endsAt,
          status: fields.status,
        }}
      />
      <input type="hidden" name="intent" value="details" />
      <TextField meta={fields.title} label="Title" />
      <TextField meta={fields.slug} label="Web address" hint="The end of /donate/…: lower-case letters, numbers and hyphens." spellCheck={false} />
      <TextField meta={fields.summary} label="Summary (optional)" hint="One sentence for the list of campaigns." />
      <TextAreaField meta={fields.story} label="Story (optional)" hint="Markdown: **bold**, *italic*, lists, links. Raw HTML is not shown." rows={10} />
      <SelectField meta={fields.currency} label="Currency" hint="Fixed once the campaign has gifts." options={SUPPORTED_CURRENCIES} />
      <TextField meta={fields.goal} label="Goal" hint="In the currency's main unit, like 500000 or 500,000.50." inputMode="decimal" className="input input--short" />
      <TextField meta={fields.minAmount} label="Smallest gift" hint="For an amount the donor types." inputMode="decimal" className="input input--short" />
      <TextField meta={fields.maxAmount} label="Largest gift" inputMode="decimal" className="input input--short" />
      <TextField meta={fields.startsAt} label="Opens (optional)" hint={`Local time (${timeZone}). Leave empty to take gifts as soon as it is open.`} type="datetime-local" />
      <TextField meta={fields.endsAt} label="Closes (optional)" hint={`Local time (${timeZone}).`} type="datetime-local" />
      <SelectField meta={fields.status} label="Status" hint="Only open campaigns take gifts; drafts are hidden from the public." options={STATUS_OPTIONS} />
      <SubmitButton>Save the campaign</SubmitButton>
    </Form>
  );
}

function TierFields({ fields }: { fields: ReturnType<typeof useTierForm>[1] }) {
  return (
    <>
      <TextField meta={fields.name} label="Name" hint="For example: A workshop seat." />
      <TextField meta={fields.amount} label="Amount" hint="In the campaign's currency, main unit." inputMode="decimal" className="input input--short" />
      <SelectField meta={fields.interval} label="How often" options={INTERVAL_CHOICES} />
      <TextField meta={fields.description} label="What it pays for (optional)" />
      <TextField
        meta={fields.benefitDescription}
        label="What the donor gets back (optional)"
        hint="Only if the gift brings something in return, like a seat at the dinner or a T-shirt. Receipts say so."
      />
      <TextField
        meta={fields.benefitValue}
        label="Its fair value (optional)"
        hint="What it would cost to buy, in the campaign's currency. Receipts show it, so donors claim only the rest as a gift."
        inputMode="decimal"
        className="input input--short"
      />
    </>
  );
}

function tierSummaryFields(fields: ReturnType<typeof useTierForm>[1]) {
  return {
    name: fields.name,
    amount: fields.amount,
    interval: fields.interval,
    description: fields.description,
    benefitDescription: fields.benefitDescription,
    benefitValue: fields.benefitValue,
  };
}

function useTierForm(id: string, currency: string, lastResult: Result, defaultValue: Partial<TierFormValues>, editing: boolean) {
  return useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editing ? editTierSchema(currency) : addTierSchema(currency) }),
    shouldValidate: "onBlur",
  });
}

export function AddTierForm({ currency, lastResult }: { currency: string; lastResult: Result }) {
  const [form, fields] = useTierForm("add-tier", currency, lastResult, { interval: "one_off" }, false);
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={tierSummaryFields(fields)} />
      <input type="hidden" name="intent" value="add-tier" />
      <TierFields fields={fields} />
      <SubmitButton variant="secondary">Add the tier</SubmitButton>
    </Form>
  );
}

export function EditTierForm({ tier, currency, lastResult, first, last }: { tier: TierFormValues; currency: string; lastResult: Result; first: boolean; last: boolean }) {
  const [form, fields] = useTierForm(`tier-${tier.id}`, currency, lastResult, tier, true);
  return (
    <li className="card tier-editor">
      <h3>{tier.name}</h3>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={tierSummaryFields(fields)} />
        <input type="hidden" name="intent" value="edit-tier" />
        <input type="hidden" name="tierId" value={tier.id} />
        <TierFields fields={fields} />
        <SubmitButton variant="secondary">Save the tier</SubmitButton>
      </Form>
      <div className="button-row">
        {first ? null : <TierButton tierId={tier.id} intent="move-tier" direction="up" text="Move up" tierName={tier.name} />}
        {last ? null : <TierButton tierId={tier.id} intent="move-tier" direction="down" text="Move down" tierName={tier.name} />}
        <TierButton tierId={tier.id} intent="remove-tier" text="Remove" tierName={tier.name} warning />
      </div>
    </li>
  );
}

// The visible words come first in the accessible name, so speech users can say what they see.
function TierButton({ tierId, intent, direction, text, tierName, warning }: { tierId: string; intent: string; direction?: string; text: string; tierName: string; warning?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="tierId" value={tierId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className={`button ${warning ? "button--warning" : "button--secondary"}`}>
        {text}
        <span className="visually-hidden"> {tierName}</span>
      </button>
    </Form>
  );
}
