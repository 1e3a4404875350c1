import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "react-router";
import { data } from "react-router";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { findCurriculum, stepsOf, updateCurriculum } from "~/modules/curriculum/index.server";
import { EXERCISE_KIND_LABELS, addStepSchema, curriculumDetailsSchema, stepChangeSchema } from "~/modules/curriculum";
import { addStep, answerCounts, moveStep, removeStep } from "~/modules/cohorts/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.curriculum.title ?? "Curriculum"} · Organisers' console` }];

function curriculumOr404(id: string | undefined) {
  const curriculum = findCurriculum(id ?? "");
  if (!curriculum) return notFound("There is no such curriculum.");
  return curriculum;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const curriculum = curriculumOr404(params.id);
  const answered = answerCounts(curriculum.id);
  const steps = stepsOf(curriculum.id).map((s) => ({
    id: s.id,
    position: s.position,
    title: s.title,
    kind: EXERCISE_KIND_LABELS[s.exercise.kind].label,
    answered: answered.get(s.id) ?? 0,
  }));
  return { curriculum: { id: curriculum.id, title: curriculum.title, summary: curriculum.summary }, steps };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const curriculum = curriculumOr404(params.id);
  const here = `/admin/curricula/${curriculum.id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "details") {
    const submission = parseWithZod(formData, { schema: curriculumDetailsSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    updateCurriculum({ actorId: actor.id, id: curriculum.id, ...submission.value });
    return redirectWithFlash(here, "Saved.");
  }
  if (intent === "add-step") {
    parseWithZod(formData, { schema: addStepSchema });
    const id = addStep({ actorId: actor.id, curriculumId: curriculum.id });
    return id
      ? redirectWithFlash(`${here}/steps/${id}`, "Step added at the end. Write its text and exercise here.")
      : redirectWithFlash(here, { kind: "error", message: "This curriculum has as many steps as it can hold." });
  }
  const submission = parseWithZod(formData, { schema: stepChangeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent: change, stepId } = submission.value;
  if (change === "remove") {
    const outcome = removeStep({ actorId: actor.id, curriculumId: curriculum.id, stepId });
    return redirectWithFlash(here, outcome.ok ? "Step removed. Cohorts following this curriculum have the new order." : { kind: "error", message: outcome.message });
  }
  moveStep({ actorId: actor.id, curriculumId: curriculum.id, stepId, direction: change === "move-up" ? "up" : "down" });
  return redirectWithFlash(`${here}#step-${stepId}`, "Order saved.");
}

function StepButton({ intent, stepId, label, hidden }: { intent: string; stepId: string; label: string; hidden: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="stepId" value={stepId} />
      <button type="submit" className={intent === "remove" ? "link-button link-button--danger" : "link-button"}>
        {label}
        <span className="visually-hidden"> {hidden}</span>
      </button>
    </Form>
  );
}

export default function CurriculumPage() {
  const { curriculum, steps } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "details",
    lastResult,
    defaultValue: { title: curriculum.title, summary: curriculum.summary },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: curriculumDetailsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin/curricula">Curricula</Link>
      </p>
      <PageHeader title={curriculum.title} lead="Changes show to every cohort following this curriculum. Steps that have opened keep their opening time." />
      <h2>Steps</h2>
      <ol className="admin-steps">
        {steps.map((step, index) => (
          <li key={step.id} id={`step-${step.id}`} className="admin-steps__item">
            <div>
              <Link to={`/admin/curricula/${curriculum.id}/steps/${step.id}`}>{step.title}</Link>
              <span className="muted">
                {" "}
                · {step.kind}
                {step.answered ? ` · answered by ${step.answered}` : ""}
              </span>
            </div>
            <div className="admin-steps__actions">
              <Link to={`/admin/curricula/${curriculum.id}/steps/${step.id}/preview`}>
                Preview<span className="visually-hidden"> {step.title}</span>
              </Link>
              {index > 0 ? <StepButton intent="move-up" stepId={step.id} label="Move up" hidden={step.title} /> : null}
              {index < steps.length - 1 ? <StepButton intent="move-down" stepId={step.id} label="Move down" hidden={step.title} /> : null}
              {step.answered ? null : <StepButton intent="remove" stepId={step.id} label="Remove" hidden={step.title} />}
            </div>
          </li>
        ))}
      </ol>
      <Form method="post">
        <input type="hidden" name="intent" value="add-step" />
        <SubmitButton variant="secondary">Add a step at the end</SubmitButton>
      </Form>
      <h2>Title and summary</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={{ title: fields.title, summary: fields.summary }} />
        <input type="hidden" name="intent" value="details" />
        <TextField meta={fields.title} label="Title" autoComplete="off" />
        <TextAreaField meta={fields.summary} label="Summary" rows={3} />
        <SubmitButton>Save title and summary</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
