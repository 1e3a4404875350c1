import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { consentRecords, users, type CONSENT_SOURCES } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { currentPrivacyNoticeVersion, getOrganisation } from "~/modules/organisation/index.server";
import { OPTIONAL_USE_KEYS, type ConsentPurpose, type OptionalUse } from "./consent-uses";
import { ageOn } from "./age.server";

// What people agreed to (ADR 0023). Rows are only ever added: the latest row per purpose is the
// current answer, and the history shows what was true when.

type ConsentSource = (typeof CONSENT_SOURCES)[number];
type ConsentRow = typeof consentRecords.$inferSelect;

/** Adds one row per entry, all naming the notice version people read now. */
export function appendConsents(tx: Tx, input: { userId: string; entries: { purpose: ConsentPurpose; granted: boolean }[]; source: ConsentSource; now: number }) {
  const noticeVersion = currentPrivacyNoticeVersion();
  for (const { purpose, granted } of input.entries) {
    tx.insert(consentRecords).values({ id: randomId(16), userId: input.userId, purpose, granted, noticeVersion, source: input.source, at: input.now }).run();
  }
}

/** Sign-up, or a guardian's answer: the notice and the terms agreed, and a yes or no to each optional use. */
export function agreeToEverything(tx: Tx, input: { userId: string; optionalUses: readonly OptionalUse[]; source: ConsentSource; now: number }) {
  const entries = [
    { purpose: "privacy_notice" as const, granted: true },
    { purpose: "terms" as const, granted: true },
    ...OPTIONAL_USE_KEYS.map((purpose) => ({ purpose, granted: input.optionalUses.includes(purpose) })),
  ];
  appendConsents(tx, { userId: input.userId, entries, source: input.source, now: input.now });
}

function rowsOf(reader: Pick<Tx, "select">, userId: string): ConsentRow[] {
  // Rows written in one operation share an instant; the insertion order breaks the tie.
  return reader.select().from(consentRecords).where(eq(consentRecords.userId, userId)).orderBy(asc(consentRecords.at), sql`rowid`).all();
}

function latestByPurpose(rows: ConsentRow[]): Map<string, ConsentRow> {
  const latest = new Map<string, ConsentRow>();
  for (const row of rows) latest.set(row.purpose, row);
  return latest;
}

export type ConsentAnswer = { granted: boolean; at: number; source: ConsentSource; noticeVersion: number };

export type ConsentSummary = {
  /** The notice version last agreed to, and when; null when the person never agreed to one here. */
  notice: ConsentAnswer | null;
  terms: ConsentAnswer | null;
  optional: Record<OptionalUse, ConsentAnswer | null>;
  /** Every row, oldest first: the record the law asks us to be able to show. */
  history: (ConsentAnswer & { purpose: string })[];
};

const answer = (row: ConsentRow | undefined): ConsentAnswer | null =>
  row ? { granted: row.granted, at: row.at, source: row.source, noticeVersion: row.noticeVersion } : null;

/** What the person agreed to, and when: the latest answer per purpose and the whole history. */
export function consentsOf(userId: string): ConsentSummary {
  const rows = rowsOf(db, userId);
  const latest = latestByPurpose(rows);
  const optional = Object.fromEntries(OPTIONAL_USE_KEYS.map((key) => [key, answer(latest.get(key))])) as Record<OptionalUse, ConsentAnswer | null>;
  return {
    notice: answer(latest.get("privacy_notice")),
    terms: answer(latest.get("terms")),
    optional,
    history: rows.map((row) => ({ purpose: row.purpose, ...answer(row)! })),
  };
}

function userFacts(userId: string) {
  return db.select({ birthDate: users.birthDate, guardianConsent: users.guardianConsent }).from(users).where(eq(users.id, userId)).get();
}

/** Whether the person is under the organisation's age of consent today (by the birth date they gave). */
export function isUnderAge(birthDate: string | null, now: number): boolean {
  if (!birthDate) return false;
  const { adultAge, timeZone } = getOrganisation();
  return ageOn(birthDate, now, timeZone) < adultAge;
}

/**
 * Whether others may use the person's data this way now. Nothing optional counts while a
 * young person waits for a parent's or guardian's consent.
 */
export function hasOptionalConsent(userId: string, use: OptionalUse): boolean {
  const facts = userFacts(userId);
  if (!facts || facts.guardianConsent === "waiting") return false;
  return latestByPurpose(rowsOf(db, userId)).get(use)?.granted ?? false;
}

const MINOR_CANNOT_GRANT =
  "Your parent or guardian decides which of these to turn on until you are older. You can turn any of them off. Ask the organisers for a form to take home.";

/**
 * Saves the optional uses ticked now, adding a row only for each answer that changed. Someone
 * under the age of consent may turn a use off but not on: that is their parent's or guardian's call.
 */
export function changeOptionalConsents(userId: string, ticked: readonly OptionalUse[]): Outcome<{ changed: OptionalUse[] }> {
  const now = clock.now();
  const facts = userFacts(userId);
  if (!facts) return refuse("We could not find your account.", { status: 404 });
  const minor = facts.guardianConsent !== "not_needed" && isUnderAge(facts.birthDate, now);
  return db.transaction(
    (tx): Outcome<{ changed: OptionalUse[] }> => {
      const latest = latestByPurpose(rowsOf(tx, userId));
      const changed = OPTIONAL_USE_KEYS.filter((use) => (latest.get(use)?.granted ?? false) !== ticked.includes(use));
      if (minor && changed.some((use) => ticked.includes(use))) return refuse(MINOR_CANNOT_GRANT, { field: "optionalUses", status: 403 });
      appendConsents(tx, { userId, entries: changed.map((use) => ({ purpose: use, granted: ticked.includes(use) })), source: "settings", now });
      return { ok: true, changed };
    },
    { behavior: "immediate" },
  );
}

/** The notice version the person last agreed to; null when they never agreed to one. */
function agreedNoticeVersion(userId: string): number | null {
  const row = db
    .select({ version: sql<number | null>`max(${consentRecords.noticeVersion})` })
    .from(consentRecords)
    .where(and(eq(consentRecords.userId, userId), eq(consentRecords.purpose, "privacy_notice"), eq(consentRecords.granted, true)))
    .get();
  return row?.version ?? null;
}

/** True when a newer privacy notice was published than the one the person last read. */
export function needsNoticeReread(userId: string): boolean {
  const current = currentPrivacyNoticeVersion();
  // Version 0 is the default text before the organisers publish their own: nothing to re-read.
  if (current === 0) return false;
  return (agreedNoticeVersion(userId) ?? -1) < current;
}

/** "I have read it": records that the person read the notice that is current now. */
export function acknowledgeNotice(userId: string): { ok: true; version: number } {
  const now = clock.now();
  const version = currentPrivacyNoticeVersion();
  db.transaction((tx) => appendConsents(tx, { userId, entries: [{ purpose: "privacy_notice", granted: true }], source: "notice_update", now }), { behavior: "immediate" });
  return { ok: true, version };
}
