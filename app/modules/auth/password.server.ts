import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { singleton } from "~/utils/singleton.server";

// OWASP's argon2id baseline: 19 MiB of memory, two passes, one lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** Not an argon2 hash, so no password matches it: an account made with a phone number, or by the door team for a walk-in, until it sets a password. */
export const NO_PASSWORD_HASH = "!phone-only";

export function hasPassword(passwordHash: string): boolean {
  return passwordHash.startsWith("$");
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const commonPasswords = singleton(
  "common-passwords",
  () => new Set(dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase())),
);

/** True for passwords found in a maintained list of leaked and common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the timing of "no such account" equal to "wrong password".
const dummyHash = singleton("dummy-password-hash", () => hashPassword("steppingstone-timing-equaliser"));

export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}
