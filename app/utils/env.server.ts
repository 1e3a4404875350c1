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
  // Rendered pages for anonymous visitors kept until anything is written (ADR 0048); 0 keeps none.
  PAGE_CACHE_MB: z.coerce.number().min(0).max(1024).default(8),
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
  // SMS through Termii: the base URL is the one its dashboard shows; the secret key signs delivery reports.
  TERMII_API_KEY: z.string().optional(),
  TERMII_SENDER_ID: z.string().regex(/^[A-Za-z0-9]{3,11}$/, "3 to 11 letters or digits, as approved by Termii").optional(),
  TERMII_API_URL: z.url({ protocol: /^https?$/ }).default("https://v3.api.termii.com"),
  TERMII_WEBHOOK_SECRET: z.string().optional(),
  // SMS through Africa's Talking: its delivery reports are unsigned, so the callback address carries a secret.
  AT_USERNAME: z.string().optional(),
  AT_API_KEY: z.string().optional(),
  AT_SENDER_ID: z.string().optional(),
  AT_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.africastalking.com"),
  AT_CALLBACK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{32,}$/, "at least 32 letters, digits, - or _ (it goes in the callback address)").optional(),
  // WhatsApp through Meta's Cloud API: the app secret signs webhooks; the verify token answers the handshake.
  WHATSAPP_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, "the numeric id of the business phone number").optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  WHATSAPP_API_URL: z.url({ protocol: /^https?$/ }).default("https://graph.facebook.com"),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "a Graph API version such as v25.0").default("v25.0"),
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

/**
 * The SMS and WhatsApp providers, likewise: production talks to the provider's own https host only,
 * or to a stand-in on this machine when the credential is plainly a test one: a Termii key or
 * WhatsApp token beginning `test_` (real ones never do), or Africa's Talking's own `sandbox` user.
 */
function providerHostAllowed(apiUrl: string, official: (hostname: string) => boolean, testCredential: boolean): boolean {
  const url = new URL(apiUrl);
  if (url.protocol === "https:" && official(url.hostname) && !url.port) return true;
  return LOOPBACK_HOSTS.has(url.hostname.replace(/^\[|\]$/g, "")) && testCredential;
}

export function termiiHostAllowed(env: Pick<Env, "TERMII_API_URL" | "TERMII_API_KEY">): boolean {
  // Termii gives each account its base URL under termii.com (v3.api.termii.com, api.ng.termii.com).
  return providerHostAllowed(env.TERMII_API_URL, (host) => host === "termii.com" || host.endsWith(".termii.com"), Boolean(env.TERMII_API_KEY?.startsWith("test_")));
}

export function africasTalkingHostAllowed(env: Pick<Env, "AT_API_URL" | "AT_USERNAME">): boolean {
  return providerHostAllowed(env.AT_API_URL, (host) => host === "api.africastalking.com", env.AT_USERNAME === "sandbox");
}

export function whatsappHostAllowed(env: Pick<Env, "WHATSAPP_API_URL" | "WHATSAPP_TOKEN">): boolean {
  return providerHostAllowed(env.WHATSAPP_API_URL, (host) => host === "graph.facebook.com", Boolean(env.WHATSAPP_TOKEN?.startsWith("test_")));
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
  if (env.NODE_ENV === "production" && !termiiHostAllowed(env)) {
    throw new Error("Invalid environment variable TERMII_API_URL: production only talks to Termii's https hosts (*.termii.com)");
  }
  if (env.NODE_ENV === "production" && !africasTalkingHostAllowed(env)) {
    throw new Error("Invalid environment variable AT_API_URL: production only talks to https://api.africastalking.com");
  }
  if (env.NODE_ENV === "production" && !whatsappHostAllowed(env)) {
    throw new Error("Invalid environment variable WHATSAPP_API_URL: production only talks to https://graph.facebook.com");
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
