import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { appOrigin, env } from "./env.server";
import { sha256Hex } from "./ids.server";
import { securityEvent } from "./logger.server";
import { SESSION_COOKIE, readCookie } from "./session-cookie.server";

/** Paths checked by a signature or a secret token in the address instead of by origin; they read their own bodies. */
export const CSRF_EXEMPT_PATHS = new Set(["/webhooks/stripe", "/webhooks/paystack", "/webhooks/termii", "/webhooks/whatsapp", "/email/unsubscribe"]);

// Africa's Talking's callback address carries its secret (it signs nothing): /webhooks/africastalking/<secret>.
const CSRF_EXEMPT_PATTERNS = [/^\/webhooks\/africastalking\/[A-Za-z0-9_-]+$/];

export function isCsrfExempt(path: string): boolean {
  return CSRF_EXEMPT_PATHS.has(path) || CSRF_EXEMPT_PATTERNS.some((pattern) => pattern.test(path));
}

/** Methods that change nothing, so neither the cross-site check nor the body check applies. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Donating by card and managing a monthly gift are form POSTs answered by a redirect to Stripe,
// and Chromium checks form-action against that redirect too. Tests use a local stand-in.
function stripeFormTargets(): string[] {
  const targets = ["https://checkout.stripe.com", "https://billing.stripe.com"];
  const host = env.STRIPE_API_HOST;
  if (host && host !== "api.stripe.com") {
    targets.push(`${env.STRIPE_API_PROTOCOL ?? "https"}://${host}${env.STRIPE_API_PORT ? `:${env.STRIPE_API_PORT}` : ""}`);
  }
  return targets;
}

// Paystack's checkout likewise; in tests its stand-in serves the pay page beside its API.
function paystackFormTargets(): string[] {
  const targets = ["https://checkout.paystack.com"];
  const api = new URL(env.PAYSTACK_API_URL);
  if (api.hostname !== "api.paystack.co") targets.push(api.origin);
  return targets;
}

export function securityHeaders({ development }: { development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [(_req, res) => `'nonce-${(res as Response).locals.nonce}'`, "'strict-dynamic'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        // The service worker at /sw.js (ADR 0035), named outright: browsers differ in how script-src's nonce applies to workers.
        "worker-src": ["'self'"],
        "form-action": ["'self'", ...stripeFormTargets(), ...paystackFormTargets()],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        ...(development ? {} : { "upgrade-insecure-requests": appOrigin.startsWith("https:") ? [] : null }),
      },
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: appOrigin.startsWith("https:") ? { maxAge: 31536000 } : false,
  });
}

/**
 * Refuses state-changing requests that a browser marks as coming from another site.
 * Requests with neither `Origin` nor `Sec-Fetch-Site` come from non-browser clients,
 * which carry no victim's cookies, so they are let through.
 */
export function isCrossSite(req: Pick<Request, "method" | "path" | "protocol" | "get">): boolean {
  if (SAFE_METHODS.has(req.method) || isCsrfExempt(req.path)) return false;
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  // Browsers send `Origin: null` for a form posted from a page under `Referrer-Policy:
  // no-referrer` (the verify-email and reset-password pages): it names no site, so the
  // browser's `Sec-Fetch-Site` decides, and without one the request is refused.
  if (origin === "null") return site !== "same-origin";
  if (origin) {
    const hostOrigin = `${req.protocol}://${req.get("host")}`;
    return origin !== appOrigin && origin !== hostOrigin;
  }
  if (site) return site !== "same-origin" && site !== "none";
  return false;
}

export function csrfGuard(req: Request, res: Response, next: NextFunction) {
  if (!isCrossSite(req)) {
    // React Router compares `Origin` with `Host` itself and aborts the action with a 500 when they
    // differ: on an opaque `null`, and behind a proxy that sends its own upstream address as
    // `Host` (nginx's default). This request has been judged against APP_URL above, so the
    // header has done its work and goes.
    delete req.headers.origin;
    return next();
  }
  securityEvent("csrf.refused", { path: req.path, origin: req.get("origin") ?? null, ip: req.ip });
  res.status(403).type("text/plain").send("Forbidden: this request came from another site.");
}

/**
 * Pages seen while signed in are never stored by browsers or shared caches. The service worker
 * keeps a few of them itself, and drops them when this opaque tag of the session changes, so a
 * second person signing in on the same phone never sees the first one's (ADR 0035).
 */
export function noStoreForSignedIn(req: Request, res: Response, next: NextFunction) {
  const session = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (session) {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Offline-Owner", sha256Hex(`offline-owner:${session}`).slice(0, 32));
  }
  next();
}

// Headers a route may set to tighten the default (a token page's `no-referrer`, say).
const OVERRIDABLE_HEADERS = new Set(["referrer-policy", "cross-origin-resource-policy"]);

/**
 * The React Router adapter appends route headers; for these, the route's value replaces the default
 * instead of standing beside it as a second, conflicting header.
 */
export function routeHeadersReplaceDefaults(_req: Request, res: Response, next: NextFunction) {
  const append = res.append.bind(res);
  res.append = (field: string, value?: string[] | string) =>
    OVERRIDABLE_HEADERS.has(field.toLowerCase()) && value !== undefined ? res.set(field, value) : append(field, value);
  next();
}
