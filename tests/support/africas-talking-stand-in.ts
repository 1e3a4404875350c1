import { randomBytes } from "node:crypto";
import { deliver, failureQueue, SENT_PATH, startStandInServer, type Delivered, type StandInRequest, type StandInReply } from "./stand-in-http";

/**
 * A local stand-in for Africa's Talking's bulk SMS endpoint (`POST /version1/messaging`,
 * form-encoded, `apiKey` header) on a free port of 127.0.0.1. It records every message, answers
 * `SMSMessageData` with one entry per recipient as its documentation shows (201 Created), and
 * sends delivery reports and opt-out notices, form-encoded and unsigned, to the callback address.
 */

// Africa's Talking's own test account is named `sandbox`: production allows a loopback stand-in only for it.
export const AT_TEST_USERNAME = "sandbox";
export const AT_TEST_KEY = "atsk_steppingstone_local_test_key";
export const AT_TEST_SENDER = "STEPSTONE";
export const AT_TEST_CALLBACK_SECRET = "at-callback-secret-steppingstone-local-0123";

export type AfricasTalkingSent = { to: string; message: string; from: string | null; messageId: string; parts: number };
export type AfricasTalkingFailure = "server-error" | "invalid-number" | "blacklisted" | "low-balance";
/** Africa's Talking's delivery statuses, as its SMS notifications page lists them. */
export type AfricasTalkingStatus = "Sent" | "Submitted" | "Buffered" | "Rejected" | "Success" | "Failed";

export type AfricasTalkingStandIn = {
  url: string;
  sent: AfricasTalkingSent[];
  /** Every request: its headers and form fields, taken or not. */
  requests: { headers: Record<string, string | string[] | undefined>; form: Record<string, string> }[];
  failNext(kind: AfricasTalkingFailure, times?: number): void;
  /** The app's callback address, with the secret in it. */
  setCallbackUrl(url: string): void;
  report(messageId: string, status: AfricasTalkingStatus, options?: { failureReason?: string; url?: string }): Promise<Delivered>;
  /** The Bulk SMS opt-out notice for a number that stopped our sender id. */
  optOut(phoneNumber: string, options?: { url?: string }): Promise<Delivered>;
  close(): Promise<void>;
};

// One segment holds 160 GSM characters (153 when joined), or 70 UCS-2 ones (67 when joined).
function partsOf(text: string): number {
  const gsm = /^[\x20-\x7E\n\r£¥èéùìòÇØøÅåÆæßÉ¡¿ÄÖÑÜäöñüà§]*$/.test(text);
  const [single, joined] = gsm ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / joined);
}

const refusal = (number: string, statusCode: number, status: string) => ({ statusCode, number, status, cost: "0", messageId: "None" });

export async function startAfricasTalkingStandIn(): Promise<AfricasTalkingStandIn> {
  const sent: AfricasTalkingSent[] = [];
  const requests: AfricasTalkingStandIn["requests"] = [];
  const failures = failureQueue<AfricasTalkingFailure>();
  let callbackUrl = "";

  function take(request: StandInRequest): StandInReply {
    if (request.method === "GET" && request.path === SENT_PATH) return { status: 200, body: sent };
    if (request.method !== "POST" || request.path !== "/version1/messaging") return { status: 404, body: "Not Found", contentType: "text/plain" };
    const form = Object.fromEntries(new URLSearchParams(request.text));
    requests.push({ headers: request.headers, form });
    if (request.headers.apikey !== AT_TEST_KEY || form.username !== AT_TEST_USERNAME) {
      return { status: 401, body: "The supplied authentication is invalid", contentType: "text/plain" };
    }
    const failure = failures.take();
    if (failure === "server-error") return { status: 500, body: "Internal Server Error", contentType: "text/plain" };
    const to = form.to ?? "";
    let entry;
    if (failure === "invalid-number" || !/^\+\d{8,15}$/.test(to)) entry = refusal(to, 403, "InvalidPhoneNumber");
    else if (failure === "blacklisted") entry = refusal(to, 406, "UserInBlacklist");
    else if (failure === "low-balance") entry = refusal(to, 405, "InsufficientBalance");
    else {
      const messageId = `ATXid_${randomBytes(16).toString("hex")}`;
      const parts = partsOf(form.message ?? "");
      sent.push({ to, message: form.message ?? "", from: form.from ?? null, messageId, parts });
      entry = { statusCode: 101, number: to, status: "Success", cost: `NGN ${(2.2 * parts).toFixed(4)}`, messageId, messageParts: parts };
    }
    const taken = entry.statusCode === 101 ? 1 : 0;
    return { status: 201, body: { SMSMessageData: { Message: `Sent to ${taken}/1 Total Cost: ${entry.cost}`, Recipients: [entry] } } };
  }

  const server = await startStandInServer(take);
  const FORM = { "content-type": "application/x-www-form-urlencoded" };

  return {
    url: server.url,
    sent,
    requests,
    failNext: failures.failNext,
    setCallbackUrl: (url) => {
      callbackUrl = url;
    },
    report(messageId, status, options = {}) {
      const message = sent.find((m) => m.messageId === messageId);
      const fields: Record<string, string> = { id: messageId, status, phoneNumber: message?.to ?? "+2348030000000", networkCode: "62130", retryCount: "0" };
      if (options.failureReason) fields.failureReason = options.failureReason;
      return deliver(options.url ?? callbackUrl, new URLSearchParams(fields).toString(), FORM);
    },
    optOut: (phoneNumber, options = {}) => deliver(options.url ?? callbackUrl, new URLSearchParams({ senderId: AT_TEST_SENDER, phoneNumber }).toString(), FORM),
    close: server.close,
  };
}
