import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

export type RadioOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

/** GOV.UK-style radios: a legend, an optional hint, the error, then one labelled radio per option. */
export function RadioGroup({ meta, legend, hint, options, defaultValue }: { meta: AnyField; legend: ReactNode; hint?: ReactNode; options: RadioOption[]; defaultValue?: string }) {
  const error = meta.errors?.[0];
  const chosen = typeof meta.initialValue === "string" && meta.initialValue ? meta.initialValue : defaultValue;
  const describedBy = [hint ? meta.descriptionId : null, error ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={meta.id} tabIndex={-1} className={error ? "field field--error" : "field"} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={meta.errorId} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {options.map((option) => {
        const id = `${meta.id}-${option.value}`;
        return (
          <div key={option.value}>
            <div className="radio">
              <input
                type="radio"
                id={id}
                name={meta.name}
                value={option.value}
                defaultChecked={chosen === option.value}
                disabled={option.disabled}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
            {option.hint ? (
              <p id={`${id}-hint`} className="field__hint checkbox__hint">
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
