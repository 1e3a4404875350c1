import { createHash, createHmac, randomBytes } from "node:crypto";
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
  /** The plan code a monthly gift's first payment was made on. */
  plan?: string;
};
export type StandInPlan = { id: number; name: string; plan_code: string; amount: number; currency: string; interval: string };
export type StandInSubscription = {
  subscription_code: string;
  email_token: string;
  status: "active" | "non-renewing" | "attention" | "complete" | "cancelled";
  plan: string;
  email: string;
  created_at: string;
};
export type PaystackEvent = { event: string; data: Json };
export type StandInRefund = { id: number; transaction_reference: string; amount: number; currency: string; merchant_note: string; status: "pending" | "processed" | "failed" };

export type PaystackStandIn = {
  url: string;
  port: number;
  requests: PaystackRequest[];
  transactions: Map<string, StandInTransaction>;
  setWebhookUrl(url: string): void;
  plans: Map<string, StandInPlan>;
  subscriptions: Map<string, StandInSubscription>;
  /** The `subscription.create` body for a subscription (sent on its own after a plan's first payment). */
  subscriptionEvent(code: string, event?: string): PaystackEvent;
  /** Subscribes the payer of a paid plan transaction (the pay page does this after `charge.success`) and sends `subscription.create`. */
  subscribe(reference: string): Promise<string>;
  /**
   * A month's renewal as Paystack bills it: the events `invoice.create`, `charge.success` (with the
   * plan, under Paystack's own reference) and `invoice.update` for success; `invoice.create` and
   * `invoice.payment_failed` for a declined card. Sent in that order unless `send: false`; returned for replays.
   */
  renew(code: string, options?: { outcome?: "success" | "failed"; send?: boolean }): Promise<PaystackEvent[]>;
  /** The donor or Paystack ends the subscription: `subscription.not_renew` or `subscription.disable`. */
  endSubscription(code: string, event?: "subscription.not_renew" | "subscription.disable", options?: { send?: boolean }): Promise<PaystackEvent>;
  /** Sets a transaction's outcome as Paystack records it (no event is sent). */
  settle(reference: string, status: StandInTransaction["status"]): StandInTransaction;
  /** The `charge.success` body Paystack sends for a transaction (after `settle(…, "success")`). */
  chargeSuccess(reference: string, overrides?: Partial<StandInTransaction>): PaystackEvent;
  /** Signs `event` with the secret key (or `options.key`) and POSTs it to the app. */
  send(event: PaystackEvent | string, options?: { key?: string; signature?: string | null }): Promise<{ status: number; text: string }>;
  /** Every refund asked for through `POST /refund`. */
  refunds: StandInRefund[];
  /** What becomes of the next refunds: `refund.processed` sent at once (the default), `refund.failed`, or nothing yet ("hold"). */
  setRefundOutcome(outcome: "processed" | "failed" | "hold"): void;
  /** Sends a held refund's final event (and returns it, to send again); `send: false` only builds it. */
  finishRefund(refundId: number, outcome: "processed" | "failed", options?: { send?: boolean }): Promise<PaystackEvent>;
  /** Waits for the refund events sent after `POST /refund` answered. */
  refundEventsDelivered(): Promise<void>;
  /** A `charge.dispute.*` event for a transaction's dispute (a new dispute per `disputeId`), sent unless `send: false`. */
  dispute(reference: string, event: "charge.dispute.create" | "charge.dispute.remind" | "charge.dispute.resolve", options?: { disputeId?: number; resolution?: "merchant-accepted" | "declined"; send?: boolean }): Promise<PaystackEvent>;
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
      customer: { id: 1, email, customer_code: customerCode(email) },
      plan: t.plan ? planView(t.plan) : null,
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
    // With a plan, Paystack charges the plan's amount whatever was asked.
    const plan = typeof body.plan === "string" ? plans.get(body.plan) : undefined;
    if (typeof body.plan === "string" && !plan) return refuse(res, 400, "Plan not found");
    transactions.set(reference, {
      id: nextId++,
      domain: "test",
      status: "abandoned",
      reference,
      amount: plan?.amount ?? amount,
      ...(plan ? { plan: plan.plan_code } : {}),
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
      if (t.plan) await subscribe(t);
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

  // Monthly gifts: plans, the subscriptions a plan's paid checkout makes, renewals and the manage page.
  const plans = new Map<string, StandInPlan>();
  const subscriptions = new Map<string, StandInSubscription>();
  const manageTokens = new Map<string, string>();

  function customerCode(email: string): string {
    return `CUS_${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 15)}`;
  }

  function planView(code: string): Json {
    const plan = plans.get(code);
    if (!plan) throw new Error(`The Paystack stand-in has no plan ${code}`);
    return { ...plan, description: null, send_invoices: true, send_sms: true, hosted_page: false };
  }

  function createPlan(body: Json, res: http.ServerResponse) {
    if (typeof body.name !== "string" || !body.name) return refuse(res, 400, "Plan name is required");
    if (typeof body.amount !== "number" || !Number.isInteger(body.amount) || body.amount <= 0) return refuse(res, 400, "Invalid amount");
    if (body.interval !== "monthly") return refuse(res, 400, "The stand-in makes monthly plans only");
    const plan: StandInPlan = {
      id: nextId++,
      name: body.name,
      plan_code: `PLN_${randomBytes(7).toString("hex")}`,
      amount: body.amount,
      currency: typeof body.currency === "string" ? body.currency : "NGN",
      interval: "monthly",
    };
    plans.set(plan.plan_code, plan);
    return json(res, 200, { status: true, message: "Plan created", data: { ...planView(plan.plan_code), integration: 1, domain: "test", invoice_limit: 0 } });
  }

  function subscription(code: string): StandInSubscription {
    const found = subscriptions.get(code);
    if (!found) throw new Error(`The Paystack stand-in has no subscription ${code}`);
    return found;
  }

  function subscriptionView(sub: StandInSubscription): Json {
    const plan = planView(sub.plan);
    return {
      domain: "test",
      status: sub.status,
      subscription_code: sub.subscription_code,
      email_token: sub.email_token,
      amount: plan.amount,
      cron_expression: "0 0 28 * *",
      next_payment_date: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      open_invoice: null,
      plan,
      authorization: { authorization_code: `AUTH_${sub.subscription_code}`, last4: "4081", channel: "card", reusable: true },
      customer: { email: sub.email, customer_code: customerCode(sub.email), first_name: null, last_name: null, metadata: {} },
      created_at: sub.created_at,
    };
  }

  function subscriptionEvent(code: string, event = "subscription.create"): PaystackEvent {
    return { event, data: subscriptionView(subscription(code)) };
  }

  async function deliver(events: PaystackEvent[]) {
    for (const event of events) {
      const delivered = await send(event);
      if (delivered.status !== 200) throw new Error(`The app refused ${event.event}: ${delivered.status} ${delivered.text}`);
    }
  }

  async function subscribe(t: StandInTransaction): Promise<string> {
    if (!t.plan || t.status !== "success") throw new Error(`Transaction ${t.reference} is not a paid plan transaction`);
    const sub: StandInSubscription = {
      subscription_code: `SUB_${randomBytes(7).toString("hex")}`,
      email_token: randomBytes(7).toString("hex"),
      status: "active",
      plan: t.plan!,
      email: t.email,
      created_at: new Date().toISOString(),
    };
    subscriptions.set(sub.subscription_code, sub);
    await deliver([subscriptionEvent(sub.subscription_code)]);
    return sub.subscription_code;
  }

  async function renew(code: string, options: { outcome?: "success" | "failed"; send?: boolean } = {}) {
    const sub = subscription(code);
    const plan = plans.get(sub.plan)!;
    const invoice: Json = {
      domain: "test",
      invoice_code: `INV_${randomBytes(7).toString("hex")}`,
      amount: plan.amount,
      period_start: new Date().toISOString(),
      period_end: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      status: "pending",
      paid: false,
      paid_at: null,
      description: null,
      subscription: { status: sub.status, subscription_code: sub.subscription_code, email_token: sub.email_token, amount: plan.amount },
      customer: { email: sub.email, customer_code: customerCode(sub.email) },
      transaction: {},
      created_at: new Date().toISOString(),
    };
    const events: PaystackEvent[] = [{ event: "invoice.create", data: invoice }];
    if (options.outcome === "failed") {
      sub.status = "attention";
      events.push({ event: "invoice.payment_failed", data: { ...invoice, status: "failed" } });
    } else {
      const reference = randomBytes(8).toString("hex");
      transactions.set(reference, {
        id: nextId++,
        domain: "test",
        status: "success",
        reference,
        amount: plan.amount,
        currency: plan.currency,
        email: sub.email,
        access_code: randomBytes(8).toString("hex"),
        callback_url: "",
        metadata: {},
        paid_at: new Date().toISOString(),
        created_at: new Date().toISOString(),
        plan: plan.plan_code,
      });
      sub.status = "active";
      events.push(chargeSuccess(reference), {
        event: "invoice.update",
        data: { ...invoice, status: "success", paid: true, paid_at: new Date().toISOString(), transaction: { reference, status: "success", amount: plan.amount, currency: plan.currency } },
      });
    }
    if (options.send !== false) await deliver(events);
    return events;
  }

  async function endSubscription(code: string, event: "subscription.not_renew" | "subscription.disable" = "subscription.disable", options: { send?: boolean } = {}) {
    const sub = subscription(code);
    sub.status = event === "subscription.not_renew" ? "non-renewing" : "complete";
    const body = subscriptionEvent(code, event);
    if (options.send !== false) await deliver([body]);
    return body;
  }

  function manageLink(code: string, res: http.ServerResponse) {
    const sub = subscriptions.get(code);
    if (!sub) return refuse(res, 404, "Subscription not found");
    const token = randomBytes(8).toString("hex");
    manageTokens.set(token, code);
    return json(res, 200, { status: true, message: "Link generated", data: { link: `${base}/manage/${encodeURIComponent(code)}?t=${token}` } });
  }

  /** Paystack's page for a subscription: change the card, or cancel (which sends `subscription.not_renew`). */
  async function managePage(req: http.IncomingMessage, res: http.ServerResponse, code: string, action: string | undefined, token: string | null) {
    const sub = subscriptions.get(code);
    if (!sub || !token || manageTokens.get(token) !== code) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("This link has expired");
    }
    let notice = "";
    if (req.method === "POST" && action === "cancel") {
      await endSubscription(code, "subscription.not_renew");
      notice = "<p role=\"status\">Your subscription has been cancelled.</p>";
    }
    const plan = plans.get(sub.plan)!;
    const amount = `${(plan.amount / 100).toFixed(2)} ${plan.currency}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Manage subscription (test Paystack)</title></head><body><main>
<h1>Manage your subscription</h1>${notice}<p>${escapeHtml(amount)} every month for ${escapeHtml(sub.email)}: <span data-status>${escapeHtml(sub.status)}</span>.</p>
<form method="post" action="/manage/${escapeHtml(code)}/cancel?t=${escapeHtml(token)}"><button type="submit">Cancel subscription</button></form></main></body></html>`);
  }

  // Refunds: queued by POST /refund, then reported by events; disputes sent when a test asks.
  const refunds: StandInRefund[] = [];
  const refundDeliveries: Promise<unknown>[] = [];
  let refundOutcome: "processed" | "failed" | "hold" = "processed";

  function refundEvent(refund: StandInRefund, event: string): PaystackEvent {
    const t = transaction(refund.transaction_reference);
    return {
      event,
      data: {
        status: event.slice("refund.".length),
        transaction_reference: refund.transaction_reference,
        refund_reference: `RF_${refund.id}`,
        amount: refund.amount,
        currency: refund.currency,
        processor: "test_processor",
        customer: { first_name: null, last_name: null, email: t.email },
        integration: 1,
        domain: "test",
      },
    };
  }

  async function finishRefund(refundId: number, outcome: "processed" | "failed", opts: { send?: boolean } = {}) {
    const refund = refunds.find((r) => r.id === refundId);
    if (!refund) throw new Error(`The Paystack stand-in has no refund ${refundId}`);
    refund.status = outcome;
    const body = refundEvent(refund, `refund.${outcome}`);
    if (opts.send !== false) {
      const delivered = await send(body);
      if (delivered.status !== 200) throw new Error(`The app refused refund.${outcome}: ${delivered.status} ${delivered.text}`);
    }
    return body;
  }

  function createRefundFor(body: Json, res: http.ServerResponse) {
    const key = String(body.transaction ?? "");
    const t = transactions.get(key) ?? [...transactions.values()].find((candidate) => String(candidate.id) === key);
    if (!t) return refuse(res, 404, "Transaction not found");
    if (t.status !== "success") return refuse(res, 400, "Cannot refund a transaction that was not successful");
    const refunded = refunds.filter((r) => r.transaction_reference === t.reference && r.status !== "failed").reduce((sum, r) => sum + r.amount, 0);
    const amount = body.amount === undefined ? t.amount - refunded : body.amount;
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0) return refuse(res, 400, "Invalid amount");
    if (amount > t.amount - refunded) return refuse(res, 400, "Refund amount cannot be more than the unrefunded amount of the transaction");
    const refund: StandInRefund = {
      id: nextId++,
      transaction_reference: t.reference,
      amount,
      currency: t.currency,
      merchant_note: typeof body.merchant_note === "string" ? body.merchant_note : "",
      status: "pending",
    };
    refunds.push(refund);
    json(res, 200, {
      status: true,
      message: "Refund has been queued for processing",
      data: {
        transaction: { id: t.id, domain: "test", reference: t.reference, amount: t.amount, paid_at: t.paid_at, channel: "card", currency: t.currency },
        integration: 1,
        deducted_amount: 0,
        channel: null,
        merchant_note: refund.merchant_note,
        customer_note: `Refund for transaction ${t.reference}`,
        status: "pending",
        refunded_by: "organiser@example.org",
        expected_at: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        currency: t.currency,
        domain: "test",
        amount,
        fully_deducted: false,
        id: refund.id,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
    });
    // Paystack reports a refund's progress by events, after answering.
    const outcome = refundOutcome;
    refundDeliveries.push(
      (async () => {
        await send(refundEvent(refund, "refund.pending"));
        if (outcome !== "hold") await finishRefund(refund.id, outcome);
      })(),
    );
  }

  async function dispute(reference: string, event: string, opts: { disputeId?: number; resolution?: "merchant-accepted" | "declined"; send?: boolean } = {}) {
    const t = transaction(reference);
    const resolved = event === "charge.dispute.resolve";
    const body: PaystackEvent = {
      event,
      data: {
        id: opts.disputeId ?? 555_000 + t.id % 1000,
        refund_amount: t.amount,
        currency: t.currency,
        status: resolved ? "resolved" : "awaiting-merchant-feedback",
        resolution: resolved ? (opts.resolution ?? "declined") : null,
        domain: "test",
        transaction: { id: t.id, reference: t.reference, amount: t.amount, currency: t.currency, status: "success" },
        category: "chargeback",
        merchant_bears_loss: false,
        evidence: null,
        due_at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        resolved_at: resolved ? new Date().toISOString() : null,
        created_at: new Date().toISOString(),
      },
    };
    if (opts.send !== false) {
      const delivered = await send(body);
      if (delivered.status !== 200) throw new Error(`The app refused ${event}: ${delivered.status} ${delivered.text}`);
    }
    return body;
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
    if ((match = /^\/manage\/([^/]+)(?:\/(cancel))?$/.exec(path))) return managePage(req, res, match[1], match[2], url.searchParams.get("t"));
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
    if (method === "POST" && path === "/plan") return createPlan(body, res);
    if (method === "GET" && (match = /^\/subscription\/([^/]+)\/manage\/link$/.exec(path))) return manageLink(decodeURIComponent(match[1]), res);
    if (method === "POST" && path === "/refund") return createRefundFor(body, res);
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
    plans,
    subscriptions,
    subscriptionEvent,
    subscribe: (reference) => subscribe(transaction(reference)),
    renew,
    endSubscription,
    refunds,
    setRefundOutcome: (outcome) => {
      refundOutcome = outcome;
    },
    finishRefund,
    refundEventsDelivered: async () => {
      await Promise.all(refundDeliveries.splice(0));
    },
    dispute,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
