import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { StepView } from "~/components/curriculum/step-view";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { forbidden, notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { requireUser } from "~/routes/helpers/session.server";
import { addJournalEntry, saveAnswer, addApplication, countApplications, stepPageFor, stepView } from "~/modules/cohorts/index.server";
import { addApplicationSchema } from "~/modules/cohorts";
import { answerSchemaFor, journalEntrySchemaFor } from "~/modules/curriculum";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Step ${data.position}: ${data.title}` : "Step" }];

// Read on small phones over paid data: server-rendered HTML, no JavaScript.
export const handle = staticPage;

function openStep(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = requireUser(request);
  const position = Number(params.position);
  if (!Number.isInteger(position) || position < 1) notFound("There is no such step.");
  const page = stepPageFor({ userId: user.id, cohortId: params.cohortId!, position });
  if (page.status === "not-member") return forbidden("This step belongs to a cohort you are not in. Ask the organisers for a join code.");
  if (page.status === "missing") return notFound("There is no such step in this programme.");
  return { user, page, position };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { user, page, position } = openStep(request, params);
  const { timeZone } = getOrganisation();
  const base = { cohortId: params.cohortId!, cohortName: page.cohortName, position, total: page.total };
  if (page.status === "locked") {
    // Title and opening time only: the text and exercise of a step stay on the server until it opens.
    return { ...base, locked: true as const, title: page.title, opensAt: page.releaseAt === null ? null : formatDateTime(page.releaseAt, timeZone) };
  }
  return { ...base, locked: false as const, title: page.step.title, view: stepView({ step: page.step, answer: page.answer, userId: user.id, timeZone }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, page, position } = openStep(request, params);
  if (page.status === "locked") return forbidden("This step has not opened yet.");
  const exercise = page.step.exercise;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/me/programme/${params.cohortId}/steps/${position}`;
  let outcome: { certificateId: string | null; finishedNow: boolean };
  if (intent === "add-entry" && exercise.kind === "journal") {
    const submission = parseWithZod(formData, { schema: journalEntrySchemaFor(exercise) });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const added = addJournalEntry({ memberId: page.memberId, stepId: page.step.id, values: submission.value.values });
    if (added.full) return data(submission.reply({ formErrors: ["This journal is full. Thank you for keeping it so well."] }), { status: 400 });
    outcome = added;
  } else if (intent === "add-application" && exercise.kind === "application_tracker") {
    const submission = parseWithZod(formData, { schema: addApplicationSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const { intent: _intent, ...values } = submission.value;
    addApplication({ userId: user.id, values });
    outcome = { certificateId: null, finishedNow: false };
  } else if (intent === "save" && exercise.kind === "application_tracker") {
    const count = countApplications(user.id);
    if (count < exercise.minEntries) return redirectWithFlash(here, { kind: "error", message: `Log at least ${exercise.minEntries} applications first.` });
    outcome = saveAnswer({ memberId: page.memberId, stepId: page.step.id, answer: { applications: count } });
  } else if (intent === "save" && exercise.kind !== "journal") {
    const submission = parseWithZod(formData, { schema: answerSchemaFor(exercise) });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    outcome = saveAnswer({ memberId: page.memberId, stepId: page.step.id, answer: submission.value as Record<string, unknown> });
  } else {
    return data({ message: "That form is not part of this step. Please try again from the step's page." }, { status: 400 });
  }
  if (outcome.finishedNow) return redirectWithFlash("/me/programme", "You have finished every step. Well done: your certificate is ready.");
  return redirectWithFlash(`${here}#exercise-title`, intent === "add-application" ? "Added to your tracker." : `Saved. Step ${position} is done.`);
}

export default function StepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { cohortId, cohortName, position, total } = loaderData;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/me/programme">My programme</Link>
      </nav>
      {lastResult && "message" in lastResult ? (
        <p className="notice notice--error" role="alert">
          {lastResult.message}
        </p>
      ) : null}
      {loaderData.locked ? (
        <section aria-labelledby="step-title">
          <p className="step__kicker">
            Step {position} of {total} · {cohortName}
          </p>
          <h1 id="step-title">{loaderData.title}</h1>
          <p className="notice">
            {loaderData.opensAt ? `This step opens on ${loaderData.opensAt}. We will email you when it does.` : "This step's date is not set yet. We will email you when it opens."}
          </p>
        </section>
      ) : (
        <StepView
          view={loaderData.view}
          kicker={`Step ${position} of ${total} · ${cohortName}`}
          lastResult={lastResult && "initialValue" in lastResult ? lastResult : null}
        />
      )}
      <nav aria-label="Steps" className="step-nav">
        {position > 1 ? <Link to={`/me/programme/${cohortId}/steps/${position - 1}`}>← Step {position - 1}</Link> : <span />}
        {position < total ? <Link to={`/me/programme/${cohortId}/steps/${position + 1}`}>Step {position + 1} →</Link> : null}
      </nav>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
