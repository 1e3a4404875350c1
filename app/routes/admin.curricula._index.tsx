import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireRole } from "~/routes/helpers/session.server";
import { curriculaWithCohortCounts } from "~/modules/cohorts/index.server";
import { createCurriculum, findCurriculum } from "~/modules/curriculum/index.server";
import { createCurriculumSchema } from "~/modules/curriculum";

export const meta: MetaFunction = () => [{ title: "Curricula · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  return { curricula: curriculaWithCohortCounts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: createCurriculumSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { title, summary, copyFromId } = submission.value;
  if (copyFromId && !findCurriculum(copyFromId)) return data(submission.reply({ fieldErrors: { copyFromId: ["Choose a curriculum from the list"] } }), { status: 400 });
  const id = createCurriculum({ actorId: actor.id, title, summary, copyFromId: copyFromId || null });
  return redirectWithFlash(`/admin/curricula/${id}`, `Curriculum “${title}” created.`);
}

export default function Curricula() {
  const { curricula } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-curriculum",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createCurriculumSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link>
      </p>
      <PageHeader title="Curricula" lead="The steps cohorts walk through. Edit the text and exercises, reorder steps, or start a new curriculum." />
      <ul className="card-grid">
        {curricula.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/admin/curricula/${c.id}`}>{c.title}</Link>
            </h2>
            <p>{c.summary}</p>
            <p className="muted">
              {c.steps} step{c.steps === 1 ? "" : "s"} · used by {c.cohorts} cohort{c.cohorts === 1 ? "" : "s"}
              {c.sourceSlug ? " · comes with Steppingstone" : ""}
            </p>
          </li>
        ))}
      </ul>
      <h2>Create a curriculum</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ title: fields.title, summary: fields.summary, copyFromId: fields.copyFromId }} />
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.title} label="Title" autoComplete="off" />
        <TextAreaField meta={fields.summary} label="Summary" hint="One or two sentences that say who it is for and what it does." rows={3} />
        <SelectField
          meta={fields.copyFromId}
          label="Start from"
          hint="A copy keeps the original as it is."
          options={[{ value: "", label: "An empty curriculum" }, ...curricula.map((c) => ({ value: c.id, label: `A copy of “${c.title}”` }))]}
        />
        <SubmitButton>Create curriculum</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
