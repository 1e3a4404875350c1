import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUS_OPTIONS } from "~/modules/cohorts";
import { TableRegion } from "~/components/table-region";

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
    <TableRegion label="Your applications">
      {/* The roles keep it a table for screen readers when a phone shows the rows as cards. */}
      <table className="table--stack" role="table">
        <caption className="visually-hidden">Your applications, newest first</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Company</th>
            <th scope="col" role="columnheader">Job</th>
            <th scope="col" role="columnheader">Applied</th>
            <th scope="col" role="columnheader">Status</th>
            {editable ? (
              <th scope="col" role="columnheader">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.id} role="row">
              <td role="cell" data-label="Company">{row.company}</td>
              <td role="cell" data-label="Job">{row.role}</td>
              <td role="cell" data-label="Applied" className="nowrap">{row.appliedOnLabel}</td>
              <td role="cell" data-label="Status">
                <span className={`tag tag--${row.status}`}>{APPLICATION_STATUS_LABELS[row.status]}</span>
              </td>
              {editable ? (
                <td role="cell" className="nowrap">
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
    </TableRegion>
  );
}
