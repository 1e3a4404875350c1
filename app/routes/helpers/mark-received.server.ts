import type { Submission } from "@conform-to/react";
import { data } from "react-router";
import { redirectWithFlash } from "~/utils/flash.server";
import { markTransferReceived, type MarkReceivedResult } from "~/modules/sponsorship/index.server";

const REFUSALS: Record<Exclude<MarkReceivedResult, "marked" | "already-paid">, { status: number; message: string }> = {
  "not-a-pending-transfer": { status: 400, message: "Only a bank transfer that is still waiting can be marked received." },
  "not-found": { status: 404, message: "We could not find that gift." },
};

/** Marks the transfer received and answers the form: a flash on success, the reason otherwise. */
export function markReceivedOutcome(
  submission: Submission<{ intent: "mark-received"; donationId: string }>,
  { actorId, now, back }: { actorId: string; now: number; back: string },
) {
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = markTransferReceived({ donationId: submission.value.donationId, actorId, now });
  if (result === "marked") return redirectWithFlash(back, "Marked received. The donor's receipt is on its way.");
  // A second click, or two organisers at once: the first one did it, and nothing more is sent.
  if (result === "already-paid") {
    return redirectWithFlash(back, { kind: "info", message: "That transfer was already marked received; its receipt went out then." });
  }
  const refusal = REFUSALS[result];
  return data(submission.reply({ formErrors: [refusal.message] }), { status: refusal.status });
}
