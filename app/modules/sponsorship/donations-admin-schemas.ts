import { z } from "zod";
import type { DonationStatus, Recognition } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code (types only).

export const DONATION_STATUS_OPTIONS = ["pending", "processing", "paid", "failed", "expired", "refunded"] as const satisfies readonly DonationStatus[];
const _allStatusesListed: Exclude<DonationStatus, (typeof DONATION_STATUS_OPTIONS)[number]> extends never ? true : never = true;
void _allStatusesListed;

export const DONATION_STATUS_LABELS: Record<DonationStatus, string> = {
  pending: "Waiting for payment",
  processing: "Payment processing",
  paid: "Paid",
  failed: "Failed",
  expired: "Not completed",
  refunded: "Refunded",
};

export const RECOGNITION_LABELS: Record<Recognition, string> = {
  named: "Named on the wall",
  anonymous: "Anonymous on the wall",
  unlisted: "Not listed",
};

/** `<input type="month">`'s value: "2026-11". */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const markReceivedSchema = z.object({
  intent: z.literal("mark-received"),
  donationId: z.string({ error: "Choose a gift" }).min(1).max(64),
  /** What arrived, in major units as typed; empty means the pledged amount. Read against the gift's currency on the server. */
  receivedAmount: z.string().trim().max(30, { error: "Enter an amount like 5000 or 5,000.50" }).optional(),
  /** The day it arrived ("2026-11-05"); empty means today. */
  receivedOn: z.string().trim().max(10, { error: "Enter the day the money arrived, like 2026-11-05" }).optional(),
});

const REFUND_REASON_MAX = 500;

export const refundSchema = z.object({
  intent: z.literal("refund"),
  /** Major units as typed; empty means the whole amount still unrefunded. Checked against the gift on the server. */
  amount: z.string().trim().max(30, { error: "Enter an amount like 5000 or 5,000.50" }).optional(),
  reason: z
    .string({ error: "Say why the gift is being refunded" })
    .trim()
    .min(3, { error: "Say why the gift is being refunded" })
    .max(REFUND_REASON_MAX, { error: `The reason must be ${REFUND_REASON_MAX} characters or fewer` }),
});
