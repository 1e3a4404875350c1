import { getFormProps, type FormMetadata } from "@conform-to/react";
import { useEffect, useState, type ReactNode } from "react";
import { Form } from "react-router";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { AUDIENCE_GROUP_LABELS, AUDIENCE_GROUPS, BODY_MAX, LONGEST_FIND, MAX_DAYS, MAX_STEP, MAX_WEEKS, SUBJECT_MAX, type AudienceGroup, type MessageForm } from "~/modules/admin";
import { SHORT_LIST_LENGTH } from "~/utils/short-list";

// The organisers' message form. Without JavaScript every field of every group shows, and the
// server checks only the ones the chosen group needs; with it, only those show.

type Option = { value: string; label: string };
export type MessageChoices = { events: Option[]; cohorts: Option[]; campaigns: Option[]; more: boolean };

type Fields = ReturnType<FormMetadata<MessageForm, string[]>["getFieldset"]>;

const GROUP_OPTIONS = [{ value: "", label: "Choose a group" }, ...AUDIENCE_GROUPS.map((group) => ({ value: group, label: AUDIENCE_GROUP_LABELS[group] }))];

const withPrompt = (prompt: string, options: Option[]) => [{ value: "", label: prompt }, ...options];

const NEEDS: Record<"event" | "cohort" | "stuck" | "weeks" | "campaign", (group: AudienceGroup) => boolean> = {
  event: (group) => group.startsWith("event-"),
  cohort: (group) => group.startsWith("cohort-"),
  stuck: (group) => group === "cohort-stuck",
  weeks: (group) => group === "quiet-pairs",
  campaign: (group) => group === "campaign-sponsors",
};

/**
 * Shown when the lists leave some out: Find sends the whole form by GET, so the page comes back
 * with the lists narrowed and everything typed still in place (no JavaScript needed).
 */
function FindField({ value }: { value: string }) {
  return (
    <div className="field">
      <label htmlFor="message-find" className="field__label">
        Find by name
      </label>
      <p id="message-find-hint" className="field__hint">
        The lists below hold the {SHORT_LIST_LENGTH} events nearest to today and the {SHORT_LIST_LENGTH} latest cohorts and campaigns. Type part of a name and press
        Find to list others: what you have written stays.
      </p>
      <input id="message-find" name="find" type="search" className="input" defaultValue={value} maxLength={LONGEST_FIND} aria-describedby="message-find-hint" />
      <div className="button-row">
        <button type="submit" formMethod="get" formNoValidate className="button button--secondary">
          Find
        </button>
      </div>
    </div>
  );
}

export function MessageFormFields({
  form,
  fields,
  choices,
  find,
  timeZone,
  reach,
}: {
  form: FormMetadata<MessageForm, string[]>;
  fields: Fields;
  choices: MessageChoices;
  /** What the lists were narrowed by (Find). */
  find: string;
  timeZone: string;
  reach: ReactNode;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const group = fields.group.value as AudienceGroup | undefined;
  const shows = (what: keyof typeof NEEDS) => !hydrated || (group !== undefined && NEEDS[what](group));
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary
        form={form}
        fields={{
          subject: fields.subject,
          body: fields.body,
          link: fields.link,
          group: fields.group,
          event: fields.event,
          cohort: fields.cohort,
          step: fields.step,
          days: fields.days,
          weeks: fields.weeks,
          campaign: fields.campaign,
          sendAt: fields.sendAt,
        }}
      />
      <TextField meta={fields.subject} label="Subject" hint={`The email's subject; up to ${SUBJECT_MAX} characters.`} maxLength={SUBJECT_MAX} />
      <TextAreaField
        meta={fields.body}
        label="Message"
        hint={`Up to ${BODY_MAX.toLocaleString("en-GB")} characters. People who chose SMS get it as a text, so the shorter the better.`}
        rows={6}
        maxLength={BODY_MAX}
      />
      <TextField meta={fields.link} label="Link (optional)" hint="A page of this site, like /events/cv-clinic, or a full address starting with https://." inputMode="url" spellCheck={false} />
      <fieldset className="field">
        <legend>Who to write to</legend>
        <SelectField meta={fields.group} label="Group" options={GROUP_OPTIONS} />
        {hydrated ? null : <p className="field__hint">Fill in only what the group you chose needs; the rest is ignored.</p>}
        {(choices.more || find) && (shows("event") || shows("cohort") || shows("campaign")) ? <FindField value={find} /> : null}
        {shows("event") ? <SelectField meta={fields.event} label="Event or series" hint="For the event groups. A series counts everyone from any of its sessions, once." options={withPrompt("Choose an event or series", choices.events)} /> : null}
        {shows("cohort") ? <SelectField meta={fields.cohort} label="Cohort" hint="For the cohort groups." options={withPrompt("Choose a cohort", choices.cohorts)} /> : null}
        {shows("stuck") ? (
          <>
            <TextField meta={fields.step} label="Step number" hint="For members stuck on a step: the step they have not finished." type="number" inputMode="numeric" min={1} max={MAX_STEP} className="input input--short" />
            <TextField meta={fields.days} label="For at least this many days" hint="Counted from when the step opened, or from when they joined if later." type="number" inputMode="numeric" min={1} max={MAX_DAYS} className="input input--short" />
          </>
        ) : null}
        {shows("weeks") ? <TextField meta={fields.weeks} label="Weeks without a session" hint="For mentoring pairs: both people of each pair are written to." type="number" inputMode="numeric" min={1} max={MAX_WEEKS} className="input input--short" /> : null}
        {shows("campaign") ? <SelectField meta={fields.campaign} label="Campaign" hint="For sponsors: everyone whose gift to it was paid." options={withPrompt("Choose a campaign", choices.campaigns)} /> : null}
      </fieldset>
      <div className="button-row">
        <button type="submit" name="intent" value="check" className="button button--secondary">
          Check who it reaches
        </button>
      </div>
      {reach}
      <div className="button-row">
        <button type="submit" name="intent" value="send" className="button button--primary">
          Send now
        </button>
      </div>
      <fieldset className="field">
        <legend>Or send it later</legend>
        <TextField meta={fields.sendAt} label="Send on" hint={`Local time (${timeZone}). The group is worked out again then.`} type="datetime-local" />
        <button type="submit" name="intent" value="schedule" className="button button--secondary">
          Schedule
        </button>
      </fieldset>
    </Form>
  );
}
