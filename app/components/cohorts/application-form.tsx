import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUS_OPTIONS } from "~/modules/cohorts";

type Values = { company?: string; role?: string; appliedOn?: string; status?: string };

/** Add or change one application in the tracker; a plain form that works without JavaScript. */
export function ApplicationForm({
  id,
  intent,
  values,
  lastResult,
  submitLabel,
  action,
  disabled,
}: {
  id: string;
  intent: "add-application" | "update-application";
  values?: Values & { id?: string };
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  action?: string;
  disabled?: boolean;
}) {
  const [form, fields] = useForm<Values>({ id, lastResult: lastResult ?? undefined, defaultValue: values ?? { status: "applied" }, shouldValidate: "onBlur" });
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={{ company: fields.company, role: fields.role, appliedOn: fields.appliedOn, status: fields.status }} />
      <input type="hidden" name="intent" value={intent} />
      {values?.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <TextField meta={fields.company} label="Company or organisation" autoComplete="organization" />
      <TextField meta={fields.role} label="Job title" autoComplete="off" />
      <TextField meta={fields.appliedOn} label="Date you applied" type="date" />
      <SelectField meta={fields.status} label="Where it stands" options={APPLICATION_STATUS_OPTIONS} />
      {disabled ? <p className="notice">Participants add their applications here. This preview does not save anything.</p> : <SubmitButton>{submitLabel}</SubmitButton>}
    </Form>
  );
}

export type ApplicationRow = { id: string; company: string; role: string; appliedOn: string; appliedOnLabel: string; status: keyof typeof APPLICATION_STATUS_LABELS };

/** The person's applications as a table: newest first. */
export function ApplicationTable({ rows, editable }: { rows: ApplicationRow[]; editable?: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Your applications, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Job</th>
            <th scope="col">Applied</th>
            <th scope="col">Status</th>
            {editable ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.company}</td>
              <td>{row.role}</td>
              <td className="nowrap">{row.appliedOnLabel}</td>
              <td>
                <span className={`tag tag--${row.status}`}>{APPLICATION_STATUS_LABELS[row.status]}</span>
              </td>
              {editable ? (
                <td className="nowrap">
                  <a href={`/me/applications?edit=${row.id}#edit`}>
                    Change<span className="visually-hidden"> {row.company}</span>
                  </a>
                  {" · "}
                  <Form method="post" action="/me/applications" className="inline-form">
                    <input type="hidden" name="intent" value="delete-application" />
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" className="link-button">
                      Delete<span className="visually-hidden"> {row.company}</span>
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
