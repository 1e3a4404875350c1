import { isSecureOrigin } from "./env.server";

/** `__Host-` needs `Secure`, so the prefix is used only when the site is served over https. */
export const SESSION_COOKIE = isSecureOrigin ? "__Host-steppingstone_session" : "steppingstone_session";

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

/** An HttpOnly, same-site cookie for the whole site; `Secure` when the site is served over https. */
export function serializeCookie(name: string, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (isSecureOrigin) parts.push("Secure");
  return parts.join("; ");
}

export function serializeSessionCookie(value: string, maxAgeSeconds: number): string {
  return serializeCookie(SESSION_COOKIE, value, maxAgeSeconds);
}

export function clearSessionCookie(): string {
  return serializeSessionCookie("", 0);
}

/** Carries a log-in that passed the password and still owes a second-factor code (ADR 0022). */
export const PENDING_LOGIN_COOKIE = isSecureOrigin ? "__Host-steppingstone_login" : "steppingstone_login";
