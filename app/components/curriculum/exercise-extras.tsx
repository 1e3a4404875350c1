import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { ApplicationForm, ApplicationTable, type ApplicationRow } from "../cohorts/application-form";
import type { ExerciseDefinition } from "~/modules/curriculum";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

/** The participant's email, built from their answers: select-and-copy text, and a mail-app link. */
export function EmailDraftResult({ subject, body, mailto }: { subject: string; body: string; mailto: string }) {
  return (
    <section aria-labelledby="draft-title" className="draft">
      <h2 id="draft-title">Your email</h2>
      <p>Copy it into your email, or open it straight in your mail app and add the address.</p>
      <div className="field">
        <label htmlFor="draft-subject" className="field__label">
          Subject
        </label>
        <input id="draft-subject" className="input" readOnly value={subject} />
      </div>
      <div className="field">
        <label htmlFor="draft-body" className="field__label">
          Email text
        </label>
        <p className="field__hint" id="draft-body-hint">
          To copy: tap in the box, select all, then copy.
        </p>
        <textarea id="draft-body" className="textarea" readOnly rows={12} value={body} aria-describedby="draft-body-hint" />
      </div>
      <p>
        <a className="button button--secondary" href={mailto}>
          Open in my mail app
        </a>
      </p>
    </section>
  );
}

type JournalProps = {
  exercise: Extract<ExerciseDefinition, { kind: "journal" }>;
  entries: { id: string; when: string; values: Record<string, string> }[];
  lastResult?: SubmissionResult<string[]> | null;
  preview?: boolean;
};

/** Dated entries, newest first, and a form to add one. */
export function JournalSection({ exercise, entries, lastResult, preview }: JournalProps) {
  const [form, fields] = useForm<{ intent?: string; values?: Record<string, string> }>({ id: "journal", lastResult: lastResult ?? undefined, shouldValidate: "onBlur" });
  const values = fields.values.getFieldset() as Record<string, AnyField>;
  const summary = Object.fromEntries(exercise.fields.map((f) => [f.key, values[f.key]]));
  return (
    <>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} fields={summary} />
        <input type="hidden" name="intent" value="add-entry" />
        <h3>Add a new {exercise.entryLabel.toLowerCase()}</h3>
        {exercise.fields.map((field) =>
          field.multiline ? (
            <TextAreaField key={field.key} meta={values[field.key]} label={field.label} hint={field.hint || undefined} rows={3} />
          ) : (
            <TextField key={field.key} meta={values[field.key]} label={field.label} hint={field.hint || undefined} autoComplete="off" />
          ),
        )}
        {preview ? <p className="notice">Participants add entries here. This preview does not save anything.</p> : <SubmitButton>Add {exercise.entryLabel.toLowerCase()}</SubmitButton>}
      </Form>
      {entries.length ? (
        <>
          <h3>Your entries</h3>
          <ol className="entries" reversed>
            {entries.map((entry) => (
              <li key={entry.id} className="card">
                <p className="muted">{entry.when}</p>
                <dl>
                  {exercise.fields.map((field) =>
                    entry.values[field.key] ? (
                      <div key={field.key}>
                        <dt>{field.label}</dt>
                        <dd className="pre-line">{entry.values[field.key]}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

type TrackerProps = {
  exercise: Extract<ExerciseDefinition, { kind: "application_tracker" }>;
  applications: ApplicationRow[];
  lastResult?: SubmissionResult<string[]> | null;
  preview?: boolean;
  done?: boolean;
};

/** The person's applications and a form to log one; enough applications complete the step. */
export function TrackerSection({ exercise, applications, lastResult, preview, done }: TrackerProps) {
  const enough = applications.length >= exercise.minEntries;
  return (
    <>
      <p>
        You have logged {applications.length} application{applications.length === 1 ? "" : "s"}
        {enough ? "." : `; log ${exercise.minEntries - applications.length} more to complete this step.`} Your tracker stays yours after the
        programme ends: find it any time at <a href="/me/applications">My applications</a>.
      </p>
      {applications.length ? <ApplicationTable rows={applications} /> : null}
      <h3>Log an application</h3>
      <ApplicationForm id="application" intent="add-application" lastResult={lastResult} submitLabel="Add to my tracker" disabled={preview} />
      {enough && !done && !preview ? (
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
          <SubmitButton variant="secondary">Mark this step as done</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
