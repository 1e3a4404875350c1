import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  DATABASE_URL: z.string().min(1).default("./data/steppingstone.db"),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Steppingstone <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Express "trust proxy" value: empty means the socket address is the client.
  TRUST_PROXY: z.string().default(""),
  SEED_DEMO: booleanish.prefault(isProduction ? "false" : "true"),
  WORKER_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  // Reserved for the sponsorship area.
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_HOST: z.string().optional(),
  STRIPE_API_PORT: z.coerce.number().int().optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  // Naira card gifts through Paystack (ADR 0027): the secret key also signs its webhooks.
  PAYSTACK_SECRET_KEY: z.string().optional(),
  PAYSTACK_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.paystack.co"),
  // Empty: any source (the signature is the check); "paystack": Paystack's published addresses; or a comma-separated list.
  PAYSTACK_WEBHOOK_IPS: z.string().default(""),
});

type Env = z.infer<typeof schema>;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Production talks to api.stripe.com only. The one exception is a stand-in on this machine used
 * with a test-mode key (the end-to-end tests run the production build): a test key moves no money.
 */
export function stripeHostAllowed(env: Pick<Env, "STRIPE_API_HOST" | "STRIPE_SECRET_KEY">): boolean {
  const host = env.STRIPE_API_HOST;
  if (!host || host === "api.stripe.com") return true;
  return LOOPBACK_HOSTS.has(host) && Boolean(env.STRIPE_SECRET_KEY?.startsWith("sk_test_"));
}

/** Production talks to api.paystack.co over https only, with the same loopback exception as Stripe. */
export function paystackHostAllowed(env: Pick<Env, "PAYSTACK_API_URL" | "PAYSTACK_SECRET_KEY">): boolean {
  const url = new URL(env.PAYSTACK_API_URL);
  if (url.protocol === "https:" && url.hostname === "api.paystack.co" && !url.port) return true;
  return LOOPBACK_HOSTS.has(url.hostname.replace(/^\[|\]$/g, "")) && Boolean(env.PAYSTACK_SECRET_KEY?.startsWith("sk_test_"));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value means "not set", as in a copied .env.example.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new Error(`Invalid environment variable ${name}: ${issue.message}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !present.APP_URL) {
    throw new Error("Invalid environment variable APP_URL: required in production (the public https address)");
  }
  if (env.NODE_ENV === "production" && !stripeHostAllowed(env)) {
    throw new Error("Invalid environment variable STRIPE_API_HOST: production only talks to api.stripe.com");
  }
  if (env.NODE_ENV === "production" && !paystackHostAllowed(env)) {
    throw new Error("Invalid environment variable PAYSTACK_API_URL: production only talks to https://api.paystack.co");
  }
  return env;
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    // One clear line, no stack: a misconfiguration is not a crash.
    console.error((error as Error).message);
    process.exit(1);
  }
}

export const env = loadEnv();

export const isSecureOrigin = env.APP_URL.startsWith("https://");
export const appOrigin = new URL(env.APP_URL).origin;
