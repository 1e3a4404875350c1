import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldError } from "./forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

type ChoiceProps = { meta: AnyField; legend: ReactNode; hint?: ReactNode; children: ReactNode };

/**
 * GOV.UK-style group: a legend, an optional hint, the error, then the choices. The fieldset carries
 * the field's id so the error summary can link to it.
 */
export function ChoiceFieldset({ meta, legend, hint, children }: ChoiceProps) {
  const error = meta.errors?.[0];
  const describedBy = [hint ? meta.descriptionId : null, error ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={meta.id} tabIndex={-1} className={error ? "field field--error" : "field"} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={meta.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError meta={meta} />
      {children}
    </fieldset>
  );
}

/** One labelled radio per option, each with an optional hint of its own. */
export function RadioGroup({ meta, legend, hint, options, defaultValue }: Omit<ChoiceProps, "children"> & { options: readonly ChoiceOption[]; defaultValue?: string }) {
  const chosen = typeof meta.initialValue === "string" && meta.initialValue ? meta.initialValue : defaultValue;
  return (
    <ChoiceFieldset meta={meta} legend={legend} hint={hint}>
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
    </ChoiceFieldset>
  );
}

/** A checkbox per option for one array field. */
export function CheckboxGroup({ meta, legend, hint, options }: Omit<ChoiceProps, "children"> & { options: readonly { value: string; label: string }[] }) {
  const inputs = getCollectionProps(meta, { type: "checkbox", options: options.map((o) => o.value) });
  return (
    <ChoiceFieldset meta={meta} legend={legend} hint={hint}>
      {inputs.map(({ key, ...props }, index) => (
        <div className="checkbox" key={key}>
          <input {...props} />
          <label htmlFor={props.id}>{options[index]!.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}
