import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { useActionData, useLoaderData } from "react-router";
import { TicketAtDoor } from "~/components/events/check-in-desk";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { requireDoorEvent } from "~/routes/helpers/door-event.server";
import { ticketAction, ticketData } from "~/routes/helpers/check-in-desk.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ticket · ${data?.event.title ?? "Check in"}` }];

// The address in a ticket's QR code: a phone's camera opens it for whoever is at the door.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireDoorEvent(request, params.eventId);
  return ticketData(event, params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { checker, event } = requireDoorEvent(request, params.eventId);
  return ticketAction(request, { eventId: event.id, by: checker.id, base: `/door/${event.id}`, token: params.token ?? "" });
}

export default function DoorTicket() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <TicketAtDoor {...page} formError={actionData?.error?.intent?.[0]} base={`/door/${page.event.id}`} otherEventLink={null} />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
