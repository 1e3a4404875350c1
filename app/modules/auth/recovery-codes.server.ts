import { randomBytes } from "~/utils/ids.server";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { recoveryCodes } from "~db/schema";
import { randomId } from "~/utils/ids.server";
import { hashPassword, verifyPassword } from "./password.server";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** "k7q2m-x9hdr": 10 letters and digits (about 49 bits), without look-alikes such as 0/o and 1/l. */
function newRecoveryCode(): string {
  const chars = [...randomBytes(32)].filter((b) => b < 248).map((b) => ALPHABET[b % ALPHABET.length]);
  const code = chars.slice(0, 10).join("");
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : newRecoveryCode();
}

/** How people may type a code: any case, with or without the hyphen and spaces. */
export function normaliseRecoveryCode(input: string): string {
  const bare = input.toLowerCase().replace(/[\s-]/g, "");
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}

/** Fresh codes and their hashes; hashing is slow, so it happens before any transaction. */
export async function generateRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  return { codes, hashes };
}

/** Replaces every recovery code of the person with these. */
export function storeRecoveryCodes(tx: Tx, userId: string, hashes: string[], now: number): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  for (const codeHash of hashes) tx.insert(recoveryCodes).values({ id: randomId(16), userId, codeHash, createdAt: now }).run();
}

export function unusedRecoveryCodes(userId: string) {
  return db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all();
}

/** The id of the unused code this is, or null. */
export async function findRecoveryCode(userId: string, typed: string): Promise<string | null> {
  const code = normaliseRecoveryCode(typed);
  if (!/^[a-z0-9]{5}-[a-z0-9]{5}$/.test(code)) return null;
  for (const row of unusedRecoveryCodes(userId)) {
    if (await verifyPassword(row.codeHash, code)) return row.id;
  }
  return null;
}

/** Marks the code used; false when another request used it first. */
export function spendRecoveryCode(tx: Tx, id: string, now: number): boolean {
  return tx.update(recoveryCodes).set({ usedAt: now }).where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt))).run().changes === 1;
}
