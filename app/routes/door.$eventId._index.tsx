import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { useActionData, useLoaderData } from "react-router";
import { CheckInDesk } from "~/components/events/check-in-desk";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { requireDoorEvent } from "~/routes/helpers/door-event.server";
import { deskAction, deskData } from "~/routes/helpers/check-in-desk.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Check in · ${data?.event.title ?? "Event"}` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireDoorEvent(request, params.eventId);
  return deskData(request, event);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { checker, event } = requireDoorEvent(request, params.eventId);
  return deskAction(request, { eventId: event.id, by: checker.id, base: `/door/${event.id}` });
}

export default function DoorCheckIn() {
  const desk = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <CheckInDesk {...desk} lastResult={lastResult} base={`/door/${desk.event.id}`} back={{ to: "/door", label: "All my door events" }} />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
