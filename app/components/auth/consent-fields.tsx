import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { ChoiceFieldset } from "../choice-fields";
import { CheckboxField, TextField } from "../forms";
import { OPTIONAL_USES, TERMS_SUMMARY } from "~/modules/auth";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

/** A participant's date of birth, and the parent's or guardian's address asked of anyone under age. */
export function BirthDateFields({ birthDate, guardianEmail, adultAge }: { birthDate: AnyField; guardianEmail: AnyField; adultAge: number }) {
  return (
    <>
      <TextField
        meta={birthDate}
        label="Date of birth"
        hint={`For example, 27/03/2009. Under ${adultAge}, a parent or guardian agrees to your account before you book or join a cohort.`}
        type="date"
        autoComplete="bday"
      />
      <TextField
        meta={guardianEmail}
        label={`Parent's or guardian's email (if you are under ${adultAge})`}
        hint="We email them a link to agree. Until they do, you can look around, but we share nothing about you with mentors."
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}

/** One checkbox per optional use, each with its explanation; none is needed to take part. */
export function OptionalUseChoices({ meta, legend, hint, disabledUses = [] }: { meta: AnyField; legend: ReactNode; hint?: ReactNode; disabledUses?: readonly string[] }) {
  const inputs = getCollectionProps(meta, { type: "checkbox", options: OPTIONAL_USES.map((use) => use.key) });
  return (
    <ChoiceFieldset meta={meta} legend={legend} hint={hint}>
      {inputs.map(({ key, ...props }, index) => {
        const use = OPTIONAL_USES[index]!;
        return (
          <div key={key}>
            <div className="checkbox">
              <input {...props} disabled={disabledUses.includes(use.key) || undefined} aria-describedby={`${props.id}-hint`} />
              <label htmlFor={props.id}>{use.label}</label>
            </div>
            <p id={`${props.id}-hint`} className="field__hint checkbox__hint">
              {use.hint}
            </p>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

/** What everyone agrees to at sign-up: the notice and the terms, then each optional use. */
export function AgreementFields({ privacyNotice, terms, optionalUses }: { privacyNotice: AnyField; terms: AnyField; optionalUses: AnyField }) {
  return (
    <>
      <CheckboxField
        meta={privacyNotice}
        label="I have read the privacy notice"
        hint={
          <>
            <a href="/privacy" target="_blank" rel="noopener">
              Read the privacy notice (opens in a new tab)
            </a>
            : what we keep about you, why, who sees it, and your rights.
          </>
        }
      />
      <CheckboxField meta={terms} label="I agree to the terms of use" hint={TERMS_SUMMARY} />
      <OptionalUseChoices
        meta={optionalUses}
        legend="Optional: what else may we do?"
        hint="Tick only what you are happy with. You can change your mind at any time on your privacy page."
      />
    </>
  );
}
