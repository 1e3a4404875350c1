import { z } from "zod";
import type { DeliveryStatus } from "~db/schema";
import type { DeliveryReport } from "./types";

/**
 * Termii's message ids are 19-digit numbers, past what a JavaScript number holds exactly; where
 * Termii writes one unquoted it is read as text, so the id we store is the id it reports.
 */
export function parseTermiiJson(text: string): unknown {
  return JSON.parse(text.replace(/("message_id(?:_str)?"\s*:\s*)(\d+)/g, '$1"$2"'));
}

export const termiiMessageId = z.union([z.string().min(1).max(100), z.number().int().nonnegative().transform(String)]);

const termiiReport = z.object({
  type: z.string().optional(),
  message_id: termiiMessageId,
  status: z.string().min(1).max(200),
});

/**
 * Termii's statuses (its "Events and Reports" page): "Delivered", "Message Sent", "DND Active on
 * Phone Number", "Message Failed", "Rejected", "Expired", and "Received" for incoming messages; older
 * reports read "DELIVERED | Message delivered to handset". Anything else tells us nothing yet.
 */
function statusOf(text: string): DeliveryStatus | null {
  const status = text.toLowerCase();
  // Failure words first: "undelivered" must not read as delivered.
  if (/dnd|fail|reject|expire|undeliv/.test(status)) return "failed";
  if (status.includes("delivered")) return "delivered";
  if (/sent|buffer|pending|accepted/.test(status)) return "sent";
  return null;
}

/**
 * The delivery reports in one signed Termii callback (one report, or a list of them). Termii's
 * `sent_at` is when the message left, not when its status changed, so the report is dated by its
 * arrival.
 */
export function termiiReports(json: unknown, receivedAt: number): DeliveryReport[] {
  const items = Array.isArray(json) ? json : [json];
  const reports: DeliveryReport[] = [];
  for (const item of items) {
    const parsed = termiiReport.safeParse(item);
    if (!parsed.success || parsed.data.type === "inbound") continue;
    const status = statusOf(parsed.data.status);
    if (!status) continue;
    reports.push({
      provider: "termii",
      providerMessageId: parsed.data.message_id,
      status,
      reportedAt: receivedAt,
      ...(status === "failed" ? { reason: parsed.data.status } : {}),
    });
  }
  return reports;
}
