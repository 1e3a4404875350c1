import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the parts of Paystack's API the app uses, on a free port of 127.0.0.1.
 * The app is pointed at it with PAYSTACK_API_URL. It checks the Bearer key, answers with
 * Paystack-shaped JSON, records every API request and serves a "pay" page: Pay marks the
 * transaction successful, sends a signed `charge.success` to the app and redirects to the
 * callback URL with `?trxref=…&reference=…`, as Paystack's checkout does; Cancel goes back.
 */

export const PAYSTACK_TEST_KEY = "sk_test_steppingstone_paystack_local";

type Json = Record<string, unknown>;
export type PaystackRequest = { method: string; path: string; body: Json; headers: http.IncomingHttpHeaders };
export type StandInTransaction = {
  id: number;
  domain: "test";
  status: "abandoned" | "success" | "failed" | "ongoing";
  reference: string;
  amount: number;
  currency: string;
  email: string;
  access_code: string;
  callback_url: string;
  metadata: Json;
  paid_at: string | null;
  created_at: string;
};
export type PaystackEvent = { event: string; data: Json };

export type PaystackStandIn = {
  url: string;
  port: number;
  requests: PaystackRequest[];
  transactions: Map<string, StandInTransaction>;
  setWebhookUrl(url: string): void;
  /** Sets a transaction's outcome as Paystack records it (no event is sent). */
  settle(reference: string, status: StandInTransaction["status"]): StandInTransaction;
  /** The `charge.success` body Paystack sends for a transaction (after `settle(…, "success")`). */
  chargeSuccess(reference: string, overrides?: Partial<StandInTransaction>): PaystackEvent;
  /** Signs `event` with the secret key (or `options.key`) and POSTs it to the app. */
  send(event: PaystackEvent | string, options?: { key?: string; signature?: string | null }): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
};

