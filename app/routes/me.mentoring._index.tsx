import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { MenteeSection, MentorSection, type Item } from "~/components/mentoring/my-mentoring";
import { formatDate, formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireUser } from "~/routes/helpers/session.server";
import { hasRole } from "~/modules/auth/index.server";
import { mentorshipsOf, type MentorshipListItem, activeMenteeCount, getMentorProfile, personTimeZone, acceptRequest, declineRequest, withdrawRequest } from "~/modules/mentoring/index.server";
import { myMentoringSchema } from "~/modules/mentoring";

export const meta: MetaFunction = () => [{ title: "My mentoring" }];

function itemView(item: MentorshipListItem, zone: string): Item {
  return {
    id: item.id,
    status: item.status,
    otherName: item.other.name,
    sent: formatDate(item.createdAt, zone),
    answerBy: item.respondBy === null ? null : formatDateTime(item.respondBy, zone),
    started: item.startedAt === null ? null : formatDate(item.startedAt, zone),
    ended: item.endedAt === null ? null : formatDate(item.endedAt, zone),
    message: item.side === "mentor" && item.status === "proposed" ? item.requestMessage : "",
    declineReason: item.side === "mentee" && item.status === "declined" ? item.declineReason : "",
    rated: item.myEndRating !== null,
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const zone = personTimeZone(user.id);
  const all = mentorshipsOf(user.id);
  const profile = getMentorProfile(user.id);
  const isMentor = hasRole(user, "mentor") || Boolean(profile);
  return {
    asMentee: all.filter((i) => i.side === "mentee").map((i) => itemView(i, zone)),
    asMentor: all.filter((i) => i.side === "mentor").map((i) => itemView(i, zone)),
    isMentor,
    mentor: profile
      ? { status: profile.status, capacity: profile.capacity, placesLeft: Math.max(0, profile.capacity - activeMenteeCount(user.id)), accepting: profile.accepting }
      : null,
  };
}

const DONE = {
  withdraw: "Your request is withdrawn.",
  accept: "You accepted the request. We have emailed your new mentee.",
  decline: "You declined the request. We have let them know.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: myMentoringSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "withdraw"
      ? withdrawRequest(user.id, value.id)
      : value.intent === "accept"
        ? acceptRequest(user.id, value.id)
        : declineRequest(user.id, value.id, value.reason);
  if (!result.ok) return redirectWithFlash("/me/mentoring", { kind: "error", message: result.message });
  if (value.intent === "accept") return redirectWithFlash(`/me/mentoring/${result.id}`, { kind: "success", message: DONE.accept });
  return redirectWithFlash("/me/mentoring", { kind: "success", message: DONE[value.intent] });
}

export default function MyMentoring() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const mentorFirst = page.isMentor && page.asMentee.length === 0;
  const mentee = <MenteeSection items={page.asMentee} />;
  const mentor = page.isMentor ? <MentorSection items={page.asMentor} mentor={page.mentor} lastResult={lastResult} /> : null;
  return (
    <>
      <PageHeader title="My mentoring" />
      {mentorFirst ? (
        <>
          {mentor}
          {mentee}
        </>
      ) : (
        <>
          {mentee}
          {mentor}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
