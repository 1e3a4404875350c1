import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, FieldError, SelectField, SubmitButton } from "~/components/forms";
import { TableRegion } from "~/components/table-region";
import { DATE_ORDER_LABELS, DATE_ORDERS, statementMappingSchema, statementUploadSchema } from "~/modules/sponsorship";
import { SUPPORTED_CURRENCIES } from "~/utils/money";

type Result = SubmissionResult<string[]> | undefined;

/** Step one: the statement file as the bank exported it. */
export function StatementUploadForm({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useForm({
    id: "statement-upload",
    lastResult,
    defaultValue: { currency: "NGN" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statementUploadSchema }),
    shouldValidate: "onBlur",
    // Choosing another file clears its error at once, not on the blur that a click on the button
    // causes (the page would move under the pointer and the click be lost).
    shouldRevalidate: "onInput",
  });
  const { key, ...fileProps } = getInputProps(fields.file, { type: "file", ariaDescribedBy: fields.file.descriptionId });
  return (
    <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ file: fields.file, currency: fields.currency }} />
      <input type="hidden" name="intent" value="upload" />
      <div className={fields.file.errors?.length ? "field field--error" : "field"}>
        <label htmlFor={fields.file.id} className="field__label">
          Statement file (CSV)
        </label>
        <p id={fields.file.descriptionId} className="field__hint">
          From your bank's internet banking: export the account's statement as CSV (up to 2 MB). GTBank, First Bank, UBA, Access and Zenith
          layouts are read as they are; for any other, you choose the columns once.
        </p>
        <FieldError meta={fields.file} />
        <input key={key} {...fileProps} accept=".csv,text/csv" className="input" />
      </div>
      <SelectField meta={fields.currency} label="Currency of the account" options={SUPPORTED_CURRENCIES} />
      <SubmitButton>Upload and match</SubmitButton>
    </Form>
  );
}

export type MappingStep = { fileName: string; fileData: string; currency: string; headers: string[]; sample: string[][] };

/** Step two, for a layout we do not know: which column holds the date, the words, and the money. */
export function ColumnMappingForm({ step, lastResult }: { step: MappingStep; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "statement-columns",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statementMappingSchema }),
    shouldValidate: "onBlur",
  });
  const columns = step.headers.map((heading, index) => ({ value: String(index), label: heading || `Column ${index + 1}` }));
  const choose = { value: "", label: "Choose a column" };
  const none = { value: "", label: "None" };
  return (
    <section aria-labelledby="columns-title">
      <h2 id="columns-title">Which column is which?</h2>
      <p className="measure">
        We do not know the layout of <strong className="wrap-anywhere">{step.fileName}</strong>. Say which column holds each thing; the next
        statement with the same headings is read the same way.
      </p>
      <TableRegion label="The first lines of the file">
        <table>
          <caption>The first lines of the file</caption>
          <thead>
            <tr>
              {step.headers.map((heading, index) => (
                <th scope="col" key={index}>
                  {heading || `Column ${index + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {step.sample.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {step.headers.map((_, index) => (
                  <td key={index}>{row[index] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{ dateColumn: fields.dateColumn, narrationColumn: fields.narrationColumn, creditColumn: fields.creditColumn, debitColumn: fields.debitColumn, balanceColumn: fields.balanceColumn, dateOrder: fields.dateOrder }}
        />
        <input type="hidden" name="intent" value="map" />
        <input type="hidden" name="currency" value={step.currency} />
        <input type="hidden" name="fileName" value={step.fileName} />
        <input type="hidden" name="fileData" value={step.fileData} />
        <SelectField meta={fields.dateColumn} label="Date of the transaction" options={[choose, ...columns]} />
        <SelectField meta={fields.dateOrder} label="How the dates are written" options={DATE_ORDERS.map((order) => ({ value: order, label: DATE_ORDER_LABELS[order] }))} />
        <SelectField meta={fields.narrationColumn} label="Description (narration or remarks)" hint="Where the donor's reference appears." options={[choose, ...columns]} />
        <SelectField meta={fields.creditColumn} label="Money paid in (credit)" options={[choose, ...columns]} />
        <SelectField meta={fields.debitColumn} label="Money paid out (debit), if it has its own column" options={[none, ...columns]} />
        <SelectField meta={fields.balanceColumn} label="Balance, if there is one" hint="Helps tell apart two identical transfers on the same day." options={[none, ...columns]} />
        <SubmitButton>Read the statement with these columns</SubmitButton>
      </Form>
    </section>
  );
}