/** The `x-paystack-signature` Paystack puts on a body: hex HMAC-SHA512 keyed with the secret key. */
export function paystackSignature(body: string, key = PAYSTACK_TEST_KEY): string {
  return createHmac("sha512", key).update(body, "utf8").digest("hex");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startPaystackStandIn(options: { key?: string } = {}): Promise<PaystackStandIn> {
  const key = options.key ?? PAYSTACK_TEST_KEY;
  const requests: PaystackRequest[] = [];
  const transactions = new Map<string, StandInTransaction>();
  let webhookUrl = "";
  let base = "";
  let nextId = 4_000_000_000 + Math.floor(Math.random() * 1_000_000);

  function json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }
  const refuse = (res: http.ServerResponse, status: number, message: string) => json(res, status, { status: false, message });

  function transaction(reference: string): StandInTransaction {
    const found = transactions.get(reference);
    if (!found) throw new Error(`The Paystack stand-in has no transaction ${reference}`);
    return found;
  }

  function publicView(t: StandInTransaction): Json {
    const { access_code: _code, callback_url: _callback, email, ...rest } = t;
    return {
      ...rest,
      message: null,
      gateway_response: t.status === "success" ? "Successful" : t.status === "failed" ? "Declined" : "The transaction was not completed",
      channel: "card",
      fees: Math.min(Math.round(t.amount * 0.015) + (t.amount >= 250_000 ? 10_000 : 0), 200_000),
      authorization: t.status === "success" ? { authorization_code: `AUTH_${t.id}`, last4: "4081", channel: "card", reusable: true } : {},
      customer: { id: 1, email, customer_code: `CUS_${t.id}` },
      plan: null,
      requested_amount: t.amount,
    };
  }

  function chargeSuccess(reference: string, overrides: Partial<StandInTransaction> = {}): PaystackEvent {
    return { event: "charge.success", data: { ...publicView(transaction(reference)), ...overrides } };
  }

  async function send(event: PaystackEvent | string, opts: { key?: string; signature?: string | null } = {}) {
    if (!webhookUrl) throw new Error("The Paystack stand-in does not know the app's webhook address yet");
    const body = typeof event === "string" ? event : JSON.stringify(event);
    const headers: Record<string, string> = { "content-type": "application/json" };
    const signature = opts.signature === undefined ? paystackSignature(body, opts.key ?? key) : opts.signature;
    if (signature !== null) headers["x-paystack-signature"] = signature;
    const response = await fetch(webhookUrl, { method: "POST", headers, body });
    return { status: response.status, text: await response.text() };
  }

  function settle(reference: string, status: StandInTransaction["status"]) {
    const t = transaction(reference);
    t.status = status;
    if (status === "success") t.paid_at ??= new Date().toISOString();
    return { ...t };
  }

  function initialize(body: Json, res: http.ServerResponse) {
    const amount = body.amount;
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0) return refuse(res, 400, "Invalid amount");
    if (typeof body.email !== "string" || !body.email.includes("@")) return refuse(res, 400, "Invalid Email Address Passed");
    const reference = typeof body.reference === "string" ? body.reference : randomBytes(8).toString("hex");
    if (!/^[A-Za-z0-9.=-]+$/.test(reference)) return refuse(res, 400, "Invalid transaction reference");
    if (transactions.has(reference)) return refuse(res, 400, "Duplicate Transaction Reference");
    const accessCode = randomBytes(8).toString("hex");
    transactions.set(reference, {
      id: nextId++,
      domain: "test",
      status: "abandoned",
      reference,
      amount,
      currency: typeof body.currency === "string" ? body.currency : "NGN",
      email: body.email,
      access_code: accessCode,
      callback_url: typeof body.callback_url === "string" ? body.callback_url : "",
      metadata: (body.metadata ?? {}) as Json,
      paid_at: null,
      created_at: new Date().toISOString(),
    });
    return json(res, 200, { status: true, message: "Authorization URL created", data: { authorization_url: `${base}/pay/${accessCode}`, access_code: accessCode, reference } });
  }

  function byAccessCode(code: string) {
    return [...transactions.values()].find((t) => t.access_code === code);
  }

  function backTo(t: StandInTransaction): string {
    const url = new URL(t.callback_url);
    url.searchParams.set("trxref", t.reference);
    url.searchParams.set("reference", t.reference);
    return url.toString();
  }

  async function payPage(req: http.IncomingMessage, res: http.ServerResponse, code: string, action: string | undefined) {
    const t = byAccessCode(code);
    if (!t) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("No such checkout");
    }
    if (req.method === "POST" && action === "cancel") {
      const cancel = typeof t.metadata.cancel_action === "string" ? t.metadata.cancel_action : backTo(t);
      res.writeHead(303, { location: cancel });
      return res.end();
    }
    if (req.method === "POST") {
      settle(t.reference, "success");
      const delivered = await send(chargeSuccess(t.reference));
      if (delivered.status !== 200) {
        res.writeHead(502, { "content-type": "text/plain" });
        return res.end(`The app refused the event: ${delivered.status} ${delivered.text}`);
      }
      res.writeHead(303, { location: backTo(t) });
      return res.end();
    }
    const amount = `${(t.amount / 100).toFixed(2)} ${t.currency}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pay (test Paystack checkout)</title></head><body><main>
<h1>Test Paystack checkout</h1><p>Pay <strong data-amount>${escapeHtml(amount)}</strong> as ${escapeHtml(t.email)}.</p>
<form method="post" action="/pay/${escapeHtml(code)}"><button type="submit">Pay</button></form>
<form method="post" action="/pay/${escapeHtml(code)}/cancel"><button type="submit">Cancel</button></form></main></body></html>`);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const path = url.pathname;
    let match: RegExpExecArray | null;
    if ((match = /^\/pay\/([^/]+)(?:\/(cancel))?$/.exec(path))) return payPage(req, res, match[1], match[2]);
    if (path === "/favicon.ico") {
      res.writeHead(204);
      return res.end();
    }
    let body: Json = {};
    if (text) {
      try {
        body = JSON.parse(text) as Json;
      } catch {
        return refuse(res, 400, "Invalid JSON");
      }
    }
    requests.push({ method, path, body, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${key}`) return refuse(res, 401, "Invalid key");
    if (method === "POST" && path === "/transaction/initialize") return initialize(body, res);
    if (method === "GET" && (match = /^\/transaction\/verify\/([^/]+)$/.exec(path))) {
      const found = transactions.get(decodeURIComponent(match[1]));
      if (!found) return refuse(res, 400, "Transaction reference not found");
      return json(res, 200, { status: true, message: "Verification successful", data: publicView(found) });
    }
    return refuse(res, 404, `The Paystack stand-in does not answer ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(err.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    requests,
    transactions,
    setWebhookUrl: (value) => {
      webhookUrl = value;
    },
    settle,
    chargeSuccess,
    send,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
