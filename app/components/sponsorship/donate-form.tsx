import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { RadioGroup } from "~/components/choice-fields";
import { CoverFeeField } from "~/components/sponsorship/cover-fee-field";
import { INTERVAL_LABELS, CUSTOM_GIFT, donateSchema, RECOGNITION_CHOICES, RECOGNITION_OPTIONS, type DonateBounds, type GivingChoices } from "~/modules/sponsorship";

type TierChoice = { id: string; name: string; amount: string; interval: "one_off" | "monthly"; description: string };

type Props = {
  bounds: DonateBounds & { min: string; max: string };
  tiers: TierChoice[];
  prefill: { name: string; email: string };
  giving: GivingChoices;
  /** Covering the card fee, worked out on the server; absent when organisers do not offer it. */
  coverFee?: { organisationName: string; providerLabel: string; rule: string; example: { gift: string; fee: string } | null; tiers: Record<string, { gift: string; fee: string; total: string }> } | null;
  lastResult: SubmissionResult<string[]> | null | undefined;
};

/** The gift form: a plain HTML form that works without JavaScript (the page ships none). */
export function DonateForm({ bounds, tiers, prefill, giving, coverFee, lastResult }: Props) {
  const card = giving.card;
  const [form, fields] = useForm({
    id: "donate",
    lastResult,
    defaultValue: { name: prefill.name, email: prefill.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: donateSchema(bounds) }),
    shouldValidate: "onBlur",
  });
  const giftOptions = [
    ...tiers.map((tier) => ({
      value: tier.id,
      label: (
        <>
          <strong>{tier.amount}</strong> {tier.interval === "monthly" ? "a month" : "once"}: {tier.name}
        </>
      ),
      hint: tier.interval === "monthly" && !giving.monthly ? "Monthly gifts are not available at the moment." : tier.description || undefined,
      disabled: tier.interval === "monthly" && !giving.monthly,
    })),
    { value: CUSTOM_GIFT, label: "Another amount", hint: `Enter it below: between ${bounds.min} and ${bounds.max}.` },
  ];
  return (
    <Form method="post" className="form donate-form" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        fields={{
          gift: fields.gift,
          customAmount: fields.customAmount,
          interval: fields.interval,
          name: fields.name,
          email: fields.email,
          recognition: fields.recognition,
          message: fields.message,
          method: fields.method,
          coverFee: fields.coverFee,
        }}
      />
      <RadioGroup meta={fields.gift} legend="Your gift" options={giftOptions} defaultValue={tiers.length ? undefined : CUSTOM_GIFT} />
      <TextField
        meta={fields.customAmount}
        label={`Another amount (${bounds.currency})`}
        hint={`Only if you chose “Another amount”. At least ${bounds.min}, at most ${bounds.max}.`}
        inputMode="decimal"
        autoComplete="off"
        className="input input--short"
      />
      <RadioGroup
        meta={fields.interval}
        legend="How often, for another amount"
        hint="Tiers above say how often they are given. Monthly gifts are by card."
        defaultValue="one_off"
        options={[
          { value: "one_off", label: INTERVAL_LABELS.one_off },
          { value: "monthly", label: `${INTERVAL_LABELS.monthly}, until you cancel`, disabled: !giving.monthly },
        ]}
      />
      <TextField meta={fields.name} label="Your name" hint="For your receipt." autoComplete="name" spellCheck={false} />
      <TextField meta={fields.email} label="Email address" hint="Your receipt goes here." type="email" autoComplete="email" spellCheck={false} />
      <RadioGroup
        meta={fields.recognition}
        legend="How may we thank you on the sponsor wall?"
        defaultValue="named"
        options={RECOGNITION_OPTIONS.map((value) => ({ value, label: RECOGNITION_CHOICES[value].label, hint: RECOGNITION_CHOICES[value].hint }))}
      />
      <TextAreaField meta={fields.message} label="A message (optional)" hint="Up to 500 characters, shown on the wall unless you chose not to be listed." rows={3} />
      <RadioGroup
        meta={fields.method}
        legend="How will you pay?"
        defaultValue={card || !giving.bankTransfer ? "card" : "bank_transfer"}
        options={[
          {
            value: "card",
            label: card ? "Card" : "Card (not available at the moment)",
            hint: card ? `You pay on ${card.label}'s secure page, then come back here.` : "Card giving is not set up right now. Please use a bank transfer.",
            disabled: !card,
          },
          {
            value: "bank_transfer",
            label: giving.bankTransfer ? "Bank transfer (one-off gifts)" : "Bank transfer (not available at the moment)",
            hint: giving.bankTransfer ? "We show our bank details and a reference for you to quote; we email them to you too." : "We are not taking bank transfers right now.",
            disabled: !giving.bankTransfer,
          },
        ]}
      />
      {card && coverFee ? (
        <CoverFeeField
          meta={fields.coverFee}
          offer={{
            ...coverFee,
            tiers: tiers.flatMap((tier) => (coverFee.tiers[tier.id] ? [{ name: tier.name, ...coverFee.tiers[tier.id] }] : [])),
          }}
        />
      ) : null}
      <SubmitButton>Continue</SubmitButton>
    </Form>
  );
}
