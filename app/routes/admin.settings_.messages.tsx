import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { CheckboxGroup, RadioGroup } from "~/components/choice-fields";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { minorToInput } from "~/utils/money";
import { refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getOrganisation, saveMessageSettings } from "~/modules/organisation/index.server";
import { messageSettingsSchema, SMS_PROVIDERS } from "~/modules/organisation";
import { smsBudgetStatus } from "~/modules/outbox/index.server";
import { CHANNEL_LABELS, CHANNEL_LIST, MESSAGE_KIND_LABELS, MESSAGE_KINDS } from "~/modules/outbox";

export const meta: MetaFunction = () => [{ title: "Messages by phone · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const organisation = getOrganisation();
  const firsts = Object.fromEntries(MESSAGE_KINDS.map((kind) => [`first-${kind}`, organisation.channelDefaults[kind]?.[0] ?? "email"]));
  return {
    currency: organisation.currency,
    budget: smsBudgetStatus(organisation),
    values: {
      channelsEnabled: organisation.channelsEnabled.filter((channel) => channel !== "email"),
      smsProvider: organisation.smsProvider,
      smsMonthlyBudget: minorToInput(organisation.smsMonthlyBudget, organisation.currency),
      smsSegmentCost: minorToInput(organisation.smsSegmentCost, organisation.currency),
      quietHoursStart: String(organisation.quietHoursStart),
      quietHoursEnd: String(organisation.quietHoursEnd),
      ...firsts,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: messageSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const saved = saveMessageSettings(actor.id, submission.value);
  if (!saved.ok) return refusalReply(submission, saved);
  return redirectWithFlash("/admin/settings/messages", saved.changed.length ? "Saved." : { kind: "info", message: "Nothing changed." });
}

const channelOptions = CHANNEL_LIST.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));

export default function MessageSettings() {
  const { values, budget, currency } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof messageSettingsSchema>>({
    id: "message-settings",
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSettingsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/admin/settings">Organisation settings</Link>
      </p>
      <PageHeader title="Messages by phone" lead="Text messages (SMS) and WhatsApp beside email: which are on, what they may cost, and when they stay quiet." />
      <p className={budget.warned ? "notice notice--error" : "notice"} role="status">
        SMS this month: {budget.spentText} of {budget.budgetText} ({budget.percent}%).{" "}
        {budget.stopped ? "The budget is used up: texts wait for next month and messages go by the next way each person allows." : ""}
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{ channelsEnabled: fields.channelsEnabled, smsProvider: fields.smsProvider, smsMonthlyBudget: fields.smsMonthlyBudget, smsSegmentCost: fields.smsSegmentCost, quietHoursStart: fields.quietHoursStart, quietHoursEnd: fields.quietHoursEnd }}
        />
        <CheckboxGroup
          meta={fields.channelsEnabled}
          legend="Channels besides email"
          hint="Each also needs its provider's keys in the server's configuration. WhatsApp goes only to people who said yes to it."
          options={[
            { value: "sms", label: "SMS (text messages)" },
            { value: "whatsapp", label: "WhatsApp" },
          ]}
        />
        <RadioGroup meta={fields.smsProvider} legend="SMS provider" options={SMS_PROVIDERS} />
        <TextField meta={fields.smsMonthlyBudget} label={`Monthly SMS budget, in ${currency}`} hint="Organisers are emailed at 80 %; at 100 % no more texts go out until next month." inputMode="decimal" className="input input--short" />
        <TextField meta={fields.smsSegmentCost} label={`What one SMS page costs, in ${currency}`} hint="Your provider's price for 160 plain characters (70 with other letters)." inputMode="decimal" className="input input--short" />
        <TextField meta={fields.quietHoursStart} label="Quiet hours start (hour, 0 to 23)" hint="No reminders or nudges by text or WhatsApp from this hour…" type="number" inputMode="numeric" className="input input--short" />
        <TextField meta={fields.quietHoursEnd} label="Quiet hours end (hour, 0 to 23)" hint="…until this hour, unless what the reminder is about comes first. The same hour twice means no quiet hours." type="number" inputMode="numeric" className="input input--short" />
        <h2>The first way to try, for each kind of message</h2>
        <p className="field__hint">People can choose for themselves on their own page; this is what everyone else gets. If the first way fails, the others follow.</p>
        {MESSAGE_KINDS.map((kind) => (
          <SelectField key={kind} meta={fields[`first-${kind}`]} label={MESSAGE_KIND_LABELS[kind]} options={channelOptions} />
        ))}
        <SubmitButton>Save</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
