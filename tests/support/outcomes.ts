import type { Outcome } from "~/utils/refusal";

/** A setup step that must succeed: its result, or the refusal's message as a failure. */
export function accepted<Done extends object>(outcome: Outcome<Done>): { ok: true } & Done {
  if (!outcome.ok) throw new Error(`Refused during setup: ${outcome.message}`);
  return outcome;
}
