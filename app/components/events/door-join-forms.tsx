import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { AgreementFields } from "~/components/auth/consent-fields";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import type { joinDoorTeamWithEmailSchema } from "~/modules/events";

// The volunteer's side of a door team invitation (ADR 0034): one button for a signed-in person,
// or a new account made on the spot.

type Reply = SubmissionResult<string[]> | undefined;

export function AcceptDoorInvitationForm({ lastResult }: { lastResult: Reply }) {
  const [form] = useForm({ id: "accept", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={{}} />
      <input type="hidden" name="intent" value="accept" />
      <SubmitButton>Join the door team</SubmitButton>
    </Form>
  );
}

/** `invitedEmail` for an emailed invitation (the address is fixed); none for the link shown at the door. */
export function JoinDoorTeamForm({ invitedEmail, lastResult }: { invitedEmail: string | null; lastResult: Reply }) {
  // The page ships no script, so the server checks the form; typed by the fuller schema, whose
  // address field is drawn only for the link.
  const [form, fields] = useForm<z.input<typeof joinDoorTeamWithEmailSchema>>({ id: "create-account", lastResult });
  const summary = { name: fields.name, ...(invitedEmail ? {} : { email: fields.email }), password: fields.password, privacyNotice: fields.privacyNotice, terms: fields.terms };
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} fields={summary} />
      <h2>Create your account</h2>
      <input type="hidden" name="intent" value="create" />
      <TextField meta={fields.name} label="Your name" autoComplete="name" />
      {invitedEmail ? (
        <div className="field">
          <label htmlFor="invited-email" className="field__label">
            Email address
          </label>
          <p id="invited-email-hint" className="field__hint">
            The address the invitation was sent to.
          </p>
          <input id="invited-email" type="email" className="input" value={invitedEmail} readOnly aria-describedby="invited-email-hint" autoComplete="username" />
        </div>
      ) : (
        <TextField meta={fields.email} label="Email address" hint="We send you a link to confirm it." type="email" autoComplete="email" spellCheck={false} />
      )}
      <TextField meta={fields.password} label="Choose a password" hint="At least 8 characters. A few random words work well." type="password" autoComplete="new-password" />
      <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />
      <SubmitButton>Create account and join</SubmitButton>
    </Form>
  );
}
