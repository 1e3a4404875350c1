import type { ReactNode } from "react";
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodInput } from "~/modules/journey";
import { PlainField } from "./plain-field";

type Errors = Partial<Record<"from" | "to", string[]>>;

function DateField({ name, label, value, error }: { name: "from" | "to"; label: string; value: string; error?: string }) {
  const id = `period-${name}`;
  return (
    <PlainField id={id} label={label} error={error}>
      <input
        id={id}
        name={name}
        type="date"
        className="input"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </PlainField>
  );
}

/**
 * The period a page's figures cover, as a GET form that works without JavaScript: this month,
 * quarter or year, or two dates (used when "Dates I choose" is picked). Pages add their filters.
 */
export function PeriodForm({ input, errors, children, label }: { input: PeriodInput; errors: Errors; children?: ReactNode; label: string }) {
  return (
    <form method="get" className="form period-form" aria-label={label}>
      <div className="field">
        <label htmlFor="period-kind" className="field__label">
          Period
        </label>
        <select id="period-kind" name="period" className="select" defaultValue={input.period}>
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {PERIOD_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <DateField name="from" label="First day (for dates you choose)" value={input.from} error={errors.from?.[0]} />
      <DateField name="to" label="Last day" value={input.to} error={errors.to?.[0]} />
      {children}
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Show
        </button>
      </div>
    </form>
  );
}
