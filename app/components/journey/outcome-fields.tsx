import { CheckboxField, TextAreaField, TextField, type AnyField } from "~/components/forms";
import { RadioGroup } from "~/components/choice-fields";
import { TableRegion } from "~/components/table-region";
import { JOB_HOURS, JOB_HOURS_LABELS, OUTCOME_KIND_LABELS, OUTCOME_KINDS, OUTCOME_SOURCE_LABELS, STORY_MAX } from "~/modules/journey";

// The outcome and story fields, shared by the person's page, the follow-up link's page and the
// organisers' form. Plain fields that work without JavaScript.

const KIND_HINTS: Partial<Record<(typeof OUTCOME_KINDS)[number], string>> = {
  internship: "Including an apprenticeship or national service placement.",
  business: "Your own business, freelance or contract work.",
};

export type OutcomeFieldSet = { kind: AnyField; employer: AnyField; sector: AnyField; hours: AnyField; startedOn: AnyField };
export type StoryFieldSet = { story: AnyField; mayQuote: AnyField; byName: AnyField };

export function OutcomeFields({ fields, who = "you" }: { fields: OutcomeFieldSet; who?: "you" | "they" }) {
  const are = who === "you" ? "are you" : "are they";
  return (
    <>
      <RadioGroup
        meta={fields.kind}
        legend={`Where ${are} now?`}
        options={OUTCOME_KINDS.map((value) => ({ value, label: OUTCOME_KIND_LABELS[value], hint: KIND_HINTS[value] }))}
      />
      <TextField meta={fields.employer} label="Employer, school or business name (optional)" hint="Leave it empty if you would rather not say." autoComplete="organization" />
      <TextField meta={fields.sector} label="Sector" hint="Like banking, health, technology, fashion. Not needed while still searching." autoComplete="off" />
      <RadioGroup
        meta={fields.hours}
        legend="Full time or part time? (for a job)"
        options={JOB_HOURS.map((value) => ({ value, label: JOB_HOURS_LABELS[value] }))}
      />
      <TextField meta={fields.startedOn} label="Start date (optional)" hint="For example, 2026-11-03." type="date" />
    </>
  );
}

export function StoryFields({ fields, required = false }: { fields: StoryFieldSet; required?: boolean }) {
  return (
    <>
      <TextAreaField
        meta={fields.story}
        label={required ? "What helped you most?" : "What helped you most? (optional)"}
        hint={`A few sentences in your own words, up to ${STORY_MAX} characters.`}
        rows={5}
      />
      <CheckboxField meta={fields.mayQuote} label="The organisers may quote my words in reports to sponsors and on the public impact page" hint="Until you withdraw: you can do that at any time from your page." />
      <CheckboxField meta={fields.byName} label="Show my first name with the quote" hint="Otherwise it says “A participant”." />
    </>
  );
}

export type OutcomeListRow = { id: string; kind: (typeof OUTCOME_KINDS)[number]; employer: string; sector: string; hours: (typeof JOB_HOURS)[number] | null; startedOn: string | null; source: keyof typeof OUTCOME_SOURCE_LABELS; recordedLabel: string };

/** Outcomes, newest first: the first row is where the person is now. */
export function OutcomeHistory({ rows, caption }: { rows: OutcomeListRow[]; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table className="table--stack" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Recorded</th>
            <th scope="col" role="columnheader">Where</th>
            <th scope="col" role="columnheader">Details</th>
            <th scope="col" role="columnheader">How</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.id} role="row">
              <td role="cell" data-label="Recorded" className="nowrap">{row.recordedLabel}</td>
              <td role="cell" data-label="Where">{OUTCOME_KIND_LABELS[row.kind]}</td>
              <td role="cell" data-label="Details">
                {[row.employer, row.sector, row.hours ? JOB_HOURS_LABELS[row.hours] : "", row.startedOn ? `from ${row.startedOn}` : ""].filter(Boolean).join(" · ") || "–"}
              </td>
              <td role="cell" data-label="How">{OUTCOME_SOURCE_LABELS[row.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
