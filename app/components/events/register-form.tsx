import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { ErrorSummary, NewPasswordField, SubmitButton, TextField } from "../forms";
import { QuestionFields } from "./question-fields";
import { AgreementFields, BirthDateFields } from "../auth/consent-fields";
import { participantSignupSchema } from "~/modules/auth";
import { answersSchema, registerSchema, type FormQuestion } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

function signupRegisterSchema(questions: readonly FormQuestion[]) {
  return participantSignupSchema.extend({ intent: registerSchema(questions).shape.intent, answers: answersSchema(questions) });
}

type Props = {
  slug: string;
  questions: readonly FormQuestion[];
  signedIn: boolean;
  willWaitlist: boolean;
  /** The organisation's age of consent: younger visitors give a parent's or guardian's email. */
  adultAge: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
};

/** The booking form: answers, and for a visitor without an account, name, email and password too. */
export function RegisterForm({ slug, questions, signedIn, willWaitlist, adultAge, lastResult }: Props) {
  // One field set for both cases; a signed-in person's form simply has no account fields.
  const schema = (signedIn ? registerSchema(questions) : signupRegisterSchema(questions)) as ReturnType<typeof signupRegisterSchema>;
  const [form, fields] = useForm({
    id: "register",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const answers = fields.answers.getFieldset() as Record<string, AnyField>;
  const summaryFields: Record<string, AnyField> = signedIn
    ? {}
    : { name: fields.name, email: fields.email, password: fields.password, birthDate: fields.birthDate, guardianEmail: fields.guardianEmail };
  for (const question of questions) summaryFields[question.id] = answers[question.id];
  if (!signedIn) Object.assign(summaryFields, { privacyNotice: fields.privacyNotice, terms: fields.terms, optionalUses: fields.optionalUses });
  const action = willWaitlist ? "Join the waitlist" : "Book my seat";
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={summaryFields} />
      <input type="hidden" name="intent" value="register" />
      {signedIn ? null : (
        <>
          <p>
            New here? Create your free account as you book. Already have one?{" "}
            <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${slug}`)}`}>Log in first</Link>.
          </p>
          <TextField meta={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
          <TextField meta={fields.email} label="Email address" hint="Your ticket goes here." type="email" autoComplete="email" spellCheck={false} />
          <NewPasswordField meta={fields.password} />
          <BirthDateFields birthDate={fields.birthDate} guardianEmail={fields.guardianEmail} adultAge={adultAge} />
        </>
      )}
      <QuestionFields questions={questions} answers={answers} />
      {signedIn ? null : <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />}
      {willWaitlist ? <p>All seats are taken. Join the waitlist and we will email you if one comes free.</p> : null}
      <SubmitButton>{action}</SubmitButton>
    </Form>
  );
}
