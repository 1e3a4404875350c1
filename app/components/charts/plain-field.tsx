import type { ReactNode } from "react";

/**
 * A field of a plain GET form (the period and the filters of a figures page): its label, its error
 * above the control, the control itself. Forms with conform use the fields in components/forms.
 */
export function PlainField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
