import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { SelectField, TextField } from "~/components/forms";
import { hourLabel, WEEKDAYS, SCHEDULE_KINDS, SCHEDULE_LABELS } from "~/modules/cohorts";

// The cohort settings shared by the "create" and "settings" forms.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: hourLabel(hour) }));
const WEEKDAY_OPTIONS = WEEKDAYS.map((day, index) => ({ value: String(index), label: day }));

export type CohortFieldMetas = Record<
  "name" | "startDate" | "scheduleKind" | "everyDays" | "weekday" | "hour" | "dates" | "facilitatorId" | "capacity" | "nudgeAfterDays",
  AnyField
>;

export function cohortSummaryFields(fields: CohortFieldMetas) {
  const { name, startDate, scheduleKind, everyDays, weekday, hour, facilitatorId, capacity, nudgeAfterDays } = fields;
  return { name, startDate, scheduleKind, everyDays, weekday, hour, facilitatorId, capacity, nudgeAfterDays };
}

export function CohortFields({
  fields,
  stepCount,
  facilitators,
  timeZone,
}: {
  fields: CohortFieldMetas;
  stepCount: number;
  facilitators: { id: string; name: string }[];
  timeZone: string;
}) {
  const kindError = fields.scheduleKind.errors?.[0];
  const dates = (fields.dates as unknown as { getFieldList: () => AnyField[] }).getFieldList();
  return (
    <>
      <TextField meta={fields.name} label="Name" hint="For example: Yaba, January 2027." autoComplete="off" />
      <TextField meta={fields.startDate} label="Start date" type="date" className="input input--short" />
      <fieldset id={fields.scheduleKind.id} tabIndex={-1} className={kindError ? "field field--error" : "field"}>
        <legend>How steps open</legend>
        <p className="field__hint">Times are in the organisation's time zone, {timeZone}. A step that has opened stays open if you change this later.</p>
        {kindError ? <p className="field__error">{kindError}</p> : null}
        {getCollectionProps(fields.scheduleKind, { type: "radio", options: [...SCHEDULE_KINDS] }).map(({ key, ...props }) => (
          <div key={key} className="checkbox">
            <input {...props} />
            <label htmlFor={props.id}>{SCHEDULE_LABELS[props.value as (typeof SCHEDULE_KINDS)[number]]}</label>
          </div>
        ))}
      </fieldset>
      <SelectField meta={fields.hour} label="Hour steps open" options={HOURS} />
      <div className="schedule-option">
        <TextField meta={fields.everyDays} label="Days between steps" hint="For “one step every few days”. Step 1 opens on the start date." type="number" inputMode="numeric" className="input input--short" />
      </div>
      <div className="schedule-option">
        <SelectField meta={fields.weekday} label="Day of the week" hint="For “one step a week”. Step 1 opens on the first such day from the start date." options={WEEKDAY_OPTIONS} />
      </div>
      <details className="schedule-option" open={fields.scheduleKind.value === "dates"}>
        <summary>Dates for each step (for “a date for each step”)</summary>
        <p className="field__hint">Leave a date empty to set it later; that step stays closed until it has one.</p>
        {dates.slice(0, stepCount).map((date, index) => (
          <TextField key={date.key} meta={date} label={`Step ${index + 1}`} type="date" className="input input--short" />
        ))}
      </details>
      <SelectField meta={fields.facilitatorId} label="Facilitator" hint="An organiser or mentor who leads the cohort." options={[{ value: "", label: "Nobody yet" }, ...facilitators.map((f) => ({ value: f.id, label: f.name }))]} />
      <TextField meta={fields.capacity} label="Places" hint="People can no longer join once it is full." type="number" inputMode="numeric" className="input input--short" />
      <TextField
        meta={fields.nudgeAfterDays}
        label="Send a reminder after this many days"
        hint="One gentle email per step to members who have not done an open step. 0 for no reminders."
        type="number"
        inputMode="numeric"
        className="input input--short"
      />
    </>
  );
}

/** Form values for a stored cohort. */
export function cohortDefaults(
  cohort: { name: string; startDate: string; schedule: { kind: string; everyDays?: number; weekday?: number; hour: number; dates?: string[] }; facilitatorId: string | null; capacity: number; nudgeAfterDays: number | null },
  stepCount: number,
) {
  const s = cohort.schedule;
  return {
    name: cohort.name,
    startDate: cohort.startDate,
    scheduleKind: s.kind,
    everyDays: s.everyDays === undefined ? "2" : String(s.everyDays),
    weekday: s.weekday === undefined ? "1" : String(s.weekday),
    hour: String(s.hour),
    dates: Array.from({ length: stepCount }, (_, i) => s.dates?.[i] ?? ""),
    facilitatorId: cohort.facilitatorId ?? "",
    capacity: String(cohort.capacity),
    nudgeAfterDays: String(cohort.nudgeAfterDays ?? 0),
  };
}
