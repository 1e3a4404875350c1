import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { ReactNode } from "react";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import type { ExerciseDefinition, ExerciseField } from "~/modules/curriculum";

// The exercise at the end of a step, as a plain HTML form: it works with JavaScript off, and
// errors come back from the server in the summary and at each field.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;
type AnswerShape = { intent?: string; values?: Record<string, string>; items?: Record<string, string>[]; rating?: string; text?: string };
type Saveable = Exclude<ExerciseDefinition, { kind: "journal" | "application_tracker" }>;

type Props = {
  exercise: Saveable;
  /** The participant's current answer (as `readAnswer` gives it), to edit. */
  answer: Record<string, unknown>;
  lastResult?: SubmissionResult<string[]> | null;
  /** Organisers' preview: the form shows, but cannot be sent. */
  preview?: boolean;
  done?: boolean;
};

export function Intro({ text }: { text: string }) {
  return text ? <p className="measure">{text}</p> : null;
}

function Input({ meta, field }: { meta: AnyField; field: ExerciseField }) {
  return field.multiline ? (
    <TextAreaField meta={meta} label={field.label} hint={field.hint || undefined} rows={4} />
  ) : (
    <TextField meta={meta} label={field.label} hint={field.hint || undefined} autoComplete="off" />
  );
}

function defaultsFor(exercise: Saveable, answer: Record<string, unknown>): AnswerShape {
  if (exercise.kind === "list") {
    const items = Array.isArray(answer.items) ? (answer.items as Record<string, string>[]) : [];
    return { items: Array.from({ length: exercise.maxItems }, (_, i) => items[i] ?? {}) };
  }
  if (exercise.kind === "rating_text") return { rating: answer.rating == null ? undefined : String(answer.rating), text: answer.text as string };
  return answer as AnswerShape;
}

export function ExerciseForm({ exercise, answer, lastResult, preview, done }: Props) {
  const [form, fields] = useForm<AnswerShape>({
    id: "exercise",
    lastResult: lastResult ?? undefined,
    defaultValue: defaultsFor(exercise, answer),
    shouldValidate: "onBlur",
  });
  const summary: Record<string, AnyField> = {};
  let body: ReactNode;
  switch (exercise.kind) {
    case "reflection":
    case "email_draft": {
      const values = fields.values.getFieldset() as Record<string, AnyField>;
      const list = exercise.kind === "reflection" ? exercise.prompts : exercise.placeholders;
      for (const field of list) summary[field.key] = values[field.key];
      body = list.map((field) => <Input key={field.key} meta={values[field.key]} field={{ ...field, multiline: exercise.kind === "reflection" || field.multiline }} />);
      break;
    }
    case "list": {
      const items = fields.items.getFieldList();
      summary.items = fields.items;
      const listError = fields.items.errors?.[0];
      const rows = items.map((item, index) => {
        const itemFields = item.getFieldset() as Record<string, AnyField>;
        exercise.fields.forEach((f) => (summary[`${index}.${f.key}`] = itemFields[f.key]));
        return (
          <fieldset key={item.key} className="exercise-item">
            <legend>
              {exercise.itemLabel} {index + 1}
              {index >= exercise.minItems ? <span className="muted"> (optional)</span> : null}
            </legend>
            {exercise.fields.map((field) => (
              <Input key={field.key} meta={itemFields[field.key]} field={field} />
            ))}
          </fieldset>
        );
      });
      body = (
        <div id={fields.items.id} tabIndex={-1} className={listError ? "field--error" : undefined}>
          {listError ? <p className="field__error">{listError}</p> : null}
          {rows}
        </div>
      );
      break;
    }
    case "rating_text": {
      summary.rating = fields.rating;
      summary.text = fields.text;
      const error = fields.rating.errors?.[0];
      body = (
        <>
          <fieldset id={fields.rating.id} tabIndex={-1} className={error ? "field field--error" : "field"} aria-describedby={`${fields.rating.id}-scale`}>
            <legend>{exercise.ratingLabel}</legend>
            <p id={`${fields.rating.id}-scale`} className="field__hint">
              1 = {exercise.lowLabel}, 5 = {exercise.highLabel}
            </p>
            {error ? <p className="field__error">{error}</p> : null}
            <div className="rating">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="rating__option">
                  <input type="radio" name={fields.rating.name} value={n} defaultChecked={String(fields.rating.initialValue) === String(n)} />
                  {n}
                </label>
              ))}
            </div>
          </fieldset>
          <TextAreaField meta={fields.text} label={exercise.textPrompt.label} hint={exercise.textPrompt.hint || undefined} rows={4} />
        </>
      );
      break;
    }
    case "future_note":
      summary.text = fields.text;
      body = <TextAreaField meta={fields.text} label={exercise.prompt.label} hint={exercise.prompt.hint || undefined} rows={6} />;
      break;
  }
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={summary} />
      <input type="hidden" name="intent" value="save" />
      {body}
      {preview ? (
        <p className="notice">Participants save their answer here. This preview does not save anything.</p>
      ) : (
        <SubmitButton>{done ? "Save my changes" : "Save and complete this step"}</SubmitButton>
      )}
    </Form>
  );
}
