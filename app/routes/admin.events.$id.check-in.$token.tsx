import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { AttendanceFigures } from "~/components/events/attendance-figures";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { formatTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { checkInFlash, ticketByToken, attendanceCounts, checkIn } from "~/modules/events/index.server";
import { QR_CHECK_IN_INTENT, REGISTRATION_STATUS_LABELS } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ticket · ${data?.event.title ?? "Check in"}` }];

const NO_TICKET = "This QR code is not a ticket we know. Ask for the code printed under it and type it on the check-in page.";

// Opening the QR code's address only shows the ticket: marking someone present is a deliberate POST.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  const ticket = ticketByToken(params.token ?? "");
  if (!ticket) notFound(NO_TICKET);
  const { timeZone } = getOrganisation();
  return {
    event: { id: event.id, title: event.title },
    ticket: {
      name: ticket.name,
      email: ticket.email,
      status: ticket.status,
      shortCode: ticket.shortCode,
      presentAt: ticket.checkedInAt ? formatTime(ticket.checkedInAt, timeZone) : null,
    },
    otherEvent: ticket.eventId === event.id ? null : { id: ticket.eventId, title: ticket.eventTitle },
    counts: attendanceCounts(event.id),
  };
}

const schema = z.object({ intent: z.literal(QR_CHECK_IN_INTENT, { error: "Press “Mark present” to check the person in" }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const token = params.token ?? "";
  const result = checkIn(undefined, { eventId: event.id, by: organiser.id, token });
  if (!result.ok && result.code === "not-found") notFound(NO_TICKET);
  return redirectWithFlash(`/admin/events/${event.id}/check-in/${encodeURIComponent(token)}`, checkInFlash(result, getOrganisation().timeZone));
}

export default function TicketAtDoor() {
  const { event, ticket, otherEvent, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.error?.intent?.[0];
  return (
    <div className="check-in">
      <p>
        <Link to={`/admin/events/${event.id}/check-in`}>Check-in for {event.title}</Link>
      </p>
      <PageHeader title={ticket.name} lead={ticket.email} />
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      {otherEvent ? (
        <div className="notice notice--error">
          <p>This ticket is for another event: {otherEvent.title}.</p>
          <p>
            <Link to={`/admin/events/${otherEvent.id}`}>Open {otherEvent.title}</Link>
          </p>
        </div>
      ) : ticket.presentAt ? (
        <p className="notice notice--success">
          <strong>Already checked in at {ticket.presentAt}.</strong>
        </p>
      ) : ticket.status === "confirmed" ? (
        <Form method="post" className="form">
          <p>
            Ticket code <strong className="code">{ticket.shortCode}</strong>
          </p>
          <button type="submit" name="intent" value={QR_CHECK_IN_INTENT} className="button button--primary button--big button--wide">
            Mark present
          </button>
        </Form>
      ) : (
        <p className="notice notice--error">
          No seat: {REGISTRATION_STATUS_LABELS[ticket.status].toLowerCase()}. Only people with a confirmed seat can be checked in.
        </p>
      )}
      <AttendanceFigures counts={counts} />
      <p>
        <Link to={`/admin/events/${event.id}/check-in`} className="button button--secondary button--big">
          Back to check-in
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
