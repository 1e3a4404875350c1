import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { CheckboxGroup } from "~/components/choice-fields";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { getOrganisation, saveOrganisationSettings } from "~/modules/organisation/index.server";
import { CURRENCIES, settingsSchema, SOCIAL_LINKS, type SocialKey } from "~/modules/organisation";
import { CardFeesForm } from "~/components/sponsorship/card-fees-form";
import { cardFeeSettings, saveCardFees } from "~/modules/sponsorship/index.server";
import { cardFeesSchema } from "~/modules/sponsorship";
import { FollowUpScheduleForm } from "~/components/journey/follow-up-schedule-form";
import { followUpMonthsSchema } from "~/modules/journey";
import { saveFollowUpMonths } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "Organisation settings · Organisers' console" }];

const CURRENCY_NAMES: Record<(typeof CURRENCIES)[number], string> = {
  NGN: "NGN: Nigerian naira",
  USD: "USD: US dollar",
  GBP: "GBP: pound sterling",
  EUR: "EUR: euro",
};

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const organisation = getOrganisation();
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  // A zone saved before the runtime's list changed stays selectable rather than silently replaced.
  if (!timeZones.includes(organisation.timeZone)) timeZones.unshift(organisation.timeZone);
  const social = Object.fromEntries(SOCIAL_LINKS.map(({ key }) => [key, organisation.socialLinks[key] ?? ""])) as Record<SocialKey, string>;
  return {
    values: {
      name: organisation.name,
      tagline: organisation.tagline,
      mission: organisation.mission,
      contactEmail: organisation.contactEmail,
      timeZone: organisation.timeZone,
      currency: organisation.currency,
      bankTransferDetails: organisation.bankTransferDetails,
      helpLines: organisation.helpLines,
      organiserSecondFactorRequired: organisation.organiserSecondFactorRequired,
      adultAge: organisation.adultAge,
      under16Allowed: organisation.under16Allowed,
      stripeEnabled: organisation.stripeEnabled,
      paystackEnabled: organisation.paystackEnabled,
      bankTransferEnabled: organisation.bankTransferEnabled,
      bankTransferCurrencies: organisation.bankTransferCurrencies,
      legalName: organisation.legalName,
      registrationNumber: organisation.registrationNumber,
      postalAddress: organisation.postalAddress,
      receiptTaxWording: organisation.receiptTaxWording,
      ...social,
    },
    timeZones,
    cardFees: cardFeeSettings(),
    followUpMonths: organisation.followUpMonths.join(", "),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const formData = await request.formData();
  if (formData.get("intent") === "follow-up-months") {
    const schedule = parseWithZod(formData, { schema: followUpMonthsSchema });
    if (schedule.status !== "success") return data({ followUpMonths: schedule.reply() }, { status: 400 });
    const saved = saveFollowUpMonths({ actorId: actor.id, months: schedule.value.followUpMonths });
    return redirectWithFlash("/admin/settings", saved ? "Follow-up schedule saved." : { kind: "info", message: "Nothing changed." });
  }
  if (formData.get("intent") === "card-fees") {
    const fees = parseWithZod(formData, { schema: cardFeesSchema });
    if (fees.status !== "success") return data({ cardFees: fees.reply() }, { status: 400 });
    const saved = saveCardFees(actor.id, fees.value);
    return redirectWithFlash("/admin/settings", saved.length ? "Card fees saved." : { kind: "info", message: "Nothing changed." });
  }
  const submission = parseWithZod(formData, { schema: settingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  // Turning two-factor sign-in off (or on) for every organiser wants a fresh code from this one.
  if (value.organiserSecondFactorRequired !== getOrganisation().organiserSecondFactorRequired) requireRecentSecondFactor(request, actor);
  const socialLinks: Record<string, string> = {};
  for (const { key } of SOCIAL_LINKS) {
    const link = value[key];
    if (link) socialLinks[key] = link;
  }
  const current = getOrganisation();
  const changed = saveOrganisationSettings({
    actorId: actor.id,
    values: {
      name: value.name,
      tagline: value.tagline,
      mission: value.mission,
      contactEmail: value.contactEmail ?? "",
      timeZone: value.timeZone,
      currency: value.currency,
      bankTransferDetails: value.bankTransferDetails.replace(/\r\n/g, "\n").trim(),
      helpLines: value.helpLines.replace(/\r\n/g, "\n").trim(),
      organiserSecondFactorRequired: value.organiserSecondFactorRequired,
      // A form without the field (an older page) keeps the age as it is.
      adultAge: value.adultAge ?? current.adultAge,
      under16Allowed: value.under16Allowed,
      ...(value.givingWaysShown
        ? {
            stripeEnabled: value.stripeEnabled,
            paystackEnabled: value.paystackEnabled,
            bankTransferEnabled: value.bankTransferEnabled,
            bankTransferCurrencies: CURRENCIES.filter((code) => value.bankTransferCurrencies.includes(code)),
          }
        : {
            stripeEnabled: current.stripeEnabled,
            paystackEnabled: current.paystackEnabled,
            bankTransferEnabled: current.bankTransferEnabled,
            bankTransferCurrencies: current.bankTransferCurrencies,
          }),
      legalName: value.legalName,
      registrationNumber: value.registrationNumber,
      postalAddress: value.postalAddress.replace(/\r\n/g, "\n").trim(),
      receiptTaxWording: value.receiptTaxWording.replace(/\r\n/g, "\n").trim(),
      socialLinks,
    },
  });
  return changed.length
    ? redirectWithFlash("/admin/settings", "Settings saved.")
    : redirectWithFlash("/admin/settings", { kind: "info", message: "Nothing changed." });
}

export default function Settings() {
  const { values, timeZones, cardFees, followUpMonths } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const cardFeesResult = actionData && "cardFees" in actionData ? actionData.cardFees : undefined;
  const followUpResult = actionData && "followUpMonths" in actionData ? actionData.followUpMonths : undefined;
  const lastResult = actionData && !("cardFees" in actionData) && !("followUpMonths" in actionData) ? actionData : undefined;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  // Listed one by one: the fields object is a proxy, so its entries cannot be enumerated.
  const summaryFields = {
    name: fields.name,
    tagline: fields.tagline,
    mission: fields.mission,
    contactEmail: fields.contactEmail,
    timeZone: fields.timeZone,
    currency: fields.currency,
    bankTransferDetails: fields.bankTransferDetails,
    helpLines: fields.helpLines,
    organiserSecondFactorRequired: fields.organiserSecondFactorRequired,
    adultAge: fields.adultAge,
    under16Allowed: fields.under16Allowed,
    stripeEnabled: fields.stripeEnabled,
    paystackEnabled: fields.paystackEnabled,
    bankTransferEnabled: fields.bankTransferEnabled,
    bankTransferCurrencies: fields.bankTransferCurrencies,
    legalName: fields.legalName,
    registrationNumber: fields.registrationNumber,
    postalAddress: fields.postalAddress,
    receiptTaxWording: fields.receiptTaxWording,
    ...Object.fromEntries(SOCIAL_LINKS.map(({ key }) => [key, fields[key]])),
  };
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Organisation settings" lead="How the organisation appears on the site and in emails." />
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={summaryFields} />
        <h2>About the organisation</h2>
        <TextField meta={fields.name} label="Name" autoComplete="organization" />
        <TextField meta={fields.tagline} label="Tagline (optional)" hint="One line under the name on the home page." />
        <TextAreaField meta={fields.mission} label="Mission (optional)" hint="A short paragraph on the home page." rows={4} />
        <TextField meta={fields.contactEmail} label="Contact email (optional)" hint="Shown in the footer and in emails." type="email" autoComplete="email" spellCheck={false} />
        <h2>Time and money</h2>
        <SelectField meta={fields.timeZone} label="Time zone" hint="Event times are shown and typed in this zone." options={timeZones} />
        <SelectField
          meta={fields.currency}
          label="Default currency"
          options={CURRENCIES.map((code) => ({ value: code, label: CURRENCY_NAMES[code] }))}
        />
        <TextAreaField
          meta={fields.bankTransferDetails}
          label="Bank-transfer details (optional)"
          hint="Account name, bank and account number, shown to sponsors who pay by transfer. One item per line."
          rows={4}
        />
        <fieldset className="field">
          <legend className="field__label">Ways to give</legend>
          <p className="field__hint">
            Donors see only the ways switched on here that take the campaign&apos;s currency. Card payments also need the provider&apos;s key in the
            server&apos;s configuration.
          </p>
          <input type="hidden" name="givingWaysShown" value="yes" />
          <CheckboxField meta={fields.paystackEnabled} label="Paystack (cards, bank and USSD payments in Naira and other African currencies)" />
          <CheckboxField meta={fields.stripeEnabled} label="Stripe (cards in pounds, dollars, euros and other currencies)" />
          <CheckboxField meta={fields.bankTransferEnabled} label="Bank transfer (donors pledge, then pay into the account above)" />
        </fieldset>
        <CheckboxGroup
          meta={fields.bankTransferCurrencies}
          legend="Currencies the account takes"
          hint="Bank transfer is offered only for campaigns in these currencies: tick US dollars too if the details above include a domiciliary account."
          options={CURRENCIES.map((code) => ({ value: code, label: CURRENCY_NAMES[code] }))}
        />
        <h2>Support</h2>
        <TextAreaField
          meta={fields.helpLines}
          label="Help lines (optional)"
          hint="Where participants can turn for mental-health support: names, phone numbers, hours. One per line. Shown in the programme's well-being step."
          rows={4}
        />
        <h2>Signing in</h2>
        <CheckboxField
          meta={fields.organiserSecondFactorRequired}
          label="Organisers must use two-factor sign-in"
          hint="An organiser without an authenticator app is asked to set one up before the organisers' console opens."
        />
        <h2>Young people</h2>
        <TextField
          meta={fields.adultAge}
          label="Age of consent"
          hint="Under this age, a parent or guardian must agree before a participant's account opens. Nigeria's Data Protection Act says 18."
          type="number"
          inputMode="numeric"
          min={13}
          max={21}
          className="input input--short"
        />
        <CheckboxField
          meta={fields.under16Allowed}
          label="Young people under 16 may join"
          hint="Untick to turn away anyone under 16 at sign-up, with a message saying why."
        />
        <h2>Receipts</h2>
        <p className="muted">Receipts and year-end giving statements carry these, so a donor&rsquo;s finance team can accept them.</p>
        <TextField
          meta={fields.legalName}
          label="Registered name (optional)"
          hint="The name on the certificate of registration, if it differs from the name above."
          autoComplete="organization"
        />
        <TextField
          meta={fields.registrationNumber}
          label="Registration number (optional)"
          hint="CAC registration: RC 1234567 or IT 123456."
          spellCheck={false}
        />
        <TextAreaField meta={fields.postalAddress} label="Postal address (optional)" hint="As it should appear on a receipt. One line per line of the address." rows={3} />
        <TextAreaField
          meta={fields.receiptTaxWording}
          label="Wording for receipts (optional)"
          hint="Printed on every receipt and statement, for example what the gift may count for under the tax rules that apply to your donors."
          rows={3}
        />
        <h2>Social links</h2>
        <p className="muted">Each one is optional. Use the full address, starting with https://.</p>
        {SOCIAL_LINKS.map(({ key, label }) => (
          <TextField key={key} meta={fields[key]} label={label} type="url" inputMode="url" spellCheck={false} />
        ))}
        <SubmitButton pending={navigation.state === "submitting"}>Save settings</SubmitButton>
      </Form>
      <CardFeesForm values={cardFees} lastResult={cardFeesResult} />
      <FollowUpScheduleForm months={followUpMonths} lastResult={followUpResult} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
