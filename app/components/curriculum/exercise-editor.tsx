import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { TextAreaField, TextField } from "~/components/forms";
import type { ExerciseKind } from "~/modules/curriculum";

// The exercise part of the organisers' step form: plain fields for each kind, so nobody has to
// write JSON. Blank rows are offered for new questions; clearing a row's label removes it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;
type Fields = Record<string, AnyField>;

// The step form's shape depends on the kind of exercise, so its fields are reached untyped.
const listOf = (field: AnyField) => (field as unknown as { getFieldList: () => AnyField[] }).getFieldList();
const setOf = (field: AnyField) => (field as unknown as { getFieldset: () => Fields }).getFieldset();

function Checkbox({ meta, label }: { meta: AnyField; label: string }) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", value: "on" });
  return (
    <div className="checkbox">
      <input key={key} {...props} />
      <label htmlFor={meta.id}>{label}</label>
    </div>
  );
}

function Rows({ list, noun, editableKey, multiline }: { list: AnyField; noun: string; editableKey?: boolean; multiline?: boolean }) {
  const rows = listOf(list);
  return (
    <>
      {rows.map((row, index) => {
        const f = setOf(row);
        return (
          <fieldset key={row.key} className="editor-row">
            <legend>
              {noun} {index + 1}
            </legend>
            {editableKey ? (
              <TextField meta={f.key} label="Name in the template" hint={`Write it in the email as {{name}}. Lowercase letters, numbers and _ only.`} autoComplete="off" spellCheck={false} />
            ) : (
              <input type="hidden" name={f.key.name} defaultValue={(f.key.initialValue as string | undefined) ?? ""} />
            )}
            <TextField meta={f.label} label={editableKey ? "What participants are asked" : "Question or label"} hint={index > 0 ? "Leave empty to remove this row." : undefined} autoComplete="off" />
            <TextField meta={f.hint} label="Hint (optional)" hint="An example or a tip, shown under the label." autoComplete="off" />
            {multiline ? <Checkbox meta={f.multiline} label="Give room for a long answer" /> : null}
          </fieldset>
        );
      })}
    </>
  );
}

function Single({ meta, noun }: { meta: AnyField; noun: string }) {
  const f = setOf(meta);
  return (
    <fieldset className="editor-row">
      <legend>{noun}</legend>
      <input type="hidden" name={f.key.name} defaultValue={(f.key.initialValue as string | undefined) ?? ""} />
      <TextField meta={f.label} label="Question" autoComplete="off" />
      <TextField meta={f.hint} label="Hint (optional)" autoComplete="off" />
    </fieldset>
  );
}

/** The kind-specific fields; `fields` is the step form's conform fields. */
export function ExerciseEditor({ kind, fields }: { kind: ExerciseKind; fields: Fields }) {
  const intro = <TextAreaField meta={fields.intro} label="Introduction (optional)" hint="A sentence or two shown above the exercise." rows={3} />;
  switch (kind) {
    case "reflection":
      return (
        <>
          {intro}
          <Rows list={fields.prompts} noun="Question" multiline />
        </>
      );
    case "list":
      return (
        <>
          {intro}
          <TextField meta={fields.itemLabel} label="What one item is called" hint="For example: Strength, Role, Person." autoComplete="off" />
          <TextField meta={fields.minItems} label="Fewest items to complete the step" type="number" inputMode="numeric" className="input input--short" />
          <TextField meta={fields.maxItems} label="Most items" type="number" inputMode="numeric" className="input input--short" />
          <Rows list={fields.fields} noun="Field of each item" multiline />
        </>
      );
    case "email_draft":
      return (
        <>
          {intro}
          <Rows list={fields.placeholders} noun="Blank" editableKey />
          <TextField meta={fields.subjectTemplate} label="Subject" hint="You can use the blanks, for example {{company}}." autoComplete="off" />
          <TextAreaField meta={fields.bodyTemplate} label="Email text" hint="Participants see this with their own answers in place of each {{name}}." rows={12} />
        </>
      );
    case "application_tracker":
      return (
        <>
          {intro}
          <TextField meta={fields.minEntries} label="Applications to log to complete the step" type="number" inputMode="numeric" className="input input--short" />
        </>
      );
    case "journal":
      return (
        <>
          {intro}
          <TextField meta={fields.entryLabel} label="What one entry is called" hint="For example: Win, Check-in." autoComplete="off" />
          <Rows list={fields.fields} noun="Field of each entry" multiline />
        </>
      );
    case "rating_text":
      return (
        <>
          {intro}
          <TextField meta={fields.ratingLabel} label="The question for the 1 to 5 rating" autoComplete="off" />
          <TextField meta={fields.lowLabel} label="What 1 means" autoComplete="off" />
          <TextField meta={fields.highLabel} label="What 5 means" autoComplete="off" />
          <Single meta={fields.textPrompt} noun="The written part" />
        </>
      );
    case "future_note":
      return (
        <>
          {intro}
          <Single meta={fields.prompt} noun="The note" />
        </>
      );
  }
}
