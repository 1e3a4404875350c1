import { z } from "zod";
import { env, paystackHostAllowed } from "~/utils/env.server";

// Paystack publishes no usable Node SDK, so every call is a fetch whose answer is parsed here:
// an answer of another shape is an error, never a guess.

const REQUEST_TIMEOUT_MS = 20_000;

type PaystackSettings = { key: string; apiUrl: string };

/** Read on use rather than at start, so a test can start its stand-in on a free port first. */
export function paystackSettings(): PaystackSettings | null {
  const key = process.env.PAYSTACK_SECRET_KEY || env.PAYSTACK_SECRET_KEY;
  if (!key) return null;
  const apiUrl = (process.env.PAYSTACK_API_URL || env.PAYSTACK_API_URL).replace(/\/+$/, "");
  if (env.NODE_ENV === "production" && !paystackHostAllowed({ PAYSTACK_API_URL: apiUrl, PAYSTACK_SECRET_KEY: key })) {
    throw new Error("PAYSTACK_API_URL: production only talks to https://api.paystack.co");
  }
  return { key, apiUrl };
}

export class PaystackError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "PaystackError";
  }
}

const envelope = z.object({ status: z.literal(true), message: z.string(), data: z.unknown() });
const failure = z.object({ status: z.literal(false), message: z.string() });

const initializeData = z.object({
  authorization_url: z.url({ protocol: /^https?$/ }),
  access_code: z.string().min(1),
  reference: z.string().min(1),
});

/** The fields of a transaction the app reads, from verify and from `charge.success`. */
export const paystackTransaction = z.object({
  id: z.number().int(),
  status: z.string(),
  reference: z.string().min(1),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  paid_at: z.string().nullish(),
});
export type PaystackTransaction = z.infer<typeof paystackTransaction>;

async function call<T extends z.ZodType>(method: "GET" | "POST", path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
  const settings = paystackSettings();
  if (!settings) throw new Error("Paystack is not configured (PAYSTACK_SECRET_KEY is not set)");
  const response = await fetch(`${settings.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${settings.key}`, Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refused = failure.safeParse(json);
    throw new PaystackError(refused.success ? refused.data.message : `Paystack answered ${response.status}`, response.status);
  }
  const parsed = envelope.safeParse(json);
  const data = parsed.success ? schema.safeParse(parsed.data.data) : null;
  if (!data?.success) throw new PaystackError(`Paystack's answer to ${method} ${path.split("/").slice(0, 3).join("/")} has an unexpected shape`, response.status);
  return data.data as z.infer<T>;
}

export type InitializeInput = {
  /** In the currency's subunit (kobo for NGN), as Paystack wants it. */
  amount: number;
  currency: string;
  email: string;
  reference: string;
  callbackUrl: string;
  metadata: Record<string, unknown>;
  /** A monthly gift: Paystack charges the plan's amount and subscribes the donor once it is paid. */
  plan?: string;
};

/** `POST /transaction/initialize`: a checkout for one payment, keyed by our reference. */
export function initializeTransaction(input: InitializeInput) {
  return call("POST", "/transaction/initialize", initializeData, {
    amount: input.amount,
    currency: input.currency,
    email: input.email,
    reference: input.reference,
    callback_url: input.callbackUrl,
    metadata: input.metadata,
    ...(input.plan ? { plan: input.plan } : {}),
  });
}

/** `GET /transaction/verify/:reference`: Paystack's own word on a payment. */
export function verifyTransaction(reference: string): Promise<PaystackTransaction> {
  return call("GET", `/transaction/verify/${encodeURIComponent(reference)}`, paystackTransaction);
}

/** A refund as `POST /refund` answers it: queued ("pending"), then reported by `refund.*` events. */
const refundData = z.object({ id: z.number().int(), amount: z.number().int().positive(), currency: z.string().length(3), status: z.string() });

/** `POST /refund`: returns all or part (in the subunit) of a transaction, known by our reference, with the organiser's note. */
export function createRefund(input: { reference: string; amount: number; merchantNote: string }) {
  return call("POST", "/refund", refundData, { transaction: input.reference, amount: input.amount, merchant_note: input.merchantNote });
}

const planData = z.object({ plan_code: z.string().min(1), amount: z.number().int().positive(), currency: z.string().length(3), interval: z.string() });

/** `POST /plan`: a monthly plan for one amount in one currency (the amount in its subunit). */
export function createPlan(input: { name: string; amount: number; currency: string }) {
  return call("POST", "/plan", planData, { name: input.name, interval: "monthly", amount: input.amount, currency: input.currency });
}

/** `GET /subscription/:code/manage/link`: a short-lived page where the donor changes their card or stops the gift. */
export function subscriptionManageLink(subscriptionCode: string) {
  return call("GET", `/subscription/${encodeURIComponent(subscriptionCode)}/manage/link`, z.object({ link: z.url({ protocol: /^https?$/ }) }));
}
