import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { CohortFields, cohortSummaryFields, type CohortFieldMetas } from "~/components/cohorts/cohort-fields";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { createCohort, facilitatorOptions, listCohorts, todayForCohorts } from "~/modules/cohorts/index.server";
import { createCohortSchema } from "~/modules/cohorts";
import { builtInCurriculumId, findCurriculum, listCurricula } from "~/modules/curriculum/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { Pagination } from "~/components/pagination";
import { TableRegion } from "~/components/table-region";
import { pageAsked } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Cohorts · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { timeZone } = getOrganisation();
  const curricula = listCurricula();
  const page = pageAsked(new URL(request.url).searchParams);
  const list = listCohorts({ page });
  const cohorts = list.cohorts.map(({ nextReleaseAt, ...c }) => ({
    ...c,
    nextRelease: nextReleaseAt === null ? null : formatInstant(nextReleaseAt, timeZone),
    completion: Math.round(c.completion * 100),
  }));
  return {
    cohorts,
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    curricula: curricula.map((c) => ({ id: c.id, title: c.title, steps: c.steps })),
    facilitators: facilitatorOptions(),
    timeZone,
    defaults: {
      curriculumId: builtInCurriculumId() ?? curricula[0]?.id ?? "",
      startDate: todayForCohorts(),
      scheduleKind: "interval",
      everyDays: "2",
      weekday: "1",
      hour: "9",
      capacity: "30",
      nudgeAfterDays: "3",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: createCohortSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { curriculumId, ...values } = submission.value;
  if (!findCurriculum(curriculumId)) return data(submission.reply({ fieldErrors: { curriculumId: ["Choose a curriculum from the list"] } }), { status: 400 });
  const id = createCohort({ actorId: actor.id, curriculumId, values });
  return redirectWithFlash(`/admin/cohorts/${id}`, `Cohort “${values.name}” created. Share its join code or invite people below.`);
}

export default function Cohorts() {
  const { cohorts, total, page, pageCount, curricula, facilitators, timeZone, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-cohort",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createCohortSchema }),
    shouldValidate: "onBlur",
  });
  const maxSteps = Math.max(1, ...curricula.map((c) => c.steps));
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Cohorts" lead="Groups walking a curriculum together, one step at a time." />
      {cohorts.length ? (
        <>
          {pageCount > 1 ? (
            <p className="muted">
              {total.toLocaleString("en-GB")} cohorts, latest start first: page {page} of {pageCount}.
            </p>
          ) : null}
          <TableRegion label="Cohorts">
            <table>
              <caption className="visually-hidden">
                Cohorts, latest start first{pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Cohort</th>
                  <th scope="col">Starts</th>
                  <th scope="col">Members</th>
                  <th scope="col">Steps open</th>
                  <th scope="col">Next step opens</th>
                  <th scope="col">Completion</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/admin/cohorts/${c.id}`}>{c.name}</Link>
                      <br />
                      <span className="muted">{c.curriculumTitle}</span>
                    </td>
                    <td className="nowrap">{c.startDate}</td>
                    <td>
                      {c.members} of {c.capacity}
                    </td>
                    <td>
                      {c.openSteps} of {c.steps}
                    </td>
                    <td>{c.nextRelease ?? "All open"}</td>
                    <td>{c.completion}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination page={page} pageCount={pageCount} label="Pages of cohorts" />
        </>
      ) : (
        <EmptyState title="No cohorts yet">
          <p>Create the first one below.</p>
        </EmptyState>
      )}
      <h2>Create a cohort</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ curriculumId: fields.curriculumId, ...cohortSummaryFields(fields as unknown as CohortFieldMetas) }} />
        <input type="hidden" name="intent" value="save" />
        <SelectField meta={fields.curriculumId} label="Curriculum" options={curricula.map((c) => ({ value: c.id, label: `${c.title} (${c.steps} steps)` }))} />
        <CohortFields fields={fields as unknown as CohortFieldMetas} stepCount={maxSteps} facilitators={facilitators} timeZone={timeZone} />
        <SubmitButton>Create cohort</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
