import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeStripeForm, deliverEvent, stripeEvent, stripeObjectId, type StripeEventBody } from "./stripe-events";

/**
 * A local stand-in for the parts of the Stripe API the app uses, on a free port of 127.0.0.1.
 * The SDK is pointed at it with STRIPE_API_HOST/PORT/PROTOCOL. It answers with Stripe-shaped
 * JSON, records every request (the form body decoded) and serves a "pay" page: its button marks
 * the Checkout Session paid, sends the signed `checkout.session.completed` to the app and then
 * redirects to the session's success URL, as Stripe's hosted Checkout does.
 */

type Json = Record<string, unknown>;
export type RecordedRequest = { method: string; path: string; query: Json; body: Json; headers: http.IncomingHttpHeaders };
export type StandInSession = Json & {
  id: string;
  mode: "payment" | "subscription";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  success_url: string;
  cancel_url: string;
  metadata: Record<string, string>;
  amount_total: number;
  currency: string;
};

export type StripeStandIn = {
  url: string;
  port: number;
  requests: RecordedRequest[];
  sessions: Map<string, StandInSession>;
  /** Where the pay page sends its event; set once the app is listening. */
  setWebhookUrl(url: string): void;
  /** Marks a session completed (paid unless told otherwise) and returns it as Stripe would. */
  completeSession(id: string, options?: { paymentStatus?: "paid" | "unpaid" }): StandInSession;
  expireSession(id: string): StandInSession;
  /** An invoice of the session's subscription; the first one unless `billingReason` says a renewal. */
  invoiceFor(sessionId: string, options?: { billingReason?: string; amount?: number; id?: string }): Json;
  subscriptionFor(sessionId: string, status?: string): Json;
  /** The charge behind a payment intent, with the running refunded total. */
  chargeFor(paymentIntentId: string): Json;
  refundCharge(paymentIntentId: string, amount: number): Json;
  /** Signs `type` around `object` and POSTs it to the app. */
  send(type: string, object: Json, options?: { id?: string; secret?: string; timestamp?: number }): Promise<{ status: number; text: string; event: StripeEventBody }>;
  close(): Promise<void>;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startStripeStandIn(options: { webhookUrl?: string } = {}): Promise<StripeStandIn> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, StandInSession>();
  const charges = new Map<string, Json & { id: string; amount: number; amount_refunded: number; currency: string }>();
  const invoicePayments = new Map<string, string>();
  let webhookUrl = options.webhookUrl ?? "";
  let base = "";

  function error(res: http.ServerResponse, status: number, message: string, code = "resource_missing") {
    res.writeHead(status, { "content-type": "application/json", "request-id": stripeObjectId("req") });
    res.end(JSON.stringify({ error: { type: "invalid_request_error", code, message } }));
  }
  function reply(res: http.ServerResponse, body: unknown) {
    res.writeHead(200, { "content-type": "application/json", "request-id": stripeObjectId("req") });
    res.end(JSON.stringify(body));
  }

  function createSession(body: Json): StandInSession {
    const id = stripeObjectId("cs");
    const item = ((body.line_items as Json[] | undefined)?.[0] ?? {}) as Json;
    const price = (item.price_data ?? {}) as Json;
    const session: StandInSession = {
      id,
      object: "checkout.session",
      mode: body.mode === "subscription" ? "subscription" : "payment",
      status: "open",
      payment_status: "unpaid",
      url: `${base}/pay/${id}`,
      success_url: String(body.success_url ?? ""),
      cancel_url: String(body.cancel_url ?? ""),
      metadata: (body.metadata ?? {}) as Record<string, string>,
      client_reference_id: (body.client_reference_id as string) ?? null,
      customer_email: (body.customer_email as string) ?? null,
      amount_total: Number(price.unit_amount ?? 0) * Number(item.quantity ?? 1),
      currency: String(price.currency ?? "usd"),
      customer: null,
      subscription: null,
      payment_intent: null,
      invoice: null,
      livemode: false,
      created: Math.floor(Date.now() / 1000),
    };
    sessions.set(id, session);
    return session;
  }

  function session(id: string): StandInSession {
    const found = sessions.get(id);
    if (!found) throw new Error(`The stand-in has no session ${id}`);
    return found;
  }

  function chargeFor(paymentIntentId: string) {
    let charge = charges.get(paymentIntentId);
    if (!charge) {
      const owner = [...sessions.values()].find((s) => s.payment_intent === paymentIntentId);
      charge = {
        id: stripeObjectId("ch"),
        object: "charge",
        amount: owner?.amount_total ?? 0,
        amount_refunded: 0,
        refunded: false,
        currency: owner?.currency ?? "ngn",
        payment_intent: paymentIntentId,
        status: "succeeded",
      };
      charges.set(paymentIntentId, charge);
    }
    return charge;
  }

  function refundCharge(paymentIntentId: string, amount: number) {
    const charge = chargeFor(paymentIntentId);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    return { ...charge };
  }

  function completeSession(id: string, opts: { paymentStatus?: "paid" | "unpaid" } = {}) {
    const s = session(id);
    if (s.status === "open") {
      s.status = "complete";
      s.customer = stripeObjectId("cus");
      if (s.mode === "subscription") {
        s.subscription = stripeObjectId("sub");
        s.invoice = stripeObjectId("in");
        invoicePayments.set(s.invoice as string, stripeObjectId("pi"));
      } else {
        s.payment_intent = stripeObjectId("pi");
      }
    }
    s.payment_status = opts.paymentStatus ?? "paid";
    return { ...s };
  }

  function invoiceFor(sessionId: string, opts: { billingReason?: string; amount?: number; id?: string } = {}): Json {
    const s = session(sessionId);
    if (!s.subscription) completeSession(sessionId);
    const first = !opts.billingReason || opts.billingReason === "subscription_create";
    const id = first ? (s.invoice as string) : (opts.id ?? stripeObjectId("in"));
    if (!invoicePayments.has(id)) invoicePayments.set(id, stripeObjectId("pi"));
    const amount = opts.amount ?? s.amount_total;
    return {
      id,
      object: "invoice",
      customer: s.customer,
      currency: s.currency,
      amount_due: amount,
      amount_paid: amount,
      billing_reason: opts.billingReason ?? "subscription_create",
      hosted_invoice_url: `${base}/invoices/${id}`,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: s.subscription, metadata: s.metadata } },
      status: "paid",
    };
  }

  function subscriptionFor(sessionId: string, status = "canceled"): Json {
    const s = session(sessionId);
    if (!s.subscription) completeSession(sessionId);
    return { id: s.subscription, object: "subscription", customer: s.customer, status, metadata: s.metadata };
  }

  async function send(type: string, object: Json, opts: { id?: string; secret?: string; timestamp?: number } = {}) {
    if (!webhookUrl) throw new Error("The stand-in does not know the app's webhook address yet");
    const event = stripeEvent(type, object, { id: opts.id });
    const result = await deliverEvent(webhookUrl, event, opts);
    return { ...result, event };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = decodeStripeForm(text);
    const query = decodeStripeForm(url.search.slice(1));
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (path.startsWith("/v1/")) requests.push({ method, path, query, body, headers: req.headers });
    let match: RegExpExecArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") return reply(res, createSession(body));
    if (method === "GET" && (match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) {
      const found = sessions.get(decodeURIComponent(match[1]));
      return found ? reply(res, found) : error(res, 404, `No such checkout.session: '${match[1]}'`);
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      const id = stripeObjectId("bps");
      return reply(res, { id, object: "billing_portal.session", customer: body.customer, return_url: body.return_url, url: `${base}/portal/${id}?return=${encodeURIComponent(String(body.return_url ?? ""))}` });
    }
    if (method === "POST" && path === "/v1/refunds") {
      const paymentIntent = String(body.payment_intent ?? "");
      const charge = chargeFor(paymentIntent);
      const amount = body.amount ? Number(body.amount) : charge.amount - charge.amount_refunded;
      if (amount <= 0 || charge.amount_refunded + amount > charge.amount) return error(res, 400, "Refund amount is greater than unrefunded amount on charge", "amount_too_large");
      refundCharge(paymentIntent, amount);
      return reply(res, { id: stripeObjectId("re"), object: "refund", amount, charge: charge.id, payment_intent: paymentIntent, currency: charge.currency, status: "succeeded", metadata: body.metadata ?? {} });
    }
    if (method === "GET" && (match = /^\/v1\/charges\/([^/]+)$/.exec(path))) {
      const found = [...charges.values()].find((c) => c.id === match![1]);
      return found ? reply(res, found) : error(res, 404, `No such charge: '${match[1]}'`);
    }
    if (method === "GET" && path === "/v1/invoice_payments") {
      const byPayment = (query.payment as { payment_intent?: string } | undefined)?.payment_intent;
      const invoice = byPayment ? ([...invoicePayments].find(([, pi]) => pi === byPayment)?.[0] ?? "") : String(query.invoice ?? "");
      const pi = invoicePayments.get(invoice);
      const data = pi ? [{ id: stripeObjectId("inpay"), object: "invoice_payment", invoice, payment: { type: "payment_intent", payment_intent: pi } }] : [];
      return reply(res, { object: "list", data, has_more: false, url: "/v1/invoice_payments" });
    }
    if ((match = /^\/pay\/([^/]+)$/.exec(path))) return payPage(req, res, decodeURIComponent(match[1]));
    if ((match = /^\/portal\/([^/]+)$/.exec(path))) {
      const back = url.searchParams.get("return") ?? "/";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(`<!doctype html><html lang="en"><title>Customer portal (test)</title><h1>Manage your subscription (test)</h1><p><a href="${escapeHtml(back)}">Return</a></p></html>`);
    }
    if (path === "/favicon.ico") {
      res.writeHead(204);
      return res.end();
    }
    if (path.startsWith("/v1/")) return error(res, 404, `Unrecognized request URL (${method}: ${path}) in the Stripe stand-in`);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  }

  async function payPage(req: http.IncomingMessage, res: http.ServerResponse, id: string) {
    const s = sessions.get(id);
    if (!s) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("No such session");
    }
    if (req.method === "POST") {
      const completed = completeSession(id);
      const event = await send("checkout.session.completed", completed);
      if (event.status !== 200) {
        res.writeHead(502, { "content-type": "text/plain" });
        return res.end(`The app refused the event: ${event.status} ${event.text}`);
      }
      res.writeHead(303, { location: s.success_url.replace("{CHECKOUT_SESSION_ID}", id) });
      return res.end();
    }
    const amount = `${(s.amount_total / 100).toFixed(2)} ${s.currency.toUpperCase()}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pay (test checkout)</title></head><body><main>
<h1>Test checkout</h1><p>Pay <strong data-amount>${escapeHtml(amount)}</strong>${s.mode === "subscription" ? " each month" : ""}.</p>
<form method="post" action="/pay/${escapeHtml(id)}"><button type="submit">Pay</button></form>
<p><a href="${escapeHtml(s.cancel_url)}">Cancel and go back</a></p></main></body></html>`);
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
    sessions,
    setWebhookUrl: (value) => {
      webhookUrl = value;
    },
    completeSession,
    expireSession: (id) => {
      const s = session(id);
      if (s.status === "open") s.status = "expired";
      return { ...s };
    },
    invoiceFor,
    subscriptionFor,
    chargeFor: (pi) => ({ ...chargeFor(pi) }),
    refundCharge,
    send,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
