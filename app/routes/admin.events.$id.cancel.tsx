import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { NO_EVENT, requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { whenText, cancelEvent, registeredPeople, hasEnded, DRAFT_IS_DELETED_NOT_CANCELLED } from "~/modules/events/index.server";
import { cancelEventSchema } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";
import { refusalReply } from "~/routes/helpers/replies.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Cancel ${data?.title ?? "event"} · Events` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const people = registeredPeople(event.id);
  return {
    id: event.id,
    title: event.title,
    when: whenText(event, getOrganisation().timeZone),
    closed:
      event.status === "cancelled"
        ? "This event is already cancelled."
        : event.status === "draft"
          ? DRAFT_IS_DELETED_NOT_CANCELLED
          : hasEnded(event)
            ? "This event is over, so it can no longer be cancelled."
            : null,
    confirmed: people.filter((p) => p.status === "confirmed").length,
    others: people.filter((p) => p.status !== "confirmed").length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser: actor, event } = requireOrganiserEvent(request, params.id);
  const id = event.id;
  const submission = parseWithZod(await request.formData(), { schema: cancelEventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = cancelEvent({ actorId: actor.id, eventId: id, message: submission.value.message });
  if (!result.ok) return result.code === "not-found" ? notFound(NO_EVENT) : refusalReply(submission, result);
  const told = result.count ? ` ${result.count} ${result.count === 1 ? "person is" : "people are"} being told by email.` : "";
  return redirectWithFlash(`/admin/events/${id}`, `The event is cancelled.${told}`);
}

export default function CancelEvent() {
  const { id, title, when, closed, confirmed, others } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelEventSchema }),
    shouldValidate: "onBlur",
  });
  const total = confirmed + others;
  return (
    <>
      <p>
        <Link to={`/admin/events/${id}`}>{title}</Link>
      </p>
      <PageHeader title={`Cancel ${title}?`} lead={when} />
      {closed ? (
        <p className="notice notice--error">{closed}</p>
      ) : (
        <>
          <div className="notice notice--error measure">
            <p>Cancelling cannot be undone. The event closes for good and every registration ends.</p>
            <p>
              {total
                ? `${total} ${total === 1 ? "person" : "people"} will get an email saying it is cancelled: ${confirmed} with a seat and ${others} waiting or offered a seat.`
                : "Nobody has registered yet, so nobody will be emailed."}
            </p>
          </div>
          <Form method="post" {...getFormProps(form)} className="form">
            <ErrorSummary form={form} fields={{ message: fields.message }} />
            <TextAreaField
              meta={fields.message}
              label="A message to the people registered (optional)"
              hint="For example why it is cancelled, or when it might happen instead. It goes into the email."
              rows={4}
            />
            <div className="button-row">
              <button type="submit" name="confirm" value="yes" className="button button--warning" aria-disabled={navigation.state === "submitting" || undefined}>
                Yes, cancel the event
              </button>
              <Link to={`/admin/events/${id}`}>No, keep it</Link>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
