import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "../forms";
import { TableRegion } from "../table-region";
import { OptionalUseChoices } from "./consent-fields";
import { optionalConsentsSchema, OPTIONAL_USES, optionalUseLabel, resendGuardianSchema, WHATSAPP_LABEL, WHATSAPP_PURPOSE, type OptionalUse } from "~/modules/auth";

type Result = SubmissionResult<string[]> | null;

/** "I have read it": a one-button form, shown on the privacy page and in the banner on every signed-in page. */
export function AcknowledgeNoticeForm({ redirectTo }: { redirectTo?: string }) {
  return (
    <Form method="post" action="/me/privacy" className="inline-form">
      <input type="hidden" name="intent" value="acknowledge-notice" />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <SubmitButton variant="secondary">I have read it</SubmitButton>
    </Form>
  );
}

/** The optional uses, ticked as they stand; a young person may only untick what a guardian allowed. */
export function OptionalConsentsForm({ granted, minor, awaitingGuardian, lastResult }: { granted: OptionalUse[]; minor: boolean; awaitingGuardian: boolean; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "consents",
    lastResult,
    defaultValue: { optionalUses: granted },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: optionalConsentsSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  const locked = minor ? OPTIONAL_USES.map((use) => use.key).filter((key) => !granted.includes(key)) : [];
  const hint = awaitingGuardian
    ? "Until your parent or guardian agrees, we use none of these, whatever is ticked."
    : minor
      ? "Your parent or guardian decides which of these to turn on until you are older. You can turn any of them off."
      : "None of these is needed to take part. Untick any of them at any time.";
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ optionalUses: fields.optionalUses }} />
      <input type="hidden" name="intent" value="change-consents" />
      <OptionalUseChoices meta={fields.optionalUses} legend="What else we may do with your details" hint={hint} disabledUses={locked} />
      <SubmitButton>Save my choices</SubmitButton>
    </Form>
  );
}

export function ResendGuardianForm({ requestedEmail, lastResult }: { requestedEmail: string | null; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "resend-guardian",
    lastResult,
    defaultValue: { guardianEmail: requestedEmail ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resendGuardianSchema }),
    shouldValidate: "onBlur",
    // Errors clear while typing, so the summary does not vanish (and move the button) mid-click.
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ guardianEmail: fields.guardianEmail }} />
      <input type="hidden" name="intent" value="resend-guardian" />
      <TextField
        meta={fields.guardianEmail}
        label="Parent's or guardian's email"
        hint="Change it if we asked the wrong address. The new link replaces the old one."
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <SubmitButton variant="secondary">Send it to my guardian again</SubmitButton>
    </Form>
  );
}

export type HistoryRow = { key: number; when: string; purpose: string; granted: boolean; source: string; noticeVersion: number };

const SOURCE_LABELS: Record<string, string> = {
  signup: "At sign-up",
  settings: "On this page",
  notice_update: "After a new notice",
  guardian: "Parent or guardian, by email",
  paper: "Parent or guardian, on paper",
};

function purposeLabel(purpose: string): string {
  if (purpose === "privacy_notice") return "Read the privacy notice";
  if (purpose === "terms") return "Terms of use";
  if (purpose === WHATSAPP_PURPOSE) return WHATSAPP_LABEL;
  return optionalUseLabel(purpose);
}

/** Every answer recorded, oldest first. */
export function ConsentHistory({ rows }: { rows: HistoryRow[] }) {
  if (!rows.length) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <TableRegion label="Your consent history">
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Answer</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.when}</td>
              <td>
                {purposeLabel(row.purpose)}
                {row.purpose === "privacy_notice" ? ` (version ${row.noticeVersion})` : ""}
              </td>
              <td>{row.granted ? "Yes" : "No"}</td>
              <td>{SOURCE_LABELS[row.source] ?? row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** What the young person can and cannot do while their account waits. */
export function AwaitingGuardianNotice({ adultAge }: { adultAge: number }) {
  return (
    <div className="notice" role="region" aria-labelledby="awaiting-guardian-title">
      <h2 id="awaiting-guardian-title">Waiting for your parent or guardian</h2>
      <p>
        As you are under {adultAge}, a parent or guardian needs to agree to your account. Until they do, you can read about events,
        the programme and mentors, but you cannot book seats, join a cohort or ask for a mentor, and we share nothing about you
        with mentors.
      </p>
      <p>
        <Link to="/me/privacy">Check who we asked, or send the email again</Link>.
      </p>
    </div>
  );
}
