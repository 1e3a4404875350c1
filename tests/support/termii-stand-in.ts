import { createHmac } from "node:crypto";
import { deliver, failureQueue, SENT_PATH, longDigits, startStandInServer, type Delivered, type StandInRequest, type StandInReply } from "./stand-in-http";

/**
 * A local stand-in for Termii's Messaging API (`POST /api/sms/send`) on a free port of 127.0.0.1.
 * It checks the API key in the body, records every message, answers as Termii's documentation
 * shows, and sends delivery reports signed as Termii signs them (`X-Termii-Signature`: hex
 * HMAC-SHA512 of the body under the account's secret key). Termii does not document its wording
 * for a bad number, so the stand-in's is its own ("Invalid phone number").
 */

// `test_` keys are the ones production allows against a stand-in on loopback.
export const TERMII_TEST_KEY = "test_termii_steppingstone_local";
export const TERMII_TEST_SECRET = "termii_secret_steppingstone_local";
export const TERMII_TEST_SENDER = "Steppingstn";

export type TermiiSent = { to: string; from: string; sms: string; type: string; channel: string; messageId: string };
export type TermiiFailure = "server-error" | "invalid-number" | "low-balance";
/** Termii's delivery statuses, as its "Events and Reports" page lists them. */
export type TermiiStatus = "Message Sent" | "Delivered" | "Message Failed" | "DND Active on Phone Number" | "Rejected" | "Expired";

export type TermiiStandIn = {
  url: string;
  /** Every message Termii took, in order. */
  sent: TermiiSent[];
  /** Every request's parsed body, taken or not. */
  requests: Record<string, unknown>[];
  failNext(kind: TermiiFailure, times?: number): void;
  /** Answer with message ids as bare 19-digit numbers and no `message_id_str`, as some Termii answers do. */
  useNumericIds(on: boolean): void;
  setWebhookUrl(url: string): void;
  /** The JSON body of Termii's delivery report for a message it took. */
  reportBody(messageId: string, status: TermiiStatus): string;
  /** Signs a report (or any body) and POSTs it to the app; `signature: null` sends none. */
  report(messageId: string, status: TermiiStatus, options?: { secret?: string; signature?: string | null }): Promise<Delivered>;
  send(body: string, options?: { secret?: string; signature?: string | null }): Promise<Delivered>;
  close(): Promise<void>;
};

export function termiiSignature(body: string, secret = TERMII_TEST_SECRET): string {
  return createHmac("sha512", secret).update(body, "utf8").digest("hex");
}

export async function startTermiiStandIn(): Promise<TermiiStandIn> {
  const sent: TermiiSent[] = [];
  const requests: Record<string, unknown>[] = [];
  const failures = failureQueue<TermiiFailure>();
  let numericIds = false;
  let webhookUrl = "";

  function take(request: StandInRequest): StandInReply {
    if (request.method === "GET" && request.path === SENT_PATH) return { status: 200, body: sent };
    if (request.method !== "POST" || request.path !== "/api/sms/send") return { status: 404, body: { message: "Not found" } };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { message: "Invalid JSON" } };
    }
    requests.push(body);
    if (body.api_key !== TERMII_TEST_KEY) return { status: 401, body: { message: "Invalid API key" } };
    const failure = failures.take();
    if (failure === "server-error") return { status: 503, body: "Service Unavailable", contentType: "text/plain" };
    if (failure === "invalid-number") return { status: 400, body: { code: "fail", message: "Invalid phone number" } };
    if (failure === "low-balance") return { status: 400, body: { code: "fail", message: "Insufficient balance" } };
    const { to, from, sms, type, channel } = body as Record<string, string>;
    if (!/^\d{8,15}$/.test(to ?? "")) return { status: 400, body: { code: "fail", message: "Invalid phone number" } };
    const messageId = longDigits();
    sent.push({ to, from, sms, type, channel, messageId });
    if (numericIds) {
      return { status: 200, body: `{"code":"ok","message_id":${messageId},"message":"Successfully Sent","balance":120.5,"user":"Steppingstone Tests"}` };
    }
    return { status: 200, body: { code: "ok", message_id: messageId, message_id_str: messageId, message: "Successfully Sent", balance: 120.5, user: "Steppingstone Tests" } };
  }

  const server = await startStandInServer(take);

  function reportBody(messageId: string, status: TermiiStatus): string {
    const message = sent.find((m) => m.messageId === messageId);
    return JSON.stringify({
      type: "outbound",
      id: `${messageId}-report`,
      message_id: messageId,
      receiver: message?.to ?? "2348030000000",
      sender: message?.from ?? TERMII_TEST_SENDER,
      message: message?.sms ?? "",
      sent_at: "2026-12-05 10:15:00",
      cost: "4.00",
      status,
      channel: "dnd",
    });
  }

  function send(body: string, options: { secret?: string; signature?: string | null } = {}) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const signature = options.signature === undefined ? termiiSignature(body, options.secret) : options.signature;
    if (signature !== null) headers["x-termii-signature"] = signature;
    return deliver(webhookUrl, body, headers);
  }

  return {
    url: server.url,
    sent,
    requests,
    failNext: failures.failNext,
    useNumericIds: (on) => {
      numericIds = on;
    },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    reportBody,
    report: (messageId, status, options) => send(reportBody(messageId, status), options),
    send,
    close: server.close,
  };
}
