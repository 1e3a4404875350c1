import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextField } from "../forms";
import { QuestionFields } from "./question-fields";
import { walkInSchema, type FormQuestion } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

type Props = {
  questions: readonly FormQuestion[];
  /** A fresh key per page: the same form sent twice adds one person. */
  walkInKey: string;
  seatsLeft: number;
  overCapacity: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
};

/** Someone who came without registering: a name, an email or a number, the event's required questions. */
export function WalkInForm({ questions, walkInKey, seatsLeft, overCapacity, lastResult }: Props) {
  const [form, fields] = useForm({
    id: "door-walk-in",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: walkInSchema(questions) }),
    shouldValidate: "onSubmit",
  });
  const answers = fields.answers.getFieldset() as Record<string, AnyField>;
  const summary: Record<string, AnyField> = { name: fields.name, email: fields.email, phone: fields.phone };
  for (const question of questions) summary[question.id] = answers[question.id];
  const seats = seatsLeft > 0 ? `${seatsLeft} ${seatsLeft === 1 ? "seat is" : "seats are"} free.` : overCapacity ? "No seats are free, but this event takes walk-ins beyond its capacity." : "No seats are free: walk-ins cannot be added.";
  return (
    <section aria-labelledby="walk-in-heading" className="walk-in">
      <h2 id="walk-in-heading">Add a walk-in</h2>
      <p className="muted measure">
        Someone who came without registering. {seats} They get a message to claim their account; with no network, this phone keeps them and sends them
        when it syncs.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={summary} />
        <input type="hidden" name="intent" value="walk-in" />
        <input type="hidden" name="key" value={walkInKey} />
        <TextField meta={fields.name} label="Their name" autoComplete="off" spellCheck={false} />
        <TextField meta={fields.email} label="Email address" hint="Or a mobile number below: one of the two." type="email" autoComplete="off" spellCheck={false} />
        <TextField meta={fields.phone} label="Mobile number" type="tel" autoComplete="off" inputMode="tel" />
        <QuestionFields questions={questions} answers={answers} />
        <SubmitButton>Add and check in</SubmitButton>
      </Form>
    </section>
  );
}
