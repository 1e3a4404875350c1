import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { useActionData, useLoaderData } from "react-router";
import { TicketAtDoor } from "~/components/events/check-in-desk";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { ticketAction, ticketData } from "~/routes/helpers/check-in-desk.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ticket · ${data?.event.title ?? "Check in"}` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  return ticketData(event, params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  return ticketAction(request, { eventId: event.id, by: organiser.id, base: `/admin/events/${event.id}/check-in`, token: params.token ?? "" });
}

export default function TicketPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const otherEventLink = page.otherEvent ? `/admin/events/${page.otherEvent.id}` : null;
  return <TicketAtDoor {...page} formError={actionData?.error?.intent?.[0]} base={`/admin/events/${page.event.id}/check-in`} otherEventLink={otherEventLink} />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
