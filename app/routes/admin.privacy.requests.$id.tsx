import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { RequestDeadlineTag } from "~/components/privacy/deadline-tags";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { badRequest, refusalReply } from "~/routes/helpers/replies.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { completeRequest, refuseRequest, requestDetail, saveRequestNotes } from "~/modules/privacy/index.server";
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, completeRequestSchema, refuseRequestSchema, requestNotesSchema } from "~/modules/privacy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Request from ${data.who}` : "Request"} · Privacy` }];

const NO_REQUEST = "There is no request with that id.";

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const found = requestDetail(params.id ?? "");
  if (!found) notFound(NO_REQUEST);
  const { timeZone } = getOrganisation();
  const when = (instant: number | null) => (instant === null ? null : formatInstant(instant, timeZone));
  return {
    id: found.id,
    who: found.who,
    contact: found.contact,
    kind: found.kind,
    kindLabel: REQUEST_KIND_LABELS[found.kind],
    status: found.status,
    statusLabel: REQUEST_STATUS_LABELS[found.status],
    details: found.details,
    userId: found.userId,
    personName: found.personName,
    received: when(found.receivedAt),
    due: when(found.dueAt),
    eraseAt: when(found.eraseAt),
    closed: when(found.closedAt),
    closedByName: found.closedByName,
    recordedByName: found.recordedByName,
    outcome: found.outcome,
    deadline: found.deadline,
  };
}

const SCHEMAS = { notes: requestNotesSchema, complete: completeRequestSchema, refuse: refuseRequestSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const id = params.id ?? "";
  if (!requestDetail(id)) notFound(NO_REQUEST);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "notes" && intent !== "complete" && intent !== "refuse") badRequest();
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "notes"
      ? saveRequestNotes({ actorId: actor.id, id, notes: value.notes ?? "" })
      : value.intent === "complete"
        ? completeRequest({ actorId: actor.id, id, outcome: value.outcome })
        : refuseRequest({ actorId: actor.id, id, reason: value.reason });
  if (!result.ok) return refusalReply(submission, result);
  const message = { notes: "Notes saved.", complete: "Request closed as completed.", refuse: "Request refused. Tell the person why, and that they may complain to the NDPC." }[value.intent];
  return redirectWithFlash(`/admin/privacy/requests/${id}`, message);
}

function resultFor(actionData: SubmissionResult<string[]> | undefined, intent: string) {
  return actionData?.initialValue?.intent === intent ? actionData : null;
}

export default function RequestPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [notesForm, notesFields] = useForm({
    id: "notes",
    lastResult: resultFor(actionData, "notes"),
    defaultValue: { notes: r.outcome },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestNotesSchema }),
    shouldValidate: "onBlur",
  });
  const [completeForm, completeFields] = useForm({
    id: "complete",
    lastResult: resultFor(actionData, "complete"),
    defaultValue: { outcome: r.outcome },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: completeRequestSchema }),
    shouldValidate: "onBlur",
  });
  const [refuseForm, refuseFields] = useForm({
    id: "refuse",
    lastResult: resultFor(actionData, "refuse"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: refuseRequestSchema }),
    shouldValidate: "onBlur",
  });
  const open = r.status === "open";
  // With no forms left on the page (closed meanwhile), a refusal is shown at the top.
  const staleError = open ? null : actionData?.error?.[""]?.[0];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/privacy">Privacy</Link>
      </p>
      <PageHeader title={`${r.kindLabel}: ${r.who}`}>
        <p>
          <span className="tag">{r.statusLabel}</span> <RequestDeadlineTag deadline={r.deadline} closed={r.closed !== null} />
        </p>
      </PageHeader>
      {staleError ? (
        <p className="notice notice--error" role="alert">
          {staleError}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>Who asked</dt>
        <dd className="wrap-anywhere">{r.who}</dd>
        <dt>How to reach them</dt>
        <dd className="wrap-anywhere">{r.contact || <span className="muted">Not given</span>}</dd>
        <dt>Account</dt>
        <dd>{r.userId ? <Link to={`/admin/people/${r.userId}`}>{r.personName ?? "Open their record"}</Link> : <span className="muted">None linked</span>}</dd>
        <dt>What they asked</dt>
        <dd className="pre-line">{r.details || <span className="muted">No details</span>}</dd>
        <dt>Received</dt>
        <dd>
          {r.received}
          {r.recordedByName ? ` (recorded by ${r.recordedByName})` : " (made on the site)"}
        </dd>
        <dt>Answer by</dt>
        <dd>{r.due}</dd>
        {r.eraseAt ? (
          <>
            <dt>Erasure happens</dt>
            <dd>{r.eraseAt}</dd>
          </>
        ) : null}
        {r.closed ? (
          <>
            <dt>Closed</dt>
            <dd>
              {r.closed}
              {r.closedByName ? ` by ${r.closedByName}` : ""}
            </dd>
          </>
        ) : null}
        <dt>{r.status === "refused" ? "Why it was refused" : open ? "Notes so far" : "What was done"}</dt>
        <dd className="pre-line">{r.outcome || <span className="muted">Nothing yet</span>}</dd>
      </dl>

      {r.kind === "erasure" && r.userId && (open || r.status === "scheduled") ? (
        <p className="notice">
          <Link to={`/admin/people/${r.userId}/erase?request=${r.id}`}>Erase {r.personName ?? "this person"}'s data</Link>: it shows what will be removed and what
          the law makes the organisation keep, and closes this request as completed.
        </p>
      ) : null}

      {open ? (
        <>
          <h2 id="notes-title">Notes</h2>
          <Form method="post" className="form" aria-labelledby="notes-title" {...getFormProps(notesForm)}>
            <ErrorSummary form={notesForm} fields={{ notes: notesFields.notes }} />
            <input type="hidden" name="intent" value="notes" />
            <TextAreaField meta={notesFields.notes} label="What has been done so far" hint="For other organisers; it becomes the start of the outcome." rows={4} />
            <SubmitButton variant="secondary">Save notes</SubmitButton>
          </Form>

          <h2 id="complete-title">Close as completed</h2>
          <Form method="post" className="form" aria-labelledby="complete-title" {...getFormProps(completeForm)}>
            <ErrorSummary form={completeForm} fields={{ outcome: completeFields.outcome }} />
            <input type="hidden" name="intent" value="complete" />
            <TextAreaField meta={completeFields.outcome} label="What was done" hint="For example: sent a copy of their data by email on 3 December." rows={4} />
            <SubmitButton>Close as completed</SubmitButton>
          </Form>

          <h2 id="refuse-title">Refuse</h2>
          <Form method="post" className="form" aria-labelledby="refuse-title" {...getFormProps(refuseForm)}>
            <ErrorSummary form={refuseForm} fields={{ reason: refuseFields.reason }} />
            <input type="hidden" name="intent" value="refuse" />
            <TextAreaField
              meta={refuseFields.reason}
              label="Why the request is refused"
              hint="The person must be told this reason, and that they may complain to the NDPC."
              rows={4}
            />
            <SubmitButton variant="warning">Refuse the request</SubmitButton>
          </Form>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
