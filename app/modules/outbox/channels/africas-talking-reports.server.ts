import type { DeliveryStatus } from "~db/schema";
import type { DeliveryReport } from "./types";

// Africa's Talking's delivery statuses (its SMS notifications page).
const STATUSES: Record<string, DeliveryStatus> = {
  success: "delivered",
  sent: "sent",
  submitted: "sent",
  buffered: "sent",
  rejected: "failed",
  failed: "failed",
};

// Failure reasons that mean the person does not want our texts, not that the network let them down.
const OPTED_OUT = new Set(["userinblacklist", "useroptedout"]);

export type AfricasTalkingCallback =
  | { kind: "report"; report: DeliveryReport }
  | { kind: "opt-out"; phone: string }
  | { kind: "ignored" };

const e164 = (value: string | null) => {
  const digits = (value ?? "").replace(/[^\d]/g, "");
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
};

/**
 * One form-encoded callback from Africa's Talking: a delivery report (`id`, `status`,
 * `phoneNumber`, `failureReason` for Rejected and Failed), or, on the same address, its Bulk SMS
 * opt-out notice (`senderId`, `phoneNumber`) when someone stops our sender id.
 */
export function africasTalkingCallback(form: URLSearchParams, receivedAt: number): AfricasTalkingCallback {
  const id = form.get("id")?.trim();
  const status = STATUSES[(form.get("status") ?? "").trim().toLowerCase()];
  if (id && status) {
    const failureReason = (form.get("failureReason") ?? "").trim().slice(0, 100);
    const optedOut = OPTED_OUT.has(failureReason.toLowerCase());
    return {
      kind: "report",
      report: {
        provider: "africastalking",
        providerMessageId: id.slice(0, 200),
        status,
        reportedAt: receivedAt,
        ...(status === "failed" ? { reason: failureReason || "Not delivered" } : {}),
        ...(optedOut ? { optedOut: true } : {}),
      },
    };
  }
  const phone = e164(form.get("phoneNumber"));
  if (!id && form.get("senderId") && phone) return { kind: "opt-out", phone };
  return { kind: "ignored" };
}
