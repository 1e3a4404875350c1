import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { CohortFields, cohortDefaults, cohortSummaryFields, type CohortFieldMetas } from "~/components/cohorts/cohort-fields";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { cohortOr404 } from "~/routes/helpers/cohort.server";
import { facilitatorOptions, updateCohort, cohortSteps, isReleased } from "~/modules/cohorts/index.server";
import { cohortSettingsSchema } from "~/modules/cohorts";
import { getOrganisation } from "~/modules/organisation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Settings: ${data?.name ?? "cohort"} · Organisers' console` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { cohort, curriculumTitle } = cohortOr404(params.id);
  const { timeZone } = getOrganisation();
  const steps = cohortSteps(cohort.id, cohort.curriculumId).map((s) => ({
    position: s.position,
    title: s.title,
    opens: s.releaseAt === null ? null : formatInstant(s.releaseAt, timeZone),
    open: isReleased(s.releaseAt),
  }));
  return {
    id: cohort.id,
    name: cohort.name,
    curriculumTitle,
    steps,
    defaults: cohortDefaults(cohort, steps.length),
    facilitators: facilitatorOptions(),
    timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const { cohort } = cohortOr404(params.id);
  const submission = parseWithZod(await request.formData(), { schema: cohortSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  updateCohort({ actorId: actor.id, cohortId: cohort.id, values: submission.value });
  return redirectWithFlash(`/admin/cohorts/${cohort.id}/settings`, "Saved. Steps not yet open follow the new schedule.");
}

export default function CohortSettings() {
  const { id, name, curriculumTitle, steps, defaults, facilitators, timeZone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "cohort-settings",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cohortSettingsSchema }),
    shouldValidate: "onBlur",
  });
  const metas = fields as unknown as CohortFieldMetas;
  return (
    <>
      <p>
        <Link to={`/admin/cohorts/${id}`}>{name}</Link>
      </p>
      <PageHeader title="Settings and schedule" lead={`${name} · ${curriculumTitle}`} />
      <h2>When each step opens</h2>
      <ol className="step-list">
        {steps.map((s) => (
          <li key={s.position} value={s.position}>
            {s.title} <span className="muted">· {s.open ? `opened ${s.opens}` : s.opens ? `opens ${s.opens}` : "no date yet"}</span>
          </li>
        ))}
      </ol>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={cohortSummaryFields(metas)} />
        <input type="hidden" name="intent" value="save" />
        <CohortFields fields={metas} stepCount={steps.length} facilitators={facilitators} timeZone={timeZone} />
        <SubmitButton>Save settings</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
