import { and, eq, gt } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { shortLinks } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { appOrigin, env } from "~/utils/env.server";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CODE_LENGTH = 10;
const CODE_PATTERN = /^[0-9A-Za-z]{10}$/;
// The largest multiple of 62 a byte can hold: bytes above it are thrown away, so every letter is equally likely.
const FAIR_BYTE_LIMIT = 248;

/** Ten base62 characters from the CSPRNG (about 59 bits). */
function newCode(): string {
  let code = "";
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < FAIR_BYTE_LIMIT && code.length < CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

// A web address in running text; punctuation that ends the sentence is not part of it.
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

function isOurs(candidate: string): boolean {
  try {
    return new URL(candidate).origin === appOrigin;
  } catch {
    return false;
  }
}

function storeShortLink(tx: Tx, url: string, link: { outboxId: string | null; expiresAt: number; now: number }): string {
  for (;;) {
    const code = newCode();
    const stored = tx
      .insert(shortLinks)
      .values({ code, url, outboxId: link.outboxId, createdAt: link.now, expiresAt: link.expiresAt })
      .onConflictDoNothing()
      .run();
    if (stored.changes === 1) return code;
  }
}

/**
 * Replaces each of our own links in a text message with `APP_URL/s/CODE`, leaving the rest of the
 * text as it was. Links to other sites stay as they are: a short link only ever leads back here,
 * so it can never be used to send someone elsewhere.
 */
export function shortenLinks(tx: Tx, text: string, link: { outboxId: string | null; expiresAt: number }): string {
  const codes = new Map<string, string>();
  const now = clock.now();
  return text.replace(URL_IN_TEXT, (match) => {
    const url = match.replace(TRAILING_PUNCTUATION, "");
    if (!isOurs(url)) return match;
    let code = codes.get(url);
    if (!code) {
      code = storeShortLink(tx, url, { ...link, now });
      codes.set(url, code);
    }
    return `${new URL(`/s/${code}`, env.APP_URL)}${match.slice(url.length)}`;
  });
}

/**
 * Where a short link leads, or null when the code is unknown, the link has expired, or (whatever
 * wrote the row) it would lead to another site.
 */
export function resolveShortLink(code: string, now = clock.now()): string | null {
  if (!CODE_PATTERN.test(code)) return null;
  const row = db
    .select({ url: shortLinks.url })
    .from(shortLinks)
    .where(and(eq(shortLinks.code, code), gt(shortLinks.expiresAt, now)))
    .get();
  return row && isOurs(row.url) ? row.url : null;
}
