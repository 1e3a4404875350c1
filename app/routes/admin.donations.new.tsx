import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RadioGroup } from "~/components/choice-fields";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { GIFT_IN_PERSON_CHOICES, GIFT_IN_PERSON_KINDS, giftInPersonSchema, RECOGNITION_LABELS, RECOGNITION_OPTIONS } from "~/modules/sponsorship";
import { giftInPersonForm, recordGiftInPerson } from "~/modules/sponsorship/index.server";

export const meta: MetaFunction = () => [{ title: "Record a gift received in person · Organisers' console" }];

// Money taken by hand is a sensitive action like a refund: a fresh second factor before the form.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "organiser");
  requireRecentSecondFactor(request, user);
  return giftInPersonForm();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "organiser");
  requireRecentSecondFactor(request, user);
  const submission = parseWithZod(await request.formData(), { schema: giftInPersonSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordGiftInPerson({ ...submission.value, actorId: user.id });
  if (!result.ok) return refusalReply(submission, result);
  const back = `/admin/donations/${result.id}`;
  if (result.already) return redirectWithFlash(back, { kind: "info", message: `That gift was already recorded, with receipt ${result.receiptNumber}. Nothing new was added.` });
  const sent = submission.value.email ? " The receipt is on its way to the donor by email." : " Open the receipt to print it or download it for the donor.";
  return redirectWithFlash(back, `Gift recorded with receipt ${result.receiptNumber}.${sent}`);
}

export default function NewGiftInPerson() {
  const { campaigns, today, formKey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { formKey, receivedOn: today, kind: "cash", recognition: "unlisted" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: giftInPersonSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const summaryFields = {
    campaignId: fields.campaignId,
    kind: fields.kind,
    amount: fields.amount,
    description: fields.description,
    receivedOn: fields.receivedOn,
    name: fields.name,
    email: fields.email,
    recognition: fields.recognition,
    message: fields.message,
    formKey: fields.formKey,
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/donations">Donations</Link>
      </p>
      <PageHeader
        title="Record a gift received in person"
        lead="Cash handed over, or a gift in kind such as laptops, a venue or printing. It counts towards the campaign and gets a numbered receipt."
      />
      {campaigns.length === 0 ? (
        <p className="notice">
          There is no campaign to record a gift against yet. <Link to="/admin/campaigns">Open a campaign</Link> first.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="form">
          <ErrorSummary form={form} fields={summaryFields} />
          <HiddenFormKey meta={fields.formKey} />
          <SelectField
            meta={fields.campaignId}
            label="Campaign"
            options={[{ value: "", label: "Choose a campaign" }, ...campaigns.map((c) => ({ value: c.id, label: `${c.title} (${c.currency})` }))]}
          />
          <RadioGroup
            meta={fields.kind}
            legend="What was given"
            defaultValue="cash"
            options={GIFT_IN_PERSON_KINDS.map((value) => ({ value, label: GIFT_IN_PERSON_CHOICES[value].label, hint: GIFT_IN_PERSON_CHOICES[value].hint }))}
          />
          <TextField
            meta={fields.amount}
            label="Amount, or fair value"
            hint="In the campaign's currency, like 50000 or 50,000.50. For a gift in kind, what it would have cost to buy or hire."
            inputMode="decimal"
            className="input input--short"
          />
          <TextAreaField
            meta={fields.description}
            label="What was given (gifts in kind only)"
            hint="Printed on the receipt, like “10 laptops” or “the venue for the 12 March workshop”."
            rows={2}
          />
          <TextField meta={fields.receivedOn} label="Date received" type="date" max={today} />
          <TextField meta={fields.name} label="Donor's name" hint="A person or an organisation, as it should appear on the receipt." autoComplete="off" />
          <TextField
            meta={fields.email}
            label="Donor's email (optional)"
            hint="The receipt is emailed here. Leave it empty if there is none: you can then print the receipt or download it as a PDF."
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
          <RadioGroup
            meta={fields.recognition}
            legend="On the sponsor wall"
            hint="Ask the donor how they would like to be thanked."
            defaultValue="unlisted"
            options={RECOGNITION_OPTIONS.map((value) => ({ value, label: RECOGNITION_LABELS[value] }))}
          />
          <TextAreaField meta={fields.message} label="Message (optional)" hint="Shown on the sponsor wall with the gift, unless it is not listed." rows={3} />
          <SubmitButton pending={navigation.state === "submitting"}>Record the gift</SubmitButton>
        </Form>
      )}
    </>
  );
}

function HiddenFormKey({ meta }: { meta: Parameters<typeof getInputProps>[0] }) {
  const { key, ...props } = getInputProps(meta, { type: "hidden" });
  return <input key={key} {...props} />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
