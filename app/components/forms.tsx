import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Forms follow the GOV.UK pattern: a label above each field, a hint, the error at the
// field, and a summary at the top linking to each field in error.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyForm = FormMetadata<any, string[]>;

/** List the fields in page order, e.g. `fields={{ email: fields.email }}`: conform's `fields` is a proxy that cannot be enumerated. */
export function ErrorSummary({ form, fields }: { form: AnyForm; fields: Record<string, AnyField> }) {
  const fieldErrors = Object.values(fields).filter((field) => field.errors?.length);
  const formErrors: string[] = form.errors ?? [];
  if (!fieldErrors.length && !formErrors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${form.id}-error-summary-title`} tabIndex={-1}>
      <h2 id={`${form.id}-error-summary-title`}>There is a problem</h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldErrors.map((field) => (
          <li key={field.name}>
            <a href={`#${field.id}`}>{field.errors![0]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The first error of a field, announced with an "Error:" prefix for screen readers; nothing when valid. */
export function FieldError({ meta }: { meta: AnyField }) {
  const error = meta.errors?.[0];
  if (!error) return null;
  return (
    <p id={meta.errorId} className="field__error">
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

type FieldShellProps = { meta: AnyField; label: ReactNode; hint?: ReactNode; children: ReactNode };

function FieldShell({ meta, label, hint, children }: FieldShellProps) {
  const error = meta.errors?.[0];
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={meta.id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError meta={meta} />
      {children}
    </div>
  );
}

type InputType = "text" | "email" | "password" | "tel" | "url" | "number" | "date" | "datetime-local" | "time" | "search";

type TextFieldProps = {
  meta: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: InputType;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "defaultValue" | "form">;

export function TextField({ meta, label, hint, type = "text", className, ...rest }: TextFieldProps) {
  const { key, ...props } = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <input key={key} {...props} {...rest} className={className ?? "input"} />
    </FieldShell>
  );
}

const PASSWORD_HINT = "At least 8 characters. Three random words make a strong password that is easy to remember.";

/** A field for choosing a password, with the advice every such form gives. */
export function NewPasswordField({ meta, label = "Create a password" }: { meta: AnyField; label?: ReactNode }) {
  return <TextField meta={meta} label={label} hint={PASSWORD_HINT} type="password" autoComplete="new-password" />;
}

type TextAreaFieldProps = {
  meta: AnyField;
  label: ReactNode;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue" | "form">;

export function TextAreaField({ meta, label, hint, rows = 5, ...rest }: TextAreaFieldProps) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <textarea key={key} {...props} {...rest} rows={rows} className="textarea" />
    </FieldShell>
  );
}

type SelectFieldProps = {
  meta: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly (string | { value: string; label: string })[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "defaultValue" | "form">;

export function SelectField({ meta, label, hint, options, ...rest }: SelectFieldProps) {
  const { key, ...props } = getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <select key={key} {...props} {...rest} className="select">
        {options.map((option) => {
          const { value, label: text } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label beside it, the error above, GOV.UK style. */
export function CheckboxField({ meta, label, hint }: { meta: AnyField; label: ReactNode; hint?: ReactNode }) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <div className={meta.errors?.length ? "field field--error" : "field"}>
      <FieldError meta={meta} />
      <div className="checkbox">
        <input key={key} {...props} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint checkbox__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pending, variant = "primary" }: { children: ReactNode; pending?: boolean; variant?: "primary" | "secondary" | "warning" }) {
  return (
    <button type="submit" className={`button button--${variant}`} aria-disabled={pending || undefined}>
      {children}
    </button>
  );
}
