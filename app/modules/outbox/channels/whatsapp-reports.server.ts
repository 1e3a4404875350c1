import { z } from "zod";
import type { DeliveryReport } from "./types";

// One webhook delivery from the Cloud API: `entry[].changes[].value` holds message statuses and
// incoming messages. Only the fields used are checked; the rest is Meta's to add to.
const statusUpdate = z.object({
  id: z.string().min(1).max(200),
  status: z.string(),
  timestamp: z.string().regex(/^\d{1,12}$/),
  errors: z.array(z.object({ code: z.number().int(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
const incoming = z.object({ from: z.string(), type: z.string(), text: z.object({ body: z.string() }).optional() });
const delivery = z.object({
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string().optional(),
          value: z.object({ statuses: z.array(z.unknown()).optional(), messages: z.array(z.unknown()).optional() }).optional(),
        }),
      ),
    }),
  ),
});

const STATUSES = new Set(["sent", "delivered", "read", "failed"]);

// The words that take someone off WhatsApp messages, as a reply of their own.
const STOP_WORDS = new Set(["stop", "unsubscribe"]);

export type WhatsAppDelivery = { reports: DeliveryReport[]; stoppedNumbers: string[] };

/** The statuses (sent, delivered, read, failed) and the STOP replies in one webhook delivery. */
export function whatsappDelivery(json: unknown): WhatsAppDelivery {
  const reports: DeliveryReport[] = [];
  const stoppedNumbers: string[] = [];
  const parsed = delivery.safeParse(json);
  if (!parsed.success) return { reports, stoppedNumbers };
  for (const change of parsed.data.entry.flatMap((entry) => entry.changes)) {
    for (const item of change.value?.statuses ?? []) {
      const update = statusUpdate.safeParse(item);
      if (!update.success || !STATUSES.has(update.data.status)) continue;
      const { id, status, timestamp, errors } = update.data;
      const error = errors?.[0];
      reports.push({
        provider: "whatsapp",
        providerMessageId: id,
        status: status as DeliveryReport["status"],
        reportedAt: Number(timestamp) * 1000,
        ...(status === "failed" ? { reason: error ? `${error.code} ${error.title ?? error.message ?? ""}`.trim() : "Not delivered" } : {}),
      });
    }
    for (const item of change.value?.messages ?? []) {
      const message = incoming.safeParse(item);
      if (!message.success || message.data.type !== "text" || !/^\d{8,15}$/.test(message.data.from)) continue;
      if (STOP_WORDS.has((message.data.text?.body ?? "").trim().toLowerCase())) stoppedNumbers.push(`+${message.data.from}`);
    }
  }
  return { reports, stoppedNumbers };
}
