import Stripe from "stripe";
import { env, stripeHostAllowed } from "~/utils/env.server";

type StripeSettings = { key: string; host?: string; port?: number; protocol?: "http" | "https" };

// Read on use rather than at start, so a test can start its stand-in on a free port first.
function settings(): StripeSettings | null {
  const key = process.env.STRIPE_SECRET_KEY || env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const host = process.env.STRIPE_API_HOST || env.STRIPE_API_HOST;
  const port = Number(process.env.STRIPE_API_PORT || env.STRIPE_API_PORT) || undefined;
  const protocol = (process.env.STRIPE_API_PROTOCOL || env.STRIPE_API_PROTOCOL) === "http" ? "http" : host ? "https" : undefined;
  if (env.NODE_ENV === "production" && !stripeHostAllowed({ STRIPE_API_HOST: host, STRIPE_SECRET_KEY: key })) {
    throw new Error("STRIPE_API_HOST: production only talks to api.stripe.com");
  }
  return { key, host, port, protocol };
}

let cached: { signature: string; client: Stripe } | null = null;

/** The Stripe client, or null when no secret key is configured (card giving is then unavailable). */
export function stripeClient(): Stripe | null {
  const config = settings();
  if (!config) return null;
  const signature = JSON.stringify(config);
  if (cached?.signature === signature) return cached.client;
  const client = new Stripe(config.key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  });
  cached = { signature, client };
  return client;
}

export function requireStripe(): Stripe {
  const stripe = stripeClient();
  if (!stripe) throw new Error("Card payments are not configured (STRIPE_SECRET_KEY is not set)");
  return stripe;
}

export function webhookSecret(): string | null {
  return process.env.STRIPE_WEBHOOK_SECRET || env.STRIPE_WEBHOOK_SECRET || null;
}

export { Stripe };
