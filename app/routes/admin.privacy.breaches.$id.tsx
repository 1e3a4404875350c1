import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { BreachDeadlineTag } from "~/components/privacy/deadline-tags";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { badRequest, refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { breachDetail, closeBreach, markBreachNotified, updateBreachActions } from "~/modules/privacy/index.server";
import { breachActionsSchema, breachNotifiedSchema, closeBreachSchema } from "~/modules/privacy";

export const meta: MetaFunction = () => [{ title: "Breach · Privacy" }];

const NO_BREACH = "There is no breach with that id.";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const b = breachDetail(params.id ?? "");
  if (!b) notFound(NO_BREACH);
  const { timeZone } = getOrganisation();
  const when = (instant: number | null) => (instant === null ? null : formatInstant(instant, timeZone));
  return {
    id: b.id,
    summary: b.summary,
    found: when(b.foundAt),
    occurred: when(b.occurredAt),
    affected: b.affected,
    affectedCount: b.affectedCount,
    notifyBy: when(b.notifyBy),
    regulatorNotified: when(b.regulatorNotifiedAt),
    peopleNotified: when(b.peopleNotifiedAt),
    actions: b.actions,
    recordedByName: b.recordedByName,
    closed: when(b.closedAt),
    deadline: b.deadline,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const id = params.id ?? "";
  if (!breachDetail(id)) notFound(NO_BREACH);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/admin/privacy/breaches/${id}`;
  if (intent === "regulator-notified" || intent === "people-notified") {
    const submission = parseWithZod(formData, { schema: breachNotifiedSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const who = submission.value.intent === "regulator-notified" ? "regulator" : "people";
    const result = markBreachNotified({ actorId: actor.id, id, who, at: submission.value.at });
    if (!result.ok) return refusalReply(submission, result);
    if (who === "people") return redirectWithFlash(back, "Recorded when the people affected were told.");
    return redirectWithFlash(back, result.late ? "Recorded when the NDPC was told: after the 72 hours, so say why in what was done." : "Recorded when the NDPC was told.");
  }
  if (intent === "actions") {
    const submission = parseWithZod(formData, { schema: breachActionsSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = updateBreachActions({ actorId: actor.id, id, affected: submission.value.affected, actions: submission.value.actions });
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash(back, "Saved.");
  }
  if (intent === "close") {
    const submission = parseWithZod(formData, { schema: closeBreachSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = closeBreach({ actorId: actor.id, id });
    if (!result.ok) return refusalReply(submission, result);
    return redirectWithFlash(back, "Breach closed.");
  }
  badRequest();
}

function resultFor(actionData: SubmissionResult<string[]> | undefined, ...intents: string[]) {
  const intent = actionData?.initialValue?.intent;
  return actionData && typeof intent === "string" && intents.includes(intent) ? actionData : null;
}

function NotifiedForm({ intent, title, button, lastResult }: { intent: string; title: string; button: string; lastResult: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm({
    id: intent,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: breachNotifiedSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h2 id={`${intent}-title`}>{title}</h2>
      <Form method="post" className="form" aria-labelledby={`${intent}-title`} {...getFormProps(form)}>
        <ErrorSummary form={form} fields={{ at: fields.at }} />
        <input type="hidden" name="intent" value={intent} />
        <TextField meta={fields.at} label="When (optional)" hint="Leave empty for now." type="datetime-local" />
        <SubmitButton variant="secondary">{button}</SubmitButton>
      </Form>
    </>
  );
}

export default function BreachPage() {
  const b = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [actionsForm, actionsFields] = useForm({
    id: "actions",
    lastResult: resultFor(actionData, "actions"),
    defaultValue: { affected: b.affected, actions: b.actions },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: breachActionsSchema }),
    shouldValidate: "onBlur",
  });
  const closeResult = resultFor(actionData, "close");
  const topError = closeResult?.error?.[""]?.[0] ?? (b.closed ? actionData?.error?.[""]?.[0] : null);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/privacy">Privacy</Link>
      </p>
      <PageHeader title="Breach">
        <p>
          {b.closed ? <span className="tag">Closed</span> : null} <BreachDeadlineTag deadline={b.deadline} regulatorNotified={b.regulatorNotified !== null} />
        </p>
      </PageHeader>
      {topError ? (
        <p className="notice notice--error" role="alert">
          {topError}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>What happened</dt>
        <dd className="pre-line wrap-anywhere">{b.summary}</dd>
        <dt>Found</dt>
        <dd>
          {b.found}
          {b.recordedByName ? ` (logged by ${b.recordedByName})` : ""}
        </dd>
        <dt>Happened</dt>
        <dd>{b.occurred ?? <span className="muted">Not known</span>}</dd>
        <dt>Who is affected</dt>
        <dd className="pre-line">
          {b.affected || <span className="muted">Not recorded</span>}
          {b.affectedCount !== null ? ` (about ${b.affectedCount.toLocaleString("en-GB")} people)` : ""}
        </dd>
        <dt>Tell the NDPC by</dt>
        <dd>{b.notifyBy}</dd>
        <dt>NDPC told</dt>
        <dd>{b.regulatorNotified ?? <span className="muted">Not yet</span>}</dd>
        <dt>People affected told</dt>
        <dd>{b.peopleNotified ?? <span className="muted">Not yet</span>}</dd>
        <dt>What was done</dt>
        <dd className="pre-line">{b.actions || <span className="muted">Nothing recorded</span>}</dd>
        {b.closed ? (
          <>
            <dt>Closed</dt>
            <dd>{b.closed}</dd>
          </>
        ) : null}
      </dl>

      {b.closed ? null : (
        <>
          {b.regulatorNotified ? null : (
            <NotifiedForm intent="regulator-notified" title="The NDPC was told" button="Record that the NDPC was told" lastResult={resultFor(actionData, "regulator-notified")} />
          )}
          {b.peopleNotified ? null : (
            <NotifiedForm intent="people-notified" title="The people affected were told" button="Record that people were told" lastResult={resultFor(actionData, "people-notified")} />
          )}

          <h2 id="actions-title">Who is affected and what was done</h2>
          <Form method="post" className="form" aria-labelledby="actions-title" {...getFormProps(actionsForm)}>
            <ErrorSummary form={actionsForm} fields={{ affected: actionsFields.affected, actions: actionsFields.actions }} />
            <input type="hidden" name="intent" value="actions" />
            <TextAreaField meta={actionsFields.affected} label="Who is affected" rows={3} />
            <TextAreaField meta={actionsFields.actions} label="What has been done" rows={5} />
            <SubmitButton variant="secondary">Save</SubmitButton>
          </Form>

          <h2 id="close-title">Close the breach</h2>
          <p className="measure">When it has been dealt with. Its record then stays as it is.</p>
          <Form method="post" aria-labelledby="close-title">
            <input type="hidden" name="intent" value="close" />
            <SubmitButton>Close the breach</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
