import { africasTalkingHostAllowed, env, termiiHostAllowed, whatsappHostAllowed } from "~/utils/env.server";

// Read when used, the process's own variables first, as the Paystack settings are: a test (or an
// operator restarting the worker) can set keys after the environment was first parsed.
function setting(name: keyof typeof env): string | undefined {
  const value = process.env[name] || env[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

function refuseHost(allowed: boolean, message: string): void {
  if (env.NODE_ENV === "production" && !allowed) throw new Error(message);
}

export type TermiiSettings = { apiKey: string; senderId: string; apiUrl: string };

/** Termii's send settings, or null until both the key and an approved sender id are set. */
export function termiiSettings(): TermiiSettings | null {
  const apiKey = setting("TERMII_API_KEY");
  const senderId = setting("TERMII_SENDER_ID");
  if (!apiKey || !senderId) return null;
  const apiUrl = withoutTrailingSlash(setting("TERMII_API_URL") ?? env.TERMII_API_URL);
  refuseHost(termiiHostAllowed({ TERMII_API_URL: apiUrl, TERMII_API_KEY: apiKey }), "TERMII_API_URL: production only talks to Termii's https hosts");
  return { apiKey, senderId, apiUrl };
}

/** The secret key Termii signs its delivery reports with (`X-Termii-Signature`). */
export function termiiWebhookSecret(): string | null {
  return setting("TERMII_WEBHOOK_SECRET") ?? null;
}

export type AfricasTalkingSettings = { username: string; apiKey: string; senderId: string | null; apiUrl: string };

export function africasTalkingSettings(): AfricasTalkingSettings | null {
  const username = setting("AT_USERNAME");
  const apiKey = setting("AT_API_KEY");
  if (!username || !apiKey) return null;
  const apiUrl = withoutTrailingSlash(setting("AT_API_URL") ?? env.AT_API_URL);
  refuseHost(africasTalkingHostAllowed({ AT_API_URL: apiUrl, AT_USERNAME: username }), "AT_API_URL: production only talks to https://api.africastalking.com");
  return { username, apiKey, senderId: setting("AT_SENDER_ID") ?? null, apiUrl };
}

/** The secret in Africa's Talking's callback address: its delivery reports carry no signature. */
export function africasTalkingCallbackSecret(): string | null {
  return setting("AT_CALLBACK_SECRET") ?? null;
}

export type WhatsAppSettings = { token: string; phoneNumberId: string; apiUrl: string; version: string };

export function whatsappSettings(): WhatsAppSettings | null {
  const token = setting("WHATSAPP_TOKEN");
  const phoneNumberId = setting("WHATSAPP_PHONE_NUMBER_ID");
  if (!token || !phoneNumberId) return null;
  const apiUrl = withoutTrailingSlash(setting("WHATSAPP_API_URL") ?? env.WHATSAPP_API_URL);
  refuseHost(whatsappHostAllowed({ WHATSAPP_API_URL: apiUrl, WHATSAPP_TOKEN: token }), "WHATSAPP_API_URL: production only talks to https://graph.facebook.com");
  return { token, phoneNumberId, apiUrl, version: setting("WHATSAPP_API_VERSION") ?? env.WHATSAPP_API_VERSION };
}

/** The app secret Meta signs webhook deliveries with (`X-Hub-Signature-256`). */
export function whatsappAppSecret(): string | null {
  return setting("WHATSAPP_APP_SECRET") ?? null;
}

/** The token we gave Meta when subscribing the webhook; its handshake must repeat it. */
export function whatsappVerifyToken(): string | null {
  return setting("WHATSAPP_VERIFY_TOKEN") ?? null;
}
