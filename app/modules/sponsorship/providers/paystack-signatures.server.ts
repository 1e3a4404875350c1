import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server";
import type { WebhookDelivery } from "./types";

/**
 * One way Paystack signs a delivery. Paystack's reference signs with `x-paystack-signature`, the
 * hex HMAC-SHA512 of the raw body keyed with the secret key. A timestamped form has appeared in
 * an unpublished snippet without its header; it is added here once Paystack documents it (ADR 0027).
 */
type SignatureScheme = {
  name: string;
  header: string;
  matches(rawBody: string, headerValue: string, secretKey: string): boolean;
};

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const hexHmacSha512: SignatureScheme = {
  name: "hmac-sha512",
  header: "x-paystack-signature",
  matches(rawBody, headerValue, secretKey) {
    const value = headerValue.trim().toLowerCase();
    if (!/^[0-9a-f]{128}$/.test(value)) return false;
    const expected = createHmac("sha512", secretKey).update(rawBody, "utf8").digest();
    return sameBytes(expected, Buffer.from(value, "hex"));
  },
};

const SCHEMES: readonly SignatureScheme[] = [hexHmacSha512];

/** The scheme whose signature the delivery carries and passes, or null: nothing else is read from it. */
export function verifiedScheme(delivery: WebhookDelivery, secretKey: string): string | null {
  for (const scheme of SCHEMES) {
    const value = delivery.header(scheme.header);
    if (value && scheme.matches(delivery.rawBody, value, secretKey)) return scheme.name;
  }
  return null;
}

/** The addresses Paystack publishes for its webhook deliveries (the same for test and live). */
export const PAYSTACK_WEBHOOK_SOURCES = ["52.31.139.75", "52.49.173.169", "52.214.14.220"] as const;

function allowedSources(): string[] | null {
  const setting = (process.env.PAYSTACK_WEBHOOK_IPS ?? env.PAYSTACK_WEBHOOK_IPS).trim();
  if (!setting) return null;
  if (setting.toLowerCase() === "paystack") return [...PAYSTACK_WEBHOOK_SOURCES];
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** With an allow-list set, only its addresses may deliver; without one, the signature alone decides. */
export function sourceAllowed(clientIp: string): boolean {
  const allowed = allowedSources();
  if (!allowed) return true;
  const ip = clientIp.replace(/^::ffff:/i, "");
  return allowed.includes(ip);
}
