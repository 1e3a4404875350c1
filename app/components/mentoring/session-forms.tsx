import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { FORMAT_LABELS, DURATION_OPTIONS, OUTCOME_LABELS, proposeSessionSchema, rateSessionSchema } from "~/modules/mentoring";
import type { WorkspaceSession } from "~/modules/mentoring";

type LastResult = SubmissionResult<string[]> | null | undefined;

const FORMAT_OPTIONS = Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }));
const DURATION_CHOICES = DURATION_OPTIONS.map((minutes) => ({ value: String(minutes), label: minutes < 60 ? `${minutes} minutes` : minutes === 60 ? "1 hour" : `${minutes / 60} hours` }));

/** Propose a time, typed in the viewer's own time zone (named in the hint). */
export function ProposeSessionForm({ zone, today, lastResult }: { zone: string; today: string; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "propose-session",
    lastResult,
    defaultValue: { duration: "60", format: "video" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeSessionSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ date: fields.date, time: fields.time, duration: fields.duration, format: fields.format, location: fields.location, agenda: fields.agenda }} />
      <input type="hidden" name="intent" value="propose" />
      <TextField meta={fields.date} label="Date" type="date" min={today} />
      <TextField meta={fields.time} label="Start time" hint={`In your time zone (${zone}). The other person sees it in theirs.`} type="time" className="input input--short" />
      <SelectField meta={fields.duration} label="How long" options={DURATION_CHOICES} />
      <SelectField meta={fields.format} label="How you will meet" options={FORMAT_OPTIONS} />
      <TextField meta={fields.location} label="Place, link or phone number" hint="For example a meeting link, a WhatsApp number, or an address." autoComplete="off" />
      <TextAreaField meta={fields.agenda} label="What you would like to talk about (optional)" rows={3} />
      <SubmitButton>Propose this time</SubmitButton>
    </Form>
  );
}

function ButtonForm({ intent, sessionId, label, variant = "secondary", extra }: { intent: string; sessionId: string; label: string; variant?: "primary" | "secondary" | "warning"; extra?: Record<string, string> }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </Form>
  );
}

function RateSessionForm({ session, lastResult }: { session: WorkspaceSession; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: `rate-${session.id}`,
    lastResult,
    defaultValue: { rating: session.rating ? String(session.rating) : undefined, comment: session.comment },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rateSessionSchema }),
    shouldValidate: "onBlur",
  });
  const error = fields.rating.errors?.[0];
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ rating: fields.rating, comment: fields.comment }} />
      <input type="hidden" name="intent" value="rate" />
      <input type="hidden" name="sessionId" value={session.id} />
      <fieldset id={fields.rating.id} tabIndex={-1} className={error ? "field field--error" : "field"} aria-describedby={`${fields.rating.id}-scale`}>
        <legend>How useful was this session?</legend>
        <p id={`${fields.rating.id}-scale`} className="field__hint">
          1 = not useful, 5 = very useful. Your mentor does not see your rating.
        </p>
        {error ? <p className="field__error">{error}</p> : null}
        <div className="rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="rating__option">
              <input type="radio" name={fields.rating.name} value={n} defaultChecked={String(fields.rating.initialValue) === String(n)} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField meta={fields.comment} label="Comment (optional)" rows={3} />
      <SubmitButton>{session.rating ? "Change my rating" : "Save my rating"}</SubmitButton>
    </Form>
  );
}

/** One session with what the viewer may do with it now. */
export function SessionCard({ mentorshipId, session, lastResult }: { mentorshipId: string; session: WorkspaceSession; lastResult: LastResult }) {
  const submitted = lastResult?.initialValue as { intent?: string; sessionId?: string } | undefined;
  const rateResult = submitted?.intent === "rate" && submitted.sessionId === session.id ? lastResult : undefined;
  return (
    <li className="card session-card" aria-label={`Session ${session.when}`}>
      <h3>{session.when}</h3>
      <p>
        <span className={session.status === "confirmed" ? "tag tag--success" : "tag"}>{session.statusLabel}</span>{" "}
        <span className="muted">{session.proposedByMe ? "You proposed it." : "Proposed to you."}</span>
      </p>
      <dl className="summary-list">
        <dt>How long</dt>
        <dd>{session.duration}</dd>
        <dt>How</dt>
        <dd className="wrap-anywhere">
          {session.format}: {session.location}
        </dd>
        {session.agenda ? (
          <>
            <dt>Agenda</dt>
            <dd className="pre-line">{session.agenda}</dd>
          </>
        ) : null}
        {session.canMarkOutcome ? (
          <>
            <dt>You said</dt>
            <dd>{session.myOutcome ?? "Not yet"}</dd>
            <dt>The other person said</dt>
            <dd>{session.otherOutcome ?? "Not yet"}</dd>
          </>
        ) : null}
        {session.rating ? (
          <>
            <dt>Your rating</dt>
            <dd>
              {session.rating} of 5{session.comment ? `: ${session.comment}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="button-row">
        {session.canAnswer ? (
          <>
            <ButtonForm intent="confirm" sessionId={session.id} label="Confirm this time" variant="primary" />
            <ButtonForm intent="decline" sessionId={session.id} label="Decline" />
          </>
        ) : null}
        {session.canCancel ? <ButtonForm intent="cancel" sessionId={session.id} label="Cancel this session" variant="warning" /> : null}
        {session.canDownload && session.upcoming ? (
          <a className="button button--secondary" href={`/me/mentoring/${mentorshipId}/sessions/${session.id}.ics`} download>
            Add to my calendar
          </a>
        ) : null}
        {session.canMarkOutcome
          ? (["held", "missed"] as const).map((outcome) => (
              <ButtonForm key={outcome} intent="outcome" sessionId={session.id} label={OUTCOME_LABELS[outcome]} extra={{ outcome }} />
            ))
          : null}
      </div>
      {session.canRate ? <RateSessionForm session={session} lastResult={rateResult} /> : null}
    </li>
  );
}
