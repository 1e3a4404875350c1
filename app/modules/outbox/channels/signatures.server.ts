import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `given` is the hex HMAC of the raw body under `key` (case-insensitive hex), compared in
 * constant time. A value that is not hex of the right length never matches.
 */
export function hexHmacMatches(algorithm: "sha256" | "sha512", key: string, rawBody: string, given: string | null): boolean {
  if (!given) return false;
  const value = given.trim().toLowerCase();
  const expected = createHmac(algorithm, key).update(rawBody, "utf8").digest();
  if (!/^[0-9a-f]+$/.test(value) || value.length !== expected.length * 2) return false;
  return timingSafeEqual(expected, Buffer.from(value, "hex"));
}

/** Two secrets compared in constant time, whatever their lengths (both are hashed first). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
