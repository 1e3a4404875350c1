import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { cohortChoicesWithMembers } from "~/modules/cohorts/index.server";
import { createMatchRun, listRuns, waitingMenteeIds, type MenteePool } from "~/modules/mentoring/index.server";
import { runMatchSchema } from "~/modules/mentoring";
import { getOrganisation } from "~/modules/organisation/index.server";
import { TableRegion } from "~/components/table-region";
import { SHORT_LIST_LENGTH } from "~/utils/short-list";

export const meta: MetaFunction = () => [{ title: "Match a group · Organisers' console" }];

const STATUS_LABELS = { draft: "Waiting for review", published: "Published", discarded: "Discarded" } as const;

const LONGEST_FIND = 100;

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const find = (new URL(request.url).searchParams.get("find") ?? "").trim().slice(0, LONGEST_FIND);
  const waiting = waitingMenteeIds().length;
  // A short list of cohorts (the latest, or those whose name contains what was typed), counted for those only.
  const cohorts = cohortChoicesWithMembers({ find, chosen: [], limit: SHORT_LIST_LENGTH });
  const pools = [
    { value: "waiting", label: `Every participant with a mentee profile and no mentor (${waiting})` },
    ...cohorts.choices.map((c) => ({ value: `cohort:${c.id}`, label: `Cohort: ${c.name} (${c.members} members)` })),
  ];
  const runs = listRuns().map((r) => ({ ...r, status: STATUS_LABELS[r.status], created: formatInstant(r.createdAt, timeZone) }));
  return { pools, runs, find, more: cohorts.more, found: cohorts.choices.length };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: runMatchSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { pool: value } = submission.value;
  const pool: MenteePool = value === "waiting" ? { kind: "waiting" } : { kind: "cohort", cohortId: value.slice("cohort:".length) };
  const result = createMatchRun({ actorId: actor.id, pool });
  if (!result.ok) return data(submission.reply({ fieldErrors: { pool: [result.message] } }), { status: 400 });
  return redirectWithFlash(
    `/admin/mentoring/match/${result.runId}`,
    `Proposals ready: ${result.assigned} of ${result.proposals} mentees have a mentor. Nothing is sent until you publish.`,
  );
}

export default function MatchGroup() {
  const { pools, runs, find, more, found } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "run-match",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: runMatchSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin/mentoring">Mentoring</Link>
      </p>
      <PageHeader
        title="Match a group"
        lead="Pick the mentees, and we propose the best overall pairing within each mentor's places: as many mentees as possible get a mentor, with the best total fit. You review and change it before anything is sent."
      />
      {more || find ? (
        <Form method="get" className="form" role="search">
          <div className="field">
            <label htmlFor="cohort-find" className="field__label">
              Find a cohort by name
            </label>
            <p id="cohort-find-hint" className="field__hint">
              The list below holds the {SHORT_LIST_LENGTH} cohorts that started last. Type part of a name and press Find to list others.
            </p>
            <input id="cohort-find" name="find" type="search" className="input" defaultValue={find} maxLength={LONGEST_FIND} aria-describedby="cohort-find-hint" />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--secondary">
              Find
            </button>
            {find ? <Link to="/admin/mentoring/match">Show the latest cohorts</Link> : null}
          </div>
          {find ? (
            <p aria-live="polite">{found ? `${found} ${found === 1 ? "cohort" : "cohorts"} found for “${find}”${more ? `, the ${SHORT_LIST_LENGTH} that started last listed` : ""}.` : `No cohort's name contains “${find}”.`}</p>
          ) : null}
        </Form>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ pool: fields.pool }} />
        <SelectField meta={fields.pool} label="Who to match" hint="People who already have an active mentor are left out." options={pools} />
        <SubmitButton>Propose matches</SubmitButton>
      </Form>
      <h2>Matching runs</h2>
      {runs.length ? (
        <TableRegion label="Matching runs">
          <table>
            <caption className="visually-hidden">Matching runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Created</th>
                <th scope="col">Mentees with a mentor</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/admin/mentoring/match/${r.id}`}>{r.label}</Link>
                  </td>
                  <td className="nowrap">{r.created}</td>
                  <td>
                    {r.assigned} of {r.proposals}
                  </td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No runs yet">
          <p>Choose a group above to see proposed matches.</p>
        </EmptyState>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
