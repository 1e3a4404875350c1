import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ExerciseEditor } from "~/components/curriculum/exercise-editor";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { findCurriculum, changeExerciseKind, findStep, updateStep } from "~/modules/curriculum/index.server";
import { EXERCISE_KIND_LABELS, EXERCISE_KINDS, type ExerciseField, changeKindSchema, editorDefaults, exerciseFromForm, ROW_LIMITS, stepEditorSchemaFor } from "~/modules/curriculum";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.step.title ?? "step"} · Organisers' console` }];

function stepOr404(params: LoaderFunctionArgs["params"]) {
  const curriculum = findCurriculum(params.id ?? "");
  const step = curriculum ? findStep(curriculum.id, params.stepId ?? "") : undefined;
  if (!curriculum || !step) return notFound("There is no such step.");
  return { curriculum, step };
}

/** Existing rows plus blank ones for new questions, up to the limit. */
function withBlanks(rows: ExerciseField[], limit: number, blanks: number) {
  const present = rows.map((r) => ({ ...r, multiline: r.multiline ? "on" : undefined }));
  return [...present, ...Array.from({ length: Math.max(0, Math.min(blanks, limit - rows.length)) }, () => ({}))];
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { curriculum, step } = stepOr404(params);
  const defaults: Record<string, unknown> = editorDefaults(step);
  if (Array.isArray(defaults.prompts)) defaults.prompts = withBlanks(defaults.prompts, ROW_LIMITS.prompts, 2);
  if (Array.isArray(defaults.fields)) defaults.fields = withBlanks(defaults.fields, ROW_LIMITS.fields, 1);
  if (Array.isArray(defaults.placeholders)) defaults.placeholders = withBlanks(defaults.placeholders, ROW_LIMITS.placeholders, 2);
  return {
    curriculum: { id: curriculum.id, title: curriculum.title },
    step: { id: step.id, position: step.position, title: step.title },
    kind: step.exercise.kind,
    defaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const { curriculum, step } = stepOr404(params);
  const here = `/admin/curricula/${curriculum.id}/steps/${step.id}`;
  const formData = await request.formData();
  if (formData.get("intent") === "change-kind") {
    const submission = parseWithZod(formData, { schema: changeKindSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    changeExerciseKind({ actorId: actor.id, curriculumId: curriculum.id, stepId: step.id, kind: submission.value.kind });
    return redirectWithFlash(`${here}#exercise`, `The exercise is now a ${EXERCISE_KIND_LABELS[submission.value.kind].label.toLowerCase()}. Fill in its details and save.`);
  }
  const kind = step.exercise.kind;
  const submission = parseWithZod(formData, { schema: stepEditorSchemaFor(kind) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { definition } = exerciseFromForm(kind, submission.value);
  const { title, summary, body, readingMinutes } = submission.value;
  updateStep({ actorId: actor.id, curriculumId: curriculum.id, stepId: step.id, content: { title, summary, body, readingMinutes, exercise: definition! } });
  return redirectWithFlash(here, "Step saved. Participants see the change straight away.");
}

export default function EditStep() {
  const { curriculum, step, kind, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = stepEditorSchemaFor(kind);
  const [form, fields] = useForm({
    id: `step-${step.id}`,
    lastResult: (lastResult?.initialValue as { intent?: string } | undefined)?.intent === "change-kind" ? undefined : lastResult,
    // Serialised loader data loses the exercise fields' types; the editor reads them by name.
    defaultValue: defaults as Parameters<typeof useForm>[0]["defaultValue"],
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const [kindForm, kindFields] = useForm({ id: "change-kind", defaultValue: { kind } });
  const summaryFields = { title: fields.title, summary: fields.summary, readingMinutes: fields.readingMinutes, body: fields.body };
  const exerciseProblems = Object.entries(form.allErrors).filter(([name, errors]) => errors.length && !(name in summaryFields)).length;
  return (
    <>
      <p>
        <Link to={`/admin/curricula/${curriculum.id}`}>{curriculum.title}</Link>
      </p>
      <PageHeader title={`Step ${step.position}: ${step.title}`}>
        <p>
          <Link to={`/admin/curricula/${curriculum.id}/steps/${step.id}/preview`}>Preview as a participant sees it</Link>
        </p>
      </PageHeader>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={summaryFields} />
        {exerciseProblems ? (
          <p className="notice notice--error" role="alert">
            <a href="#exercise">The exercise needs attention: see the fields marked below.</a>
          </p>
        ) : null}
        <input type="hidden" name="intent" value="save" />
        <TextField meta={fields.title} label="Title" autoComplete="off" />
        <TextField meta={fields.summary} label="One-line summary" hint="Shown in the list of steps and in the email when the step opens." autoComplete="off" />
        <TextField meta={fields.readingMinutes} label="Reading time in minutes" type="number" inputMode="numeric" className="input input--short" />
        <TextAreaField
          meta={fields.body}
          label="The step's text"
          hint="Plain text with light formatting: a blank line starts a new paragraph, ## starts a heading, - starts a list item, **bold**, [link text](https://…). Write {{help_lines}} where the help lines from the organisation's settings should appear."
          rows={18}
        />
        <h2 id="exercise">Exercise: {EXERCISE_KIND_LABELS[kind].label}</h2>
        <p className="muted">{EXERCISE_KIND_LABELS[kind].hint}</p>
        <ExerciseEditor kind={kind} fields={fields as never} />
        <SubmitButton>Save step</SubmitButton>
      </Form>
      <h2>Change the kind of exercise</h2>
      <p className="measure">
        This replaces the exercise with a new one to fill in. Answers participants already gave are kept, and steps they completed stay
        complete.
      </p>
      <Form method="post" {...getFormProps(kindForm)} className="form">
        <input type="hidden" name="intent" value="change-kind" />
        <SelectField meta={kindFields.kind} label="Kind of exercise" options={EXERCISE_KINDS.map((k) => ({ value: k, label: EXERCISE_KIND_LABELS[k].label }))} />
        <SubmitButton variant="secondary">Change the exercise</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
