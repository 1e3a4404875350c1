import type { FieldMetadata } from "@conform-to/react";
import { CheckboxGroup } from "~/components/choice-fields";
import { FieldError, TextField } from "~/components/forms";
import { DAY_NAMES, DAY_PARTS, FORMAT_LABELS, FORMAT_OPTIONS, LANGUAGES, slotValue } from "~/modules/mentoring";
import { TableRegion } from "~/components/table-region";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

export function LanguageFields({ languages, otherLanguages }: { languages: AnyField; otherLanguages: AnyField }) {
  return (
    <>
      <CheckboxGroup meta={languages} legend="Languages" hint="Tick every language you are comfortable in." options={LANGUAGES.map((l) => ({ value: l, label: l }))} />
      <TextField meta={otherLanguages} label="Other languages (optional)" hint="Separate them with commas." />
    </>
  );
}

export function FormatField({ meta, legend }: { meta: AnyField; legend: string }) {
  return <CheckboxGroup meta={meta} legend={legend} hint="In person only counts when you are in the same city." options={FORMAT_OPTIONS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))} />;
}

/** The time zone, then the week of usual free times given in it. */
export function ScheduleFields({ timeZone, slots }: { timeZone: AnyField; slots: AnyField }) {
  return (
    <>
      <TextField meta={timeZone} label="Time zone" hint="Like Africa/Lagos. Times you choose below are in this zone." />
      <AvailabilityField meta={slots} />
    </>
  );
}

/** A week of checkboxes: one row per day, one column per part of the day. */
function AvailabilityField({ meta }: { meta: AnyField }) {
  const chosen = new Set<string>(Array.isArray(meta.initialValue) ? (meta.initialValue as string[]) : meta.initialValue ? [String(meta.initialValue)] : []);
  return (
    <fieldset id={meta.id} tabIndex={-1} className="field">
      <legend className="field__label">When are you usually free?</legend>
      <p className="field__hint">Tick the times that usually suit you, in your own time zone.</p>
      <FieldError meta={meta} />
      <TableRegion label="Free times">
        <table className="availability-grid">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {DAY_PARTS.map((p) => (
                <th scope="col" key={p.key}>
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAY_NAMES.map((day, d) => (
              <tr key={day}>
                <th scope="row">
                  <span className="table-long">{day}</span>
                  <span className="table-short" aria-hidden="true">
                    {day.slice(0, 3)}
                  </span>
                </th>
                {DAY_PARTS.map((p) => {
                  const value = slotValue(d, p.key);
                  const id = `${meta.id}-${value}`;
                  return (
                    <td key={p.key}>
                      <input type="checkbox" id={id} name={meta.name} value={value} defaultChecked={chosen.has(value)} aria-label={`${day} ${p.key}`} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </fieldset>
  );
}
