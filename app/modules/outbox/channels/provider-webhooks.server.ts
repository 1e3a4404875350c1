import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";
import { recordSmsOptOut, setWhatsAppOptIn, userIdByPhone } from "../contact-book.server";
import { applyDeliveryReports } from "../delivery-reports.server";
import { africasTalkingCallback } from "./africas-talking-reports.server";
import { africasTalkingCallbackSecret, termiiWebhookSecret, whatsappAppSecret, whatsappVerifyToken } from "./settings.server";
import { hexHmacMatches, sameSecret } from "./signatures.server";
import { parseTermiiJson, termiiReports } from "./termii-reports.server";
import type { DeliveryReport } from "./types";
import { whatsappDelivery } from "./whatsapp-reports.server";

/** What a route answers a provider's callback. Never a 5xx: the provider would only send it again. */
export type CallbackReply = { status: 200 | 400 | 401 | 403 | 404; body: string };

const reply = (status: CallbackReply["status"], body: string): CallbackReply => ({ status, body });

function applied(provider: string, reports: DeliveryReport[]): string {
  if (!reports.length) return "nothing to apply";
  const { applied: count } = applyDeliveryReports(reports);
  logger.info({ provider, reports: reports.length, applied: count }, "delivery reports received");
  return `applied ${count} of ${reports.length}`;
}

/**
 * A delivery report from Termii: `X-Termii-Signature` is the hex HMAC-SHA512 of the raw body under
 * the account's secret key, checked before a byte of the body is read. Without a secret set no
 * report can be trusted, so every one is refused as unsigned.
 */
export function receiveTermiiReports(rawBody: string, signature: string | null): CallbackReply {
  const secret = termiiWebhookSecret();
  if (!secret || !hexHmacMatches("sha512", secret, rawBody, signature)) {
    logger.warn({ configured: Boolean(secret) }, "termii report signature refused");
    return reply(401, "Invalid signature.");
  }
  let json: unknown;
  try {
    json = parseTermiiJson(rawBody);
  } catch {
    return reply(400, "The body is not JSON.");
  }
  return reply(200, applied("termii", termiiReports(json, clock.now())));
}

/**
 * Africa's Talking signs nothing: the secret in the callback address we registered is the check,
 * compared in constant time, so a route can turn a wrong address away before reading a body.
 */
export function isAfricasTalkingCallbackAddress(addressSecret: string): boolean {
  const secret = africasTalkingCallbackSecret();
  return Boolean(secret && sameSecret(addressSecret, secret));
}

/** A callback from Africa's Talking: a delivery report or an SMS opt-out. A wrong address is a page that does not exist. */
export function receiveAfricasTalkingCallback(addressSecret: string, rawBody: string): CallbackReply {
  if (!isAfricasTalkingCallbackAddress(addressSecret)) return reply(404, "Not Found");
  const now = clock.now();
  const callback = africasTalkingCallback(new URLSearchParams(rawBody), now);
  if (callback.kind === "report") return reply(200, applied("africastalking", [callback.report]));
  if (callback.kind === "opt-out") {
    db.transaction((tx) => recordSmsOptOut(tx, callback.phone, "africastalking", now), { behavior: "immediate" });
    logger.info("sms opt-out reported by africastalking");
    return reply(200, "opted out");
  }
  return reply(200, "ignored");
}

/** The Cloud API's subscription handshake: echo the challenge when the verify token is ours. */
export function answerWhatsAppHandshake(query: URLSearchParams): CallbackReply {
  const expected = whatsappVerifyToken();
  const token = query.get("hub.verify_token");
  const challenge = query.get("hub.challenge");
  if (!expected || query.get("hub.mode") !== "subscribe" || !token || !sameSecret(token, expected) || !challenge || challenge.length > 200) {
    return reply(403, "Forbidden");
  }
  return reply(200, challenge);
}

/**
 * Someone replied STOP on WhatsApp: their WhatsApp consent ends at once (other channels stay as
 * they chose). A number that is no account's verified number changes nothing.
 */
export function optOutOfWhatsApp(phone: string, now = clock.now()): boolean {
  const userId = userIdByPhone(phone);
  if (!userId) return false;
  db.transaction((tx) => setWhatsAppOptIn(tx, userId, false, now), { behavior: "immediate" });
  return true;
}

/**
 * A webhook delivery from the Cloud API: `X-Hub-Signature-256: sha256=<hex>` is the HMAC-SHA256 of
 * the raw body under the app secret. Its statuses go to the outbox rows they are about (in any
 * order, any number of times); its STOP replies end WhatsApp consent.
 */
export function receiveWhatsAppWebhook(rawBody: string, signatureHeader: string | null): CallbackReply {
  const secret = whatsappAppSecret();
  const signature = signatureHeader?.trim().startsWith("sha256=") ? signatureHeader.trim().slice("sha256=".length) : null;
  if (!secret || !hexHmacMatches("sha256", secret, rawBody, signature)) {
    logger.warn({ configured: Boolean(secret) }, "whatsapp webhook signature refused");
    return reply(401, "Invalid signature.");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return reply(400, "The body is not JSON.");
  }
  const { reports, stoppedNumbers } = whatsappDelivery(json);
  const result = applied("whatsapp", reports);
  const stopped = stoppedNumbers.filter((phone) => optOutOfWhatsApp(phone)).length;
  return reply(200, stopped ? `${result}; ${stopped} opted out` : result);
}
