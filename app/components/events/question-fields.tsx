import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FieldError, TextField } from "../forms";
import { ANSWER_MAX, YES_NO_OPTIONS, type FormQuestion } from "~/modules/events";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

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

/** One field per question an event asks: a text box, or a choice of answers. */
export function QuestionFields({ questions, answers }: { questions: readonly FormQuestion[]; answers: Record<string, AnyField> }) {
  return (
    <>
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
    </>
  );
}
