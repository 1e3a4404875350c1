import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { changeProposalSchema, runDecisionSchema, UNASSIGNED } from "~/modules/mentoring";
import { changeProposal, discardRun, eligibleMentorsFor, findRun, publishRun, runProposals } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.run.label ?? "Matching run"} · Organisers' console` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const run = findRun(params.runId ?? "");
  const { timeZone } = getOrganisation();
  const proposals = runProposals(run.id);
  const changeId = new URL(request.url).searchParams.get("change");
  const changing = run.status === "draft" ? proposals.find((p) => p.id === changeId) : undefined;
  const options = changing ? eligibleMentorsFor(run.id, changing.id) : [];
  const assigned = proposals.filter((p) => p.mentorId);
  return {
    run: {
      id: run.id,
      label: run.label,
      status: run.status,
      created: formatInstant(run.createdAt, timeZone),
      published: run.publishedAt === null ? null : formatInstant(run.publishedAt, timeZone),
    },
    proposals,
    summary: {
      assigned: assigned.length,
      total: proposals.length,
      averageScore: assigned.length ? Math.round(assigned.reduce((sum, p) => sum + (p.score ?? 0), 0) / assigned.length) : null,
    },
    changing: changing
      ? {
          id: changing.id,
          menteeName: changing.menteeName,
          mentorId: changing.mentorId ?? UNASSIGNED,
          options: [
            ...options.map((o) => ({ value: o.mentorId, label: `${o.name}: fit ${o.score} of 100, ${o.placesLeft} place${o.placesLeft === 1 ? "" : "s"} free in this run` })),
            { value: UNASSIGNED, label: "Leave without a mentor" },
          ],
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const run = findRun(params.runId ?? "");
  const here = `/admin/mentoring/match/${run.id}`;
  const formData = await request.formData();
  if (formData.get("intent") === "change") {
    const submission = parseWithZod(formData, { schema: changeProposalSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const { proposalId, mentorId } = submission.value;
    const error = changeProposal({ actorId: actor.id, runId: run.id, proposalId, mentorId: mentorId === UNASSIGNED ? null : mentorId });
    if (error) return data(submission.reply({ fieldErrors: { mentorId: [error] } }), { status: 400 });
    return redirectWithFlash(here, mentorId === UNASSIGNED ? "That mentee is now left without a mentor in this run." : "Mentor changed.");
  }
  const submission = parseWithZod(formData, { schema: runDecisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "discard") {
    const error = discardRun({ actorId: actor.id, runId: run.id });
    if (error) return data(submission.reply({ formErrors: [error] }), { status: 400 });
    return redirectWithFlash("/admin/mentoring/match", "Run discarded. Nobody was told about it.");
  }
  const outcome = publishRun({ actorId: actor.id, runId: run.id });
  if (!outcome.ok) return data(submission.reply({ formErrors: [outcome.message] }), { status: 400 });
  const notMade = outcome.notMade.length ? ` ${outcome.notMade.length} could not be made: see below.` : "";
  return redirectWithFlash(here, { kind: outcome.notMade.length ? "info" : "success", message: `Published: ${outcome.made} mentorships made, and both sides emailed.${notMade}` });
}

export default function MatchRunPage() {
  const { run, proposals, summary, changing } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult?.initialValue as { intent?: string } | undefined)?.intent;
  const [changeForm, changeFields] = useForm({
    id: changing ? `change-${changing.id}` : "change-proposal",
    lastResult: submitted === "change" ? lastResult : undefined,
    defaultValue: changing ? { intent: "change", proposalId: changing.id, mentorId: changing.mentorId } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeProposalSchema }),
    shouldValidate: "onBlur",
  });
  const [decisionForm] = useForm({ id: "run-decision", lastResult: submitted !== "change" ? lastResult : undefined });
  const draft = run.status === "draft";
  return (
    <>
      <p>
        <Link to="/admin/mentoring/match">Match a group</Link>
      </p>
      <PageHeader title={run.label} lead={draft ? "Proposed matches. Nothing has been sent: change what you like, then publish." : undefined} />
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>{draft ? "Waiting for review" : run.status === "published" ? `Published ${run.published}` : "Discarded"}</dd>
        <dt>Created</dt>
        <dd>{run.created}</dd>
        <dt>Mentees with a mentor</dt>
        <dd>
          {summary.assigned} of {summary.total}
        </dd>
        <dt>Average fit</dt>
        <dd>{summary.averageScore === null ? "None yet" : `${summary.averageScore} of 100`}</dd>
      </dl>
      {changing ? (
        <section aria-labelledby="change-heading" id="change">
          <h2 id="change-heading">Change {changing.menteeName}'s mentor</h2>
          <Form method="post" action={`/admin/mentoring/match/${run.id}`} {...getFormProps(changeForm)} className="form">
            <ErrorSummary form={changeForm} fields={{ mentorId: changeFields.mentorId }} />
            <input type="hidden" name="intent" value="change" />
            <input type="hidden" name="proposalId" value={changing.id} />
            <SelectField meta={changeFields.mentorId} label="Mentor" hint="Only mentors who meet every hard rule and still have a place in this run are listed, best fit first." options={changing.options} />
            <div className="button-row">
              <SubmitButton>Save mentor</SubmitButton>
              <Link to={`/admin/mentoring/match/${run.id}`}>Cancel</Link>
            </div>
          </Form>
        </section>
      ) : null}
      <h2>Proposals</h2>
      <TableRegion label="Proposals">
        <table>
          <caption className="visually-hidden">One row per mentee, with the proposed mentor and why</caption>
          <thead>
            <tr>
              <th scope="col">Mentee</th>
              <th scope="col">Mentor</th>
              <th scope="col">Fit</th>
              <th scope="col">Why</th>
              <th scope="col">{draft ? "Change" : "Outcome"}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td>{p.menteeName}</td>
                <td>{p.mentorName ?? <span className="muted">No mentor</span>}</td>
                <td>{p.score === null ? "–" : p.score}</td>
                <td>
                  <ul className="reasons">
                    {p.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {draft ? (
                    <div className="button-row">
                      <Link to={`?change=${p.id}#change`} aria-label={`Change ${p.menteeName}'s mentor`}>
                        Change
                      </Link>
                      {p.mentorId ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="change" />
                          <input type="hidden" name="proposalId" value={p.id} />
                          <input type="hidden" name="mentorId" value={UNASSIGNED} />
                          <button type="submit" className="button button--secondary" aria-label={`Unassign ${p.menteeName}`}>
                            Unassign
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  ) : (
                    (p.outcome ?? "–")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {draft ? (
        <Form method="post" {...getFormProps(decisionForm)} className="form">
          <ErrorSummary form={decisionForm} fields={{}} />
          <p>Publishing makes each proposed pair a mentorship and emails both people. A mentor who has filled up since is reported, not overfilled.</p>
          <div className="button-row">
            <button type="submit" name="intent" value="publish" className="button button--primary">
              Publish {summary.assigned} matches
            </button>
            <button type="submit" name="intent" value="discard" className="button button--warning">
              Discard this run
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
