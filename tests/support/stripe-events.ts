import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/** The signing secret tests share with the app (`STRIPE_WEBHOOK_SECRET`). */
export const TEST_WEBHOOK_SECRET = "whsec_test_steppingstone_local_secret";
export const TEST_SECRET_KEY = "sk_test_steppingstone_local";

export function stripeObjectId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}

export type StripeEventBody = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
  data: { object: Record<string, unknown> };
};

/** A Stripe-shaped event around `object`. */
export function stripeEvent(type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}): StripeEventBody {
  return {
    id: options.id ?? stripeObjectId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** The body and `Stripe-Signature` header Stripe would send, signed by the SDK's own helper. */
export function signEvent(event: StripeEventBody | string, options: { secret?: string; timestamp?: number } = {}) {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
  return { payload, header };
}

/** POSTs a signed event to the app's webhook endpoint as Stripe does. */
export async function deliverEvent(webhookUrl: string, event: StripeEventBody, options: { secret?: string; timestamp?: number } = {}) {
  const { payload, header } = signEvent(event, options);
  const response = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": header, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
    body: payload,
  });
  return { status: response.status, text: await response.text() };
}

/** Decodes Stripe's form encoding (`line_items[0][price_data][unit_amount]=500`) into objects and arrays. */
export function decodeStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const container = node as Record<string, unknown>;
      if (last) container[part] = value;
      else {
        container[part] ??= /^\d+$/.test(parts[index + 1]) ? [] : {};
        node = container[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}
