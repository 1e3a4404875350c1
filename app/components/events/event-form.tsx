import { getCollectionProps, getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { CheckboxField, FieldError, SelectField, TextAreaField, TextField } from "~/components/forms";
import { KIND_LABELS, KIND_OPTIONS, QUESTION_KIND_LABELS, QUESTION_KIND_OPTIONS, type EventFormInput, type QuestionFormInput } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type QuestionsField = FieldMetadata<QuestionFormInput[] | undefined, any, any>;
type EventFields = { [K in Exclude<keyof EventFormInput, "questions">]-?: AnyField } & { questions: QuestionsField };

function FormatChoice({ meta }: { meta: AnyField }) {
  const labels: Record<string, string> = { in_person: "In person, at a venue", online: "Online, with a joining link" };
  const error = meta.errors?.[0];
  return (
    <fieldset id={meta.id} className={error ? "field field--error" : "field"} aria-describedby={error ? meta.errorId : undefined}>
      <legend>How do people take part?</legend>
      <FieldError meta={meta} />
      {getCollectionProps(meta, { type: "radio", options: ["in_person", "online"] }).map(({ key, ...props }) => (
        <div key={key} className="checkbox">
          <input {...props} className={`format-${props.value}`} />
          <label htmlFor={props.id}>{labels[props.value]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function QuestionRows({ meta }: { meta: QuestionsField }) {
  const rows = meta.getFieldList();
  return (
    <>
      {rows.map((row, index) => {
        const question = row.getFieldset();
        const { key: idKey, ...idProps } = getInputProps(question.id, { type: "hidden" });
        return (
          <fieldset key={row.key} className="question-slot">
            <legend>Question {index + 1}</legend>
            <input key={idKey} {...idProps} />
            <TextField meta={question.label} label="Question (optional)" hint="Leave empty for no question. Emptying an existing question removes it and its answers." />
            <SelectField
              meta={question.kind}
              label="Kind of answer"
              options={QUESTION_KIND_OPTIONS.map((value) => ({ value, label: QUESTION_KIND_LABELS[value] }))}
            />
            <TextAreaField meta={question.options} label="Options (for a choice)" hint="One option per line." rows={3} />
            <CheckboxField meta={question.required} label="People must answer this question" />
            <CheckboxField meta={question.atDoor} label="Show the answer at the door" hint="It goes with the door list onto the volunteers' phones: a dietary or access need, say." />
          </fieldset>
        );
      })}
    </>
  );
}

/**
 * The fields of the create and edit forms. `timing` is where the create form puts its "repeat"
 * fields and `footer` where the edit form puts "apply to all sessions".
 */
export function EventFormFields({
  fields,
  timeZone,
  editing,
  timing,
  footer,
}: {
  fields: EventFields;
  timeZone: string;
  editing: boolean;
  timing?: ReactNode;
  footer?: ReactNode;
}) {
  const zoneHint = `Local time in ${timeZone}.`;
  return (
    <>
      <h2>About the event</h2>
      <SelectField meta={fields.kind} label="Kind of event" options={KIND_OPTIONS.map((value) => ({ value, label: KIND_LABELS[value] }))} />
      <TextField meta={fields.title} label="Title" hint="For example: Bouncing back from a job rejection." />
      <TextField
        meta={fields.slug}
        label="Web address (optional)"
        hint={
          editing
            ? "The end of the event page's address, /events/… Changing it breaks links already shared."
            : "The end of the event page's address, /events/… Leave empty to make one from the title."
        }
        spellCheck={false}
        autoCapitalize="none"
      />
      <TextAreaField meta={fields.summary} label="Summary" hint="One or two sentences, shown in the list of events." rows={2} />
      <TextAreaField
        meta={fields.description}
        label="Description"
        hint="What happens, who it is for, what to bring. Markdown works: **bold**, *italic*, lists starting with -, [links](https://…)."
        rows={10}
      />
      <h2>When</h2>
      <TextField meta={fields.startsAt} label="Starts" hint={zoneHint} type="datetime-local" />
      <TextField meta={fields.endsAt} label="Ends" hint={zoneHint} type="datetime-local" />
      {timing}
      <h2>Where</h2>
      <FormatChoice meta={fields.format} />
      <div className="in-person-fields">
        <TextField meta={fields.venueName} label="Venue" hint="For an event in person. For example: Yaba Community Hall." />
        <TextAreaField meta={fields.venueAddress} label="Venue address" hint="Street, area and city, as a taxi driver would need it." rows={2} />
        <TextField meta={fields.mapUrl} label="Map link (optional)" hint="A link starting with https://, for example from Google Maps." type="url" inputMode="url" spellCheck={false} />
      </div>
      <div className="online-fields">
        <TextField
          meta={fields.joinUrl}
          label="Joining link"
          hint="For an online event: the https:// link of the call. Only people with a confirmed seat see it."
          type="url"
          inputMode="url"
          spellCheck={false}
        />
      </div>
      <h2>Seats and registration</h2>
      <TextField meta={fields.capacity} label="Seats" hint="How many people can come." type="number" inputMode="numeric" min={1} className="input input--short" />
      <CheckboxField meta={fields.waitlistEnabled} label="Keep a waiting list once the seats are taken" hint="When a seat frees up, the first person waiting is offered it by email." />
      <CheckboxField meta={fields.walkInsOverCapacity} label="Let the door team add walk-ins beyond the seats" hint="For a hall with more room than the form counts: people who turn up without registering still get in." />
      <CheckboxField
        meta={fields.attendanceCertificates}
        label="Give everyone who checks in an attendance certificate"
        hint="Each gets a certificate with a public page to show employers, listed on their own page."
      />
      <TextField
        meta={fields.offerHours}
        label="Hours to accept an offered seat"
        hint="When a seat frees up, the first person waiting has this long to take it before it passes to the next."
        type="number"
        inputMode="numeric"
        min={1}
        className="input input--short"
      />
      <TextField meta={fields.registrationOpensAt} label="Registration opens (optional)" hint={`Leave empty to open as soon as the event is published. ${zoneHint}`} type="datetime-local" />
      <TextField meta={fields.registrationClosesAt} label="Registration closes (optional)" hint={`Leave empty to close when the event starts. ${zoneHint}`} type="datetime-local" />
      <TextField
        meta={fields.reminderHoursBefore}
        label="Reminder, hours before the start"
        hint="People with a seat get a reminder email this many hours before."
        type="number"
        inputMode="numeric"
        min={1}
        className="input input--short"
      />
      <h2>Questions for people registering</h2>
      <p className="muted measure">Optional. Save the event to get more empty rows for questions.</p>
      <QuestionRows meta={fields.questions} />
      {footer}
    </>
  );
}

/**
 * The create and edit forms' fields in page order, for `<ErrorSummary>`. `timing` holds the
 * fields shown after the times (the create form's "repeat" fields).
 */
export function eventSummaryFields(fields: EventFields, timing: Record<string, AnyField> = {}): Record<string, AnyField> {
  return {
    kind: fields.kind,
    title: fields.title,
    slug: fields.slug,
    summary: fields.summary,
    description: fields.description,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    ...timing,
    format: fields.format,
    venueName: fields.venueName,
    venueAddress: fields.venueAddress,
    mapUrl: fields.mapUrl,
    joinUrl: fields.joinUrl,
    capacity: fields.capacity,
    registrationOpensAt: fields.registrationOpensAt,
    registrationClosesAt: fields.registrationClosesAt,
    reminderHoursBefore: fields.reminderHoursBefore,
    offerHours: fields.offerHours,
    ...Object.fromEntries(
      fields.questions.getFieldList().flatMap((row, index) => {
        const question = row.getFieldset();
        return [
          [`q${index}label`, question.label],
          [`q${index}options`, question.options],
        ];
      }),
    ),
  };
}

/** The value of an empty question row. */
export const BLANK_QUESTION = { id: "", label: "", kind: "text", options: "", required: false, atDoor: false } as const;
