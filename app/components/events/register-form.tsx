import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { ErrorSummary, FieldError, NewPasswordField, SubmitButton, TextField } from "../forms";
import { AgreementFields, BirthDateFields } from "../auth/consent-fields";
import { participantSignupSchema } from "~/modules/auth";
import { ANSWER_MAX, answersSchema, registerSchema, YES_NO_OPTIONS, type FormQuestion } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

function signupRegisterSchema(questions: FormQuestion[]) {
  return participantSignupSchema.extend({ intent: registerSchema(questions).shape.intent, answers: answersSchema(questions) });
}

function ChoiceField({ meta, question }: { meta: AnyField; question: FormQuestion }) {
  const options = question.kind === "yes_no" ? YES_NO_OPTIONS : question.options.map((o) => ({ value: o, label: o }));
  const error = meta.errors?.[0];
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={error ? meta.errorId : undefined}>
        <legend>
          {question.label}
          {question.required ? null : <span className="muted"> (optional)</span>}
        </legend>
        <FieldError meta={meta} />
        {options.map((option, index) => {
          const { key, ...props } = getInputProps(meta, { type: "radio", value: option.value });
          const id = index === 0 ? meta.id : `${meta.id}-${index}`;
          return (
            <div className="radio" key={key ?? option.value}>
              <input {...props} id={id} />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

type Props = {
  slug: string;
  questions: FormQuestion[];
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
      {questions.map((question) =>
        question.kind === "text" ? (
          <TextField
            key={question.id}
            meta={answers[question.id]}
            label={
              <>
                {question.label}
                {question.required ? null : <span className="muted"> (optional)</span>}
              </>
            }
            maxLength={ANSWER_MAX}
          />
        ) : (
          <ChoiceField key={question.id} meta={answers[question.id]} question={question} />
        ),
      )}
      {signedIn ? null : <AgreementFields privacyNotice={fields.privacyNotice} terms={fields.terms} optionalUses={fields.optionalUses} />}
      {willWaitlist ? <p>All seats are taken. Join the waitlist and we will email you if one comes free.</p> : null}
      <SubmitButton>{action}</SubmitButton>
    </Form>
  );
}
