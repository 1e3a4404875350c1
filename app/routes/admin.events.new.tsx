import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { BLANK_QUESTION, EventFormFields, eventSummaryFields } from "~/components/events/event-form";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { createEventSchema, MAX_SERIES_SESSIONS, MIN_QUESTION_ROWS } from "~/modules/events";
import { createEvent } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";

export const meta: MetaFunction = () => [{ title: "New event · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  return { timeZone: getOrganisation().timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: createEventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = createEvent({ actorId: actor.id, form: submission.value });
  if (!result.ok) return refusalReply(submission, result);
  const message =
    result.sessions > 1
      ? `Saved ${result.sessions} sessions as drafts. This is the first one: publish them when they are ready.`
      : "Saved as a draft. Publish it when it is ready.";
  return redirectWithFlash(`/admin/events/${result.eventId}`, message);
}

const REPEAT_LABELS = [
  { value: "none", label: "Once" },
  { value: "weekly", label: "Every week" },
  { value: "days", label: "Every few days" },
];

export default function NewEvent() {
  const { timeZone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      kind: "workshop",
      format: "in_person",
      capacity: "30",
      waitlistEnabled: true,
      walkInsOverCapacity: false,
      attendanceCertificates: false,
      reminderHoursBefore: "24",
      offerHours: "24",
      repeat: "none",
      questions: Array.from({ length: MIN_QUESTION_ROWS }, () => BLANK_QUESTION),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createEventSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const summaryFields = eventSummaryFields(fields, { repeat: fields.repeat, intervalDays: fields.intervalDays, occurrences: fields.occurrences });
  return (
    <>
      <p>
        <Link to="/admin/events">Events</Link>
      </p>
      <PageHeader title="New event" lead="It is saved as a draft: nobody sees it until you publish it." />
      <Form method="post" {...getFormProps(form)} className="form event-form">
        <ErrorSummary form={form} fields={summaryFields} />
        <EventFormFields
          fields={fields}
          timeZone={timeZone}
          editing={false}
          timing={
            <fieldset className="field repeat-fields">
              <legend>Does it repeat?</legend>
              <SelectField meta={fields.repeat} label="Repeats" hint="A series makes one event per session, each with its own seats and registrations." options={REPEAT_LABELS} />
              <TextField meta={fields.intervalDays} label="Days between sessions" hint="Only for “Every few days”." type="number" inputMode="numeric" min={1} className="input input--short" />
              <TextField
                meta={fields.occurrences}
                label="Number of sessions"
                hint={`Including the first one; at most ${MAX_SERIES_SESSIONS}.`}
                type="number"
                inputMode="numeric"
                min={2}
                className="input input--short"
              />
            </fieldset>
          }
        />
        <SubmitButton pending={navigation.state === "submitting"}>Save as a draft</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
