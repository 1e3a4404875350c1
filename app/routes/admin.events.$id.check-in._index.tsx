import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { CheckInDesk } from "~/components/events/check-in-desk";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { deskAction, deskData } from "~/routes/helpers/check-in-desk.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Check in · ${data?.event.title ?? "Event"}` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireOrganiserEvent(request, params.id);
  return deskData(request, event);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, event } = requireOrganiserEvent(request, params.id);
  return deskAction(await request.formData(), { eventId: event.id, by: organiser.id, base: `/admin/events/${event.id}/check-in` });
}

export default function CheckIn() {
  const desk = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const base = `/admin/events/${desk.event.id}/check-in`;
  return (
    <>
      <CheckInDesk {...desk} lastResult={lastResult} base={base} back={{ to: `/admin/events/${desk.event.id}`, label: desk.event.title }} />
      <p className="notice measure">
        At the door itself, use <Link to={`/door/${desk.event.id}`} reloadDocument>the door page</Link>: it scans tickets with the phone&rsquo;s camera, keeps the list
        on the phone and works with no network.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
