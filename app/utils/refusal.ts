// The one way a domain function says no. Routes turn a refusal into their reply with the helpers
// in app/routes/helpers/replies.server.ts; exceptions are kept for programmer errors and for
// infrastructure that failed.

/** Messages by form field name, as a form shows them next to its fields. */
export type FieldErrors = Record<string, string[]>;

export type RefusalStatus = 400 | 403 | 404 | 409 | 422 | 429;

export type Refusal = {
  ok: false;
  /** For the person, in plain words. */
  message: string;
  /** The form field the message belongs next to, when there is one. */
  field?: string;
  /** Several fields at once (a form checked as a whole). */
  fieldErrors?: FieldErrors;
  /** What the route answers with. */
  status: RefusalStatus;
  /** A stable name for callers that branch on the reason (tests, other areas). */
  code?: string;
  /** A limit was reached: how long until trying again is worth it (sent as `Retry-After`). */
  retryAfterSeconds?: number;
};

/** A domain function's answer: what it did, or why not. */
export type Outcome<Done extends object = object> = ({ ok: true } & Done) | Refusal;

export function refuse(
  message: string,
  options: { field?: string; fieldErrors?: FieldErrors; status?: RefusalStatus; code?: string; retryAfterSeconds?: number } = {},
): Refusal {
  const { status = 400, ...rest } = options;
  return { ok: false, message, status, ...rest };
}

/** A form checked as a whole: each message at its field, the first one as the summary. */
export function refuseFields(fieldErrors: FieldErrors, status: RefusalStatus = 400): Refusal {
  return refuse(Object.values(fieldErrors).flat()[0] ?? "Check the form and try again.", { fieldErrors, status });
}
