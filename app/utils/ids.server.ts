import { hash } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { noteRandomDrawn } from "./reply-scope.server";

// Bytes from the CSPRNG drawn 4 KiB at a time and handed out once each: one call into the
// system's generator costs about as much for 4 KiB as for 16 bytes, and a booking needs several ids.
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let used = POOL_SIZE;

/**
 * `count` fresh random bytes from the CSPRNG (never handed out twice). A reply that draws any is
 * not sent again to anyone: a form key drawn for one page must not reach two (ADR 0052).
 */
export function randomBytes(count: number): Uint8Array {
  noteRandomDrawn();
  return draw(count);
}

/** The nonce of a page's Content-Security-Policy: it goes with the page when the page is kept (ADR 0048). */
export function newNonce(): string {
  return Buffer.from(draw(16)).toString("base64");
}

function draw(count: number): Uint8Array {
  if (count > POOL_SIZE) return crypto.getRandomValues(new Uint8Array(count));
  if (used + count > POOL_SIZE) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const bytes = pool.slice(used, used + count);
  pool.fill(0, used, used + count);
  used += count;
  return bytes;
}

/** A random identifier with `bytes * 8` bits of entropy from the CSPRNG, URL-safe. */
export function randomId(bytes = 16): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

// SHA-256 in one call into OpenSSL: no hasher object and no digest in JavaScript, a few times
// cheaper for the short texts hashed on every signed-in request (session secrets, door lists).

/** SHA-256 of a text, as bytes. */
export function sha256Bytes(text: string): Uint8Array {
  return hash("sha256", text, "buffer");
}

/** SHA-256 of a text, as lowercase hex. */
export function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}

/** Hex SHA-256 of a token, for storing emailed tokens without the token itself. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}
