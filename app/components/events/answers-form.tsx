import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton } from "../forms";
import { QuestionFields } from "./question-fields";
import { correctAnswersSchema, type FormQuestion } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

type Props = { questions: readonly FormQuestion[]; answers: Record<string, string>; lastResult: SubmissionResult<string[]> | null | undefined };

/** What the person answered when they booked, open to correct; opened already when a correction was refused. */
export function AnswersForm({ questions, answers, lastResult }: Props) {
  const schema = correctAnswersSchema(questions);
  const [form, fields] = useForm({
    id: "answers",
    lastResult,
    defaultValue: { answers },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const answerFields = fields.answers.getFieldset() as Record<string, AnyField>;
  return (
    <details className="ticket__answers" open={lastResult?.status === "error"}>
      <summary>Your answers</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary form={form} fields={answerFields} />
        <input type="hidden" name="intent" value="change-answers" />
        <QuestionFields questions={questions} answers={answerFields} />
        <SubmitButton variant="secondary">Save my answers</SubmitButton>
      </Form>
    </details>
  );
}
