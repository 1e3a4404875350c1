import { or, sql, type SQL, type SQLWrapper } from "drizzle-orm";

// Taking an erased person out of text other people keep (a mentor's notes, an organiser's audit
// entry, an email sent to someone else). See ADR 0024.

export const REMOVED = "[removed]";

// Placeholder addresses (erased accounts, donors made anonymous, accounts made with a phone number
// only) are at a reserved domain that never receives mail.
const PLACEHOLDER_DOMAIN = "@invalid.example";

/** A new placeholder address: unique, and standing for no one. */
export function placeholderAddress(prefix: "erased" | "anonymous" | "phone", random: string): string {
  return `${prefix}-${random}${PLACEHOLDER_DOMAIN}`;
}

/** True for an address that stands in for an erased or anonymised person: mail to it goes nowhere. */
export function isPlaceholderAddress(address: string): boolean {
  return address.trim().toLowerCase().endsWith(PLACEHOLDER_DOMAIN);
}

/** The SQL `like` pattern that matches every placeholder address. */
export const PLACEHOLDER_PATTERN = `%${PLACEHOLDER_DOMAIN}`;

/**
 * Who is being erased: their name and address as the account held them, and the address at a
 * domain that cannot receive mail that takes the real one's place where a row must stay unique
 * to the person (their account, their gifts, so totals still count them once).
 */
export type ErasedPerson = { userId: string; name: string; email: string; placeholderEmail: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// How React and the mail renderer write these characters in HTML.
const htmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const NOT_A_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_A_LETTER_AFTER = "(?![\\p{L}\\p{N}])";

/**
 * Where the person is surely the one meant (notes in their own mentorship), each part of their
 * name of three letters or more is taken out too, as a whole word with its capital ("Ada" in
 * "Ada did well", not in "Adamawa"). Elsewhere only the full name and the address are, so that
 * everyone else called Ada keeps their name.
 */
export type RedactOptions = { nameParts?: boolean };

type Person = Pick<ErasedPerson, "name" | "email">;

function namePartsOf(name: string): string[] {
  return [...new Set(name.split(/[\s,]+/u).map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")).filter((part) => [...part].length >= 3))];
}

/** The full name and the address anywhere (any case, as typed or as HTML writes them), then the name's parts if asked. */
function patternsFor(person: Person, options: RedactOptions): RegExp[] {
  const whole = new Set<string>();
  for (const text of [person.name.trim(), person.email.trim()]) {
    if ([...text].length < 3) continue;
    whole.add(text);
    whole.add(htmlEscape(text));
  }
  const patterns = [...whole].sort((a, b) => b.length - a.length).map((text) => new RegExp(escapeRegExp(text), "giu"));
  if (options.nameParts) {
    for (const part of namePartsOf(person.name)) patterns.push(new RegExp(`${NOT_A_LETTER_BEFORE}${escapeRegExp(part)}${NOT_A_LETTER_AFTER}`, "gu"));
  }
  return patterns;
}

/** The text with every mention of the person replaced by "[removed]". */
export function redactText(text: string, person: Person, options: RedactOptions = {}): string {
  return patternsFor(person, options).reduce((out, pattern) => out.replace(pattern, REMOVED), text);
}

/** The same for every string inside a JSON value (email props, audit details). */
export function redactValue<T>(value: T, person: Person): T {
  if (typeof value === "string") return redactText(value, person) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, person)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValue(inner, person)])) as T;
  }
  return value;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A SQL condition true for rows where any of `columns` may mention the person (as `redactText`
 * with the same options would find them, ignoring case): the rows to read and pass through it.
 */
export function mayMention(columns: SQLWrapper[], person: Person, options: RedactOptions = {}): SQL {
  const name = person.name.trim();
  const terms = [...new Set([person.email.trim(), name, htmlEscape(name), ...(options.nameParts ? namePartsOf(name) : [])])].filter((term) => [...term].length >= 3);
  const checks = columns.flatMap((column) => terms.map((term) => sql`${column} like ${`%${escapeLike(term)}%`} escape '\\'`));
  return or(...checks) ?? sql`0`;
}
