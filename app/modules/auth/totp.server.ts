import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import { encodeBase32NoPadding } from "@oslojs/encoding";
import { randomBytes } from "~/utils/ids.server";

// RFC 6238 as every authenticator app expects it: SHA-1, 30-second steps, six digits.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
// One step either side forgives a phone clock that is a little off.
const DRIFT_STEPS = 1;

export function newTotpKey(): Uint8Array {
  return randomBytes(20);
}

/** The 30-second step an instant falls in. */
export function totpStep(now: number): number {
  return Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
}

/** The code an authenticator shows at `now` (tests type it as a person would). */
export function totpCodeAt(key: Uint8Array, now: number): string {
  return generateHOTP(key, BigInt(totpStep(now)), TOTP_DIGITS);
}

/**
 * The step whose code this is, near `now` and later than `lastUsedStep`; null otherwise.
 * Refusing steps already used means an overheard code cannot be replayed in its window.
 */
export function matchTotp(key: Uint8Array, code: string, now: number, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

/** The secret as people type it into an app, in groups of four. */
export function displayKey(key: Uint8Array): string {
  return encodeBase32NoPadding(key).match(/.{1,4}/g)!.join(" ");
}

export function totpUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
