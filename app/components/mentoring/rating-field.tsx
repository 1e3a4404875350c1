import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { RATING_LABELS } from "~/modules/mentoring/mentorship-schemas";

/** Five radio buttons, 1 to 5, in a fieldset with its error GOV.UK style. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function RatingField({ meta, legend }: { meta: FieldMetadata<any, any, any>; legend: string }) {
  const error = meta.errors?.[0];
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={error ? meta.errorId : undefined}>
        <legend className="field__label">{legend}</legend>
        {error ? (
          <p id={meta.errorId} className="field__error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        {RATING_LABELS.map((label, index) => {
          const value = String(index + 1);
          // Conform's key is the field's, the same for all five: each radio needs its own.
          const { key: _fieldKey, ...props } = getInputProps(meta, { type: "radio", value });
          const id = index === 0 ? meta.id : `${meta.id}-${value}`;
          return (
            <div className="radio" key={value}>
              <input {...props} id={id} />
              <label htmlFor={id}>{label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
