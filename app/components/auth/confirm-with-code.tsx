import type { FieldMetadata, SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ErrorSummary, SubmitButton, TextField, type AnyField, type AnyForm } from "~/components/forms";
import { SEND_CONFIRM_CODE } from "~/modules/auth";

type Props = {
  /** The verified number as people write it; null when the account has none. */
  phone: string | null;
  /** The form's last reply (from `replyToConfirmForm`): once a code was asked for, the field for it and the form's own button show. */
  reply: SubmissionResult<string[]> | undefined;
  code: FieldMetadata<string>;
  /** The form's own intent, sent by its own button. */
  intent: string;
  button: string;
  variant?: "primary" | "warning";
};

/**
 * The end of a form that asks "is it you?", for an account with no password: first "Text me a
 * code", then the code with the form's own button (and "Send a new code"). Both buttons belong to
 * the one form, so whatever else it holds goes along and comes back filled in; no JavaScript needed.
 */
export function ConfirmWithTextedCode({ phone, reply, code, intent, button, variant = "primary" }: Props) {
  if (!phone) {
    return (
      <p className="measure">
        To confirm it is you, we text a code to your mobile number, and your account has none. <Link to="/me/phone">Add your mobile number</Link>{" "}
        first.
      </p>
    );
  }
  if (!reply) {
    return (
      <>
        <p className="measure">
          To confirm it is you, we will text a code to <strong>{phone}</strong>.
        </p>
        <button type="submit" name="intent" value={SEND_CONFIRM_CODE} className="button button--primary">
          Text me a code
        </button>
      </>
    );
  }
  return (
    <>
      {/* A refused "Text me a code" (too many codes) says why in the form's error summary instead. */}
      {reply.initialValue?.intent === SEND_CONFIRM_CODE && reply.status === "error" ? null : (
        <p className="notice measure" role="status">
          We have texted a 6-digit code to <strong>{phone}</strong>. Only the newest code works.
        </p>
      )}
      <TextedCodeField meta={code} />
      <div className="button-row">
        {/* First, so pressing Enter in the code field sends the form's own button. */}
        <button type="submit" name="intent" value={intent} className={`button button--${variant}`}>
          {button}
        </button>
        <button type="submit" name="intent" value={SEND_CONFIRM_CODE} className="button button--secondary">
          Send a new code
        </button>
      </div>
    </>
  );
}

/** The field for a six-digit code from a text message; phones offer to fill it in from the text. */
export function TextedCodeField({ meta }: { meta: AnyField }) {
  return (
    <TextField
      meta={meta}
      label="Code from the text message"
      hint="6 digits. The code works for 10 minutes."
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      className="input input--short"
    />
  );
}

/** The last reply when it belongs to this form: to its own button, or to "Text me a code". */
export function replyToConfirmForm<Reply>(reply: Reply, intent: string): Extract<Reply, SubmissionResult<string[]>> | undefined {
  const said = (reply as SubmissionResult<string[]> | undefined)?.initialValue?.intent;
  return said === intent || said === SEND_CONFIRM_CODE ? (reply as Extract<Reply, SubmissionResult<string[]>>) : undefined;
}

type ProofProps = {
  form: AnyForm;
  /** How this account confirms: its password, or a code texted to its number. */
  confirmation: { by: "password" } | { by: "phone"; phone: string | null };
  /** The form's other fields, shown first and listed first in its error summary. */
  fields?: Record<string, AnyField>;
  children?: ReactNode;
  password: AnyField;
  code: FieldMetadata<string>;
  reply: SubmissionResult<string[]> | undefined;
  intent: string;
  button: string;
  variant?: "primary" | "warning";
};

/** A form's fields, then "is it you?": the password for an account with one, else a texted code. */
export function ConfirmItIsYou({ form, confirmation, fields = {}, children, password, code, reply, intent, button, variant = "primary" }: ProofProps) {
  if (confirmation.by === "phone") {
    return (
      <>
        <ErrorSummary form={form} fields={{ ...fields, code }} />
        {children}
        <ConfirmWithTextedCode phone={confirmation.phone} reply={reply} code={code} intent={intent} button={button} variant={variant} />
      </>
    );
  }
  return (
    <>
      <ErrorSummary form={form} fields={{ ...fields, password }} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <TextField meta={password} label="Your password" hint="To confirm it is you." type="password" autoComplete="current-password" />
      <SubmitButton variant={variant}>{button}</SubmitButton>
    </>
  );
}
