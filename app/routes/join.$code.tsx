import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { SharePanel } from "~/components/share-links";
import { formatDate } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { shareLinks } from "~/utils/share-links";
import { getUser, requireUser } from "~/routes/helpers/session.server";
import { findCohortByCode, memberCount, joinCohort, joinUrl, membershipOf } from "~/modules/cohorts/index.server";
import { localDateTime, joinSchema, normaliseJoinCode } from "~/modules/cohorts";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Join ${data.cohort.name}` : "Join a cohort" }];

export const handle = staticPage;

function cohortFor(code: string | undefined) {
  const found = findCohortByCode(normaliseJoinCode(code ?? ""));
  if (!found) return notFound("We could not find a cohort with that join code. Check the code, or ask the organisers for a new one.");
  return found;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const found = cohortFor(params.code);
  const user = getUser(request);
  const { timeZone } = getOrganisation();
  const { cohort } = found;
  const placesLeft = Math.max(0, cohort.capacity - memberCount(cohort.id));
  const state = !user
    ? "anonymous"
    : membershipOf(user.id, cohort.id)
      ? "member"
      : user.awaitingGuardian
        ? "awaiting-guardian"
        : placesLeft === 0
          ? "full"
          : "can-join";
  return {
    cohort: { name: cohort.name, joinCode: cohort.joinCode, id: state === "member" ? cohort.id : null },
    curriculumTitle: found.curriculumTitle,
    curriculumSummary: found.curriculumSummary,
    facilitatorName: found.facilitatorName,
    startsOn: formatDate(localDateTime(cohort.startDate, 0, 12, timeZone), timeZone),
    placesLeft,
    state,
    back: encodeURIComponent(`/join/${cohort.joinCode}`),
    // A full cohort has no place to offer a friend.
    share: placesLeft > 0 ? shareLinks(`Join ${cohort.name}`, joinUrl(cohort.joinCode)) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const { cohort } = cohortFor(params.code);
  const submission = parseWithZod(await request.formData(), { schema: joinSchema });
  if (submission.status !== "success") return data({ message: "Use the Join button to join this cohort." }, { status: 400 });
  const outcome = joinCohort({ user, cohortId: cohort.id });
  if (!outcome.ok) return redirectWithFlash(`/join/${cohort.joinCode}`, { kind: "error", message: outcome.message });
  return redirectWithFlash(
    "/me/programme",
    outcome.status === "joined" ? `Welcome to ${cohort.name}. Your steps are below.` : `You are already in ${cohort.name}.`,
  );
}

export default function JoinCohort() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Join ${d.cohort.name}`} lead={d.curriculumTitle} />
      {d.curriculumSummary ? <p className="measure">{d.curriculumSummary}</p> : null}
      <dl className="summary-list">
        <dt>Starts</dt>
        <dd>{d.startsOn}</dd>
        {d.facilitatorName ? (
          <>
            <dt>Led by</dt>
            <dd>{d.facilitatorName}</dd>
          </>
        ) : null}
        <dt>Places left</dt>
        <dd>{d.placesLeft}</dd>
      </dl>
      <p className="measure">
        One short step opens at a time, with a small exercise you do on your phone. Your answers are private: organisers see
        which steps you finished, not what you wrote.
      </p>
      {d.state === "member" ? (
        <p className="notice">
          You are in this cohort. <Link to="/me/programme">Go to my programme</Link>.
        </p>
      ) : d.state === "awaiting-guardian" ? (
        <p className="notice">
          You can join once your parent or guardian has agreed to your account. We emailed them a link: you can send it again
          from <Link to="/me/privacy">your privacy page</Link>.
        </p>
      ) : d.state === "full" ? (
        <p className="notice notice--error">This cohort is full. Ask the organisers about the next one.</p>
      ) : d.state === "anonymous" ? (
        <div className="notice">
          <p>To join, log in first. You will come back to this page.</p>
          <p className="button-row">
            <Link to={`/login?redirectTo=${d.back}`} className="button button--primary">
              Log in to join
            </Link>
            <Link to={`/signup?redirectTo=${d.back}`}>Create an account</Link>
          </p>
          <p className="muted">
            New here? Create an account and confirm your email: the link brings you back here. The cohort's code is{" "}
            <strong className="code">{d.cohort.joinCode}</strong>.
          </p>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="join" />
          <SubmitButton>Join this cohort</SubmitButton>
        </Form>
      )}
      {d.share ? <SharePanel share={d.share} title="Invite a friend" /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
