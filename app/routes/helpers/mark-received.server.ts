import type { Submission } from "@conform-to/react";
import { data } from "react-router";
import { redirectWithFlash } from "~/utils/flash.server";
import { markTransferReceived } from "~/modules/sponsorship/index.server";
import { refusalReply } from "./replies.server";

/** Marks the transfer received and answers the form: a flash on success, the reason otherwise. */
export function markReceivedOutcome(
  submission: Submission<{ intent: "mark-received"; donationId: string; receivedAmount?: string; receivedOn?: string }>,
  { actorId, back }: { actorId: string; back: string },
) {
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { donationId, receivedAmount, receivedOn } = submission.value;
  const result = markTransferReceived({ donationId, actorId, receivedAmount, receivedOn });
  if (!result.ok) return refusalReply(submission, result);
  // A second click, or two organisers at once: the first one did it, and nothing more is sent.
  if (result.already) {
    return redirectWithFlash(back, { kind: "info", message: "That transfer was already marked received; its receipt went out then." });
  }
  return redirectWithFlash(back, "Marked received. The donor's receipt is on its way.");
}
