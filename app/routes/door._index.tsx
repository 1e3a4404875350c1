import type { LoaderFunctionArgs, MetaFunction } from "react-router";
import { Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireDoorUser } from "~/routes/helpers/door-event.server";
import { eventsForDoor, whenText } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction = () => [{ title: "At the door" }];

export function loader({ request }: LoaderFunctionArgs) {
  const checker = requireDoorUser(request);
  const { timeZone } = getOrganisation();
  return { events: eventsForDoor(checker).map((event) => ({ id: event.id, title: event.title, when: whenText(event, timeZone) })) };
}

export default function DoorEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="At the door" lead="The events where you check people in, today's and coming up." />
      <p className="notice measure">
        Open each event once while you have a network, before the doors open: its door list then stays on this phone, and you can scan tickets, check
        people in and add walk-ins with no network at all. They sync when the network comes back.
      </p>
      {events.length ? (
        <ul className="stack" aria-label="Events to check people in at">
          {events.map((event) => (
            <li key={event.id}>
              <Link to={`/door/${event.id}`} reloadDocument className="button button--secondary button--big button--wide">
                {event.title}
              </Link>
              <span className="muted"> {event.when}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No event to check people in at yet. An organiser adds you to an event's door team.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
