import { TZDate } from "@date-fns/tz";
import { and, asc, eq, gte, inArray, lt, ne, notInArray } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { donations, statementLines } from "~db/schema";
import { REFERENCE_ALPHABET } from "../donations.server";

// How a credit on the statement finds the pledge it pays (ADR 0028): by the pledge's reference
// written anywhere in the narration, else by its amount and date when exactly one pledge fits.

/** A transfer pledged this many days before the money arrived can still be the one it paid. */
export const MATCH_WINDOW_DAYS = 14;

const REFERENCE_LENGTH = 8;

/**
 * The pledge references a narration mentions, as we write them ("SS-7KQ4-MZ2P"). Banks and
 * banking apps cut, re-case and space what donors type ("ss 7kq4mz2p", "SS-7KQ4 MZ2P",
 * "TRF/SS7KQ4/MZ2P"), so spaces and punctuation are ignored and every "SS" is tried.
 */
export function referencesIn(narration: string): string[] {
  const compact = narration.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const found = new Set<string>();
  for (let at = compact.indexOf("SS"); at >= 0; at = compact.indexOf("SS", at + 1)) {
    const chars = compact.slice(at + 2, at + 2 + REFERENCE_LENGTH);
    if (chars.length === REFERENCE_LENGTH && [...chars].every((c) => REFERENCE_ALPHABET.includes(c))) found.add(`SS-${chars.slice(0, 4)}-${chars.slice(4)}`);
  }
  return [...found];
}

/** Whether another credit already stands for this gift (proposed or confirmed): a line never takes it. */
export function heldByAnotherLine(tx: Tx, donationId: string, exceptLineId: string): boolean {
  return Boolean(
    tx
      .select({ id: statementLines.id })
      .from(statementLines)
      .where(and(eq(statementLines.donationId, donationId), inArray(statementLines.status, ["proposed", "confirmed"]), ne(statementLines.id, exceptLineId)))
      .get(),
  );
}

/**
 * Waiting pledges another credit already stands for (proposed or confirmed): the automatic matches and the
 * manual choices leave them out. Only waiting pledges can be matched, so the search starts from
 * them (a cross join keeps SQLite to that order) rather than from every line ever matched.
 */
export function heldDonationIds(tx: Tx): string[] {
  return tx
    .select({ donationId: statementLines.donationId })
    .from(donations)
    .crossJoin(statementLines)
    .where(
      and(
        eq(donations.status, "pending"),
        eq(donations.method, "bank_transfer"),
        eq(statementLines.donationId, donations.id),
        inArray(statementLines.status, ["proposed", "confirmed"]),
      ),
    )
    .all()
    .map((row) => row.donationId!);
}

type Credit = { id: string; postedOn: string; amount: number; currency: string; narration: string };

const pendingTransfer = (currency: string, held: string[]) =>
  and(eq(donations.method, "bank_transfer"), eq(donations.status, "pending"), eq(donations.currency, currency), held.length ? notInArray(donations.id, held) : undefined);

/** Waiting pledges the narration names by reference. */
export function pledgesNamedIn(tx: Tx, credit: Credit, held: string[]): { id: string; reference: string | null }[] {
  const references = referencesIn(credit.narration);
  if (!references.length) return [];
  return tx
    .select({ id: donations.id, reference: donations.reference })
    .from(donations)
    .where(and(inArray(donations.reference, references), pendingTransfer(credit.currency, held)))
    .all();
}

/** Waiting pledges of exactly the credit's amount, made on the day it arrived or up to 14 days before. */
export function pledgesFitting(tx: Tx, credit: Credit, held: string[], timeZone: string): { id: string }[] {
  const [year, month, day] = credit.postedOn.split("-").map(Number);
  const from = new TZDate(year, month - 1, day - MATCH_WINDOW_DAYS, timeZone).getTime();
  const until = new TZDate(year, month - 1, day + 1, timeZone).getTime();
  return tx
    .select({ id: donations.id })
    .from(donations)
    .where(and(pendingTransfer(credit.currency, held), eq(donations.amount, credit.amount), gte(donations.createdAt, from), lt(donations.createdAt, until)))
    .orderBy(asc(donations.createdAt), asc(donations.id))
    .all();
}

export type ProposedMatch = { donationId: string; matchedBy: "reference" | "amount_and_date" };

/** The one pledge a credit pays, when the rules find exactly one; null leaves the credit for an organiser. */
export function proposeMatch(tx: Tx, credit: Credit, held: string[], timeZone: string): ProposedMatch | null {
  const named = pledgesNamedIn(tx, credit, held);
  if (named.length === 1) return { donationId: named[0].id, matchedBy: "reference" };
  // A narration naming two waiting pledges is for an organiser to split, not for a guess.
  if (named.length > 1) return null;
  const fitting = pledgesFitting(tx, credit, held, timeZone);
  return fitting.length === 1 ? { donationId: fitting[0].id, matchedBy: "amount_and_date" } : null;
}
