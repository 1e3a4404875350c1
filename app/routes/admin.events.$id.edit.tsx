import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { BLANK_QUESTION, EventFormFields, eventSummaryFields } from "~/components/events/event-form";
import { CheckboxField, ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { instantToLocalInput } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { NO_EVENT, requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { BLANK_QUESTION_ROWS, editEventSchema, MIN_QUESTION_ROWS } from "~/modules/events";
import { eventQuestionsOf, updateEvent, seriesSessions, hasEnded } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.title ?? "event"} · Events` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const { timeZone } = getOrganisation();
  const local = (instant: number | null) => (instant === null ? "" : instantToLocalInput(instant, timeZone));
  const questions = eventQuestionsOf(event.id).map((q) => ({ id: q.id, label: q.label, kind: q.kind, options: q.options.join("\n"), required: q.required, atDoor: q.atDoor }));
  const blanks = Math.max(BLANK_QUESTION_ROWS, MIN_QUESTION_ROWS - questions.length);
  const upcomingSessions = event.seriesId ? seriesSessions(event.seriesId).filter((s) => s.status !== "cancelled" && (s.id === event.id || !hasEnded(s))).length : 0;
  return {
    id: event.id,
    title: event.title,
    status: event.status,
    timeZone,
    upcomingSessions,
    values: {
      kind: event.kind,
      title: event.title,
      slug: event.slug,
      summary: event.summary,
      description: event.description,
      startsAt: local(event.startsAt),
      endsAt: local(event.endsAt),
      format: event.isOnline ? "online" : "in_person",
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      mapUrl: event.mapUrl,
      joinUrl: event.joinUrl,
      capacity: String(event.capacity),
      waitlistEnabled: event.waitlistEnabled,
      walkInsOverCapacity: event.walkInsOverCapacity,
      attendanceCertificates: event.attendanceCertificates,
      registrationOpensAt: local(event.registrationOpensAt),
      registrationClosesAt: local(event.registrationClosesAt),
      reminderHoursBefore: String(event.reminderHoursBefore),
      offerHours: String(event.offerHours),
      questions: [...questions, ...Array.from({ length: blanks }, () => BLANK_QUESTION)],
      applyToSeries: false,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser: actor, event } = requireOrganiserEvent(request, params.id);
  const id = event.id;
  const submission = parseWithZod(await request.formData(), { schema: editEventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = updateEvent({ actorId: actor.id, eventId: id, form: submission.value });
  if (!result.ok) return result.code === "not-found" ? notFound(NO_EVENT) : refusalReply(submission, result);
  const parts = [result.sessions > 1 ? `Saved ${result.sessions} sessions.` : "Saved."];
  if (result.notified) parts.push(`${result.notified} ${result.notified === 1 ? "person was" : "people were"} emailed about the new time or place.`);
  if (result.offers) parts.push(`${result.offers} ${result.offers === 1 ? "seat was" : "seats were"} offered to people waiting.`);
  return redirectWithFlash(`/admin/events/${id}`, parts.join(" "));
}

export default function EditEvent() {
  const { id, title, status, timeZone, values, upcomingSessions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editEventSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const summaryFields = eventSummaryFields(fields);
  return (
    <>
      <p>
        <Link to={`/admin/events/${id}`}>{title}</Link>
      </p>
      <PageHeader title={`Edit ${title}`} />
      {status === "published" ? (
        <p className="notice">This event is published. If you change its time or place, everyone registered gets an email saying what changed.</p>
      ) : null}
      {status === "cancelled" ? (
        <p className="notice notice--error">This event is cancelled, so it can no longer be changed.</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="form event-form">
          <ErrorSummary form={form} fields={summaryFields} />
          <EventFormFields
            fields={fields}
            timeZone={timeZone}
            editing
            footer={
              upcomingSessions > 1 ? (
                <>
                  <h2>Series</h2>
                  <CheckboxField
                    meta={fields.applyToSeries}
                    label={`Apply to all ${upcomingSessions} upcoming sessions in the series`}
                    hint="Copies everything except the dates, times and web address to the other sessions still to come. Past and cancelled sessions stay as they are."
                  />
                </>
              ) : null
            }
          />
          <SubmitButton pending={navigation.state === "submitting"}>Save changes</SubmitButton>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
