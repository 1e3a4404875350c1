import type { Submission } from "@conform-to/react";
import { data, type HeadersFunction } from "react-router";
import type { Refusal } from "~/utils/refusal";

/** Throws a 400 for a request no page of ours would send (a missing or unknown `intent`). */
export function badRequest(message = "That request was not quite right. Go back and try again."): never {
  throw data({ message }, { status: 400 });
}

/**
 * Turns a domain refusal into the form's reply, with the refusal's status: the message at its
 * field (or fields) when it names one, else at the top of the form.
 */
export function refusalReply(submission: Pick<Submission<unknown>, "reply">, refusal: Refusal, hideFields: string[] = []) {
  const headers = refusal.retryAfterSeconds ? { "Retry-After": String(Math.max(1, Math.ceil(refusal.retryAfterSeconds))) } : undefined;
  return data(refusalResult(submission, refusal, hideFields), { status: refusal.status, headers });
}

/** The same form reply without the status, for a page whose answer carries more than the form (a next step, say). */
export function refusalResult(submission: Pick<Submission<unknown>, "reply">, refusal: Refusal, hideFields: string[] = []) {
  const fieldErrors = refusal.fieldErrors ?? (refusal.field ? { [refusal.field]: [refusal.message] } : null);
  return submission.reply(fieldErrors ? { fieldErrors, hideFields } : { formErrors: [refusal.message], hideFields });
}

/**
 * A route's `headers` export that carries `Retry-After` from a thrown 429 onto the error page, or
 * from a form's 429 reply onto the page that shows the form again: without a `headers` export,
 * headers of an action's or a thrown response never reach the document.
 */
export const retryAfterHeaders: HeadersFunction = ({ errorHeaders, actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
