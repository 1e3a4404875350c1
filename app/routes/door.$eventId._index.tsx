import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data, useActionData, useLoaderData } from "react-router";
import { CheckInDesk } from "~/components/events/check-in-desk";
import { DoorLive } from "~/components/events/door-live";
import { WalkInForm } from "~/components/events/walk-in-form";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { requireDoorEvent } from "~/routes/helpers/door-event.server";
import { deskAction, deskData } from "~/routes/helpers/check-in-desk.server";
import { doorScript } from "~/routes/helpers/door-script.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { addWalkInAtDoor, checkInFlash, walkInQuestions, walkInSeatsLeft } from "~/modules/events/index.server";
import { walkInSchema } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { randomId } from "~/utils/ids.server";
import { staticPage } from "~/utils/hydration";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Check in · ${data?.event.title ?? "Event"}` }];

// No React in the browser here: the page's own small script (scanner, offline list) is all it loads.
export const handle = staticPage;

export function loader({ request, params }: LoaderFunctionArgs) {
  const { checker, event } = requireDoorEvent(request, params.eventId);
  const base = `/door/${event.id}`;
  return {
    ...deskData(request, event),
    walkIn: { questions: walkInQuestions(event.id), seatsLeft: walkInSeatsLeft(event.id), overCapacity: event.walkInsOverCapacity, key: randomId(16) },
    live: { script: doorScript(), eventId: event.id, listUrl: `${base}/list.json`, syncUrl: `${base}/sync`, timeZone: getOrganisation().timeZone, checkerName: checker.name },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { checker, event } = requireDoorEvent(request, params.eventId);
  const base = `/door/${event.id}`;
  const formData = await request.formData();
  if (formData.get("intent") !== "walk-in") return deskAction(formData, { eventId: event.id, by: checker.id, base });
  const submission = parseWithZod(formData, { schema: walkInSchema(walkInQuestions(event.id)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const added = addWalkInAtDoor({ eventId: event.id, by: checker.id, walkIn: submission.value });
  if (!added.ok) return refusalReply(submission, added);
  // Sent twice, or someone already checked in: the page says when, and by whom.
  if (added.status === "already") return redirectWithFlash(base, checkInFlash(added, getOrganisation().timeZone));
  return redirectWithFlash(base, `${added.person.name} is added and checked in.`);
}

export default function DoorCheckIn() {
  const { walkIn, live, ...desk } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const walkInResult = lastResult && "initialValue" in lastResult && lastResult.initialValue?.intent === "walk-in" ? lastResult : undefined;
  return (
    <>
      <DoorLive {...live} />
      <CheckInDesk {...desk} lastResult={walkInResult ? undefined : lastResult} base={`/door/${desk.event.id}`} back={{ to: "/door", label: "All my door events" }} />
      <WalkInForm questions={walkIn.questions} walkInKey={walkIn.key} seatsLeft={walkIn.seatsLeft} overCapacity={walkIn.overCapacity} lastResult={walkInResult} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
