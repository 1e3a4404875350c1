import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData } from "react-router";
import { ErrorSummary, NewPasswordField, SubmitButton, TextField } from "../forms";
import { PageHeader } from "../layout";
import { AgreementFields, BirthDateFields } from "./consent-fields";
import { participantSignupSchema, signupSchema } from "~/modules/auth";

type SignupVariant = "participant" | "mentor" | "sponsor";

const COPY: Record<SignupVariant, { title: string; lead: string }> = {
  participant: {
    title: "Create your account",
    lead: "Join the programme: book a seat at a workshop, follow the 15 steps with a cohort and meet a mentor.",
  },
  mentor: {
    title: "Sign up as a mentor",
    lead: "Have you been turned down and come through it? Help someone who is where you were.",
  },
  sponsor: {
    title: "Create a sponsor account",
    lead: "Fund a workshop seat or a cohort, from Nigeria or abroad, and see where your support goes.",
  },
};

export function signupTitle(variant: SignupVariant): string {
  return COPY[variant].title;
}

type ActionData = SubmissionResult<string[]> | { sent: true; email: string; guardianAsked: boolean } | undefined;

/** The sign-up page; the participant, mentor and sponsor pages differ only in their words. */
export function SignupPage({ variant }: { variant: SignupVariant }) {
  const actionData = useActionData<ActionData>();
  const { redirectTo, adultAge } = useLoaderData<{ redirectTo: string | null; adultAge: number }>();
  const participant = variant === "participant";
  const loginUrl = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";
  const sent = actionData && "sent" in actionData ? actionData : null;
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData && !("sent" in actionData) ? actionData : null,
    // One field set for every page; the mentor and sponsor forms simply have no date of birth.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: (participant ? participantSignupSchema : signupSchema) as typeof participantSignupSchema }),
    shouldValidate: "onBlur",
  });

  if (sent) {
    return (
      <>
        <PageHeader title="Check your email" />
        <div className="notice notice--success measure" role="status">
          <p>
            We have sent an email to <strong>{sent.email}</strong>. Open the link in it to confirm your address.
          </p>
          <p className="muted">The link works for 24 hours. If nothing arrives, check your spam folder.</p>
        </div>
        {sent.guardianAsked ? (
          <div className="notice measure" role="note">
            <p>
              As you are under {adultAge}, we have also emailed your parent or guardian a link to agree to your account. Until they
              do, you can read and look around, but you cannot book seats, join a cohort or ask for a mentor, and we share
              nothing about you with mentors.
            </p>
          </div>
        ) : null}
        <p>
          Already confirmed? <Link to={loginUrl}>Log in</Link>.
        </p>
      </>
    );
  }

  const { title, lead } = COPY[variant];
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary
          form={form}
          fields={{
            name: fields.name,
            email: fields.email,
            password: fields.password,
            ...(participant ? { birthDate: fields.birthDate, guardianEmail: fields.guardianEmail } : {}),
            privacyNotice: fields.privacyNotice,
            terms: fields.terms,
            optionalUses: fields.optionalUses,
          }}
        />
        <TextField meta={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
        <TextField
          meta={fields.email}
          label="Email address"
          hint="We will send you a link to confirm it."
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <NewPasswordField meta={fields.password} />
        {participant ? <BirthDateFields birthDate={fields.birthDate} guardianEmail={fields.guardianEmail} adultAge={adultAge} /> : null}
        <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p>
        Already have an account? <Link to={loginUrl}>Log in</Link>.
      </p>
      {variant === "participant" ? (
        <p>
          No email address you read? <Link to={redirectTo ? `/signup/phone?${new URLSearchParams({ redirectTo })}` : "/signup/phone"}>Sign up with your mobile number</Link>.
        </p>
      ) : null}
      {variant === "participant" ? (
        <p className="muted">
          Want to help instead? <Link to="/signup/mentor">Sign up as a mentor</Link> or{" "}
          <Link to="/signup/sponsor">create a sponsor account</Link>.
        </p>
      ) : (
        <p className="muted">
          Looking for support for yourself? <Link to="/signup">Join the programme</Link>.
        </p>
      )}
    </>
  );
}
