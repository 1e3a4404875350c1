import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Db, type Tx } from "~db/client.server";
import { consentRecords, guardianConsents, users } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { absoluteUrl } from "~/utils/urls.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { agreeToEverything } from "./consents.server";
import { GUARDIAN_ACCOUNT_USE, OPTIONAL_USE_KEYS, type OptionalUse } from "./consent-uses";
import { assertEmailSendAllowed } from "./rate-limit.server";
import { normaliseEmail } from "./users.server";

// A young person's account is held until a parent or guardian agrees (NDPA s.31, ADR 0023):
// through an emailed link, or on paper with an organiser.

export const GUARDIAN_LINK_DAYS = 14;

type Reader = Pick<Db, "select">;

// Asked before every booking, request and join: prepared once, and on the one connection it runs
// inside the caller's transaction (ADR 0046).
const consentStateStatement = db.select({ state: users.guardianConsent }).from(users).where(eq(users.id, sql.placeholder("userId"))).prepare();

/** Whether the person's account is held for a parent's or guardian's consent. */
export function awaitsGuardian(userId: string): boolean {
  return consentStateStatement.get({ userId })?.state === "waiting";
}

/** Of these people, the ones whose accounts are held for a parent's or guardian's consent. */
export function awaitingGuardianAmong(userIds: readonly string[]): Set<string> {
  if (!userIds.length) return new Set();
  const rows = db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), eq(users.guardianConsent, "waiting")))
    .all();
  return new Set(rows.map((row) => row.id));
}

/** Earlier links stop working: only the latest email's link gives consent. */
export function closeOpenRequests(tx: Tx, userId: string, now: number) {
  tx.update(guardianConsents)
    .set({ expiresAt: now })
    .where(and(eq(guardianConsents.userId, userId), isNull(guardianConsents.givenAt), gt(guardianConsents.expiresAt, now)))
    .run();
}

/**
 * Emails the parent or guardian a single-use link, in the caller's transaction. Only the
 * token's SHA-256 is kept; the raw token is returned for the caller's tests and goes nowhere else.
 */
export function sendGuardianRequest(tx: Tx, input: { userId: string; childName: string; guardianEmail: string; now: number }): string {
  closeOpenRequests(tx, input.userId, input.now);
  const token = randomId(20);
  tx.insert(guardianConsents)
    .values({
      id: randomId(16),
      userId: input.userId,
      requestedEmail: input.guardianEmail,
      tokenHash: hashToken(token),
      requestedAt: input.now,
      expiresAt: input.now + GUARDIAN_LINK_DAYS * DAY,
    })
    .run();
  enqueueMessage(tx, input.guardianEmail, "guardian-consent-request", {
    childName: input.childName,
    url: absoluteUrl(`/guardian-consent/${token}`),
    adultAge: getOrganisation().adultAge,
    expiresInDays: GUARDIAN_LINK_DAYS,
  });
  return token;
}

type RequestRow = typeof guardianConsents.$inferSelect;

export type GuardianLink =
  | { status: "invalid" | "used" | "expired" }
  | { status: "open"; request: { childName: string; signedUpAt: number; wishes: OptionalUse[]; expiresAt: number } };

function linkRow(reader: Reader, token: string): RequestRow | undefined {
  if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
  return reader.select().from(guardianConsents).where(eq(guardianConsents.tokenHash, hashToken(token))).get();
}

function linkStatus(row: RequestRow | undefined, now: number): "invalid" | "used" | "expired" | "open" {
  if (!row) return "invalid";
  if (row.givenAt !== null) return "used";
  return row.expiresAt > now ? "open" : "expired";
}

/** The optional uses the young person said yes to at sign-up (or since): shown to the guardian. */
function wishesOf(reader: Reader, userId: string): OptionalUse[] {
  const rows = reader.select().from(consentRecords).where(eq(consentRecords.userId, userId)).all();
  const latest = new Map<string, boolean>();
  for (const row of rows.sort((a, b) => a.at - b.at)) latest.set(row.purpose, row.granted);
  return OPTIONAL_USE_KEYS.filter((use) => latest.get(use));
}

/** What the page behind an emailed link shows: the young person and what they asked for, or why it does not work. */
export function guardianLinkFor(token: string): GuardianLink {
  const row = linkRow(db, token);
  const status = linkStatus(row, clock.now());
  if (status !== "open" || !row) return { status: status === "open" ? "invalid" : status };
  const child = db.select({ name: users.name, createdAt: users.createdAt }).from(users).where(eq(users.id, row.userId)).get();
  if (!child) return { status: "invalid" };
  return { status: "open", request: { childName: child.name, signedUpAt: child.createdAt, wishes: wishesOf(db, row.userId), expiresAt: row.expiresAt } };
}

export type GuardianAnswer = {
  guardianName: string;
  guardianEmail?: string;
  guardianPhone?: string;
  relationship: string;
  optionalUses: OptionalUse[];
};

function openAccount(tx: Tx, input: { userId: string; answer: GuardianAnswer; method: "link" | "paper"; now: number }) {
  const { userId, answer, now } = input;
  tx.update(users).set({ guardianConsent: "given", updatedAt: now }).where(eq(users.id, userId)).run();
  agreeToEverything(tx, { userId, optionalUses: answer.optionalUses, source: input.method === "link" ? "guardian" : "paper", now });
  const child = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get()!;
  enqueueMessage(tx, child.email, "guardian-consent-given", { name: child.name, url: absoluteUrl("/me") });
}

const guardianFields = (answer: GuardianAnswer) => ({
  guardianName: answer.guardianName,
  guardianEmail: answer.guardianEmail ?? null,
  guardianPhone: answer.guardianPhone ?? null,
  relationship: answer.relationship,
  agreedUses: [GUARDIAN_ACCOUNT_USE, ...answer.optionalUses],
});

const LINK_REFUSALS = {
  invalid: refuse("This link does not work. Check that you opened the whole link from the email.", { status: 404, code: "invalid" }),
  used: refuse("This link has already been used: consent was given.", { status: 409, code: "used" }),
  expired: refuse("This link has expired. Ask the young person to send a new one from their page, or contact the organisers.", { status: 409, code: "expired" }),
} as const;

/** The parent or guardian agrees through the emailed link: the account opens at once. */
export function giveGuardianConsent(token: string, answer: GuardianAnswer): Outcome<{ childName: string }> {
  const now = clock.now();
  return db.transaction(
    (tx): Outcome<{ childName: string }> => {
      const row = linkRow(tx, token);
      const status = linkStatus(row, now);
      if (status !== "open" || !row) return LINK_REFUSALS[status === "open" ? "invalid" : status];
      // The guard on given_at makes a second answer through the same link impossible.
      const { changes } = tx
        .update(guardianConsents)
        .set({ ...guardianFields(answer), method: "link", givenAt: now })
        .where(and(eq(guardianConsents.id, row.id), isNull(guardianConsents.givenAt)))
        .run();
      if (changes !== 1) return LINK_REFUSALS.used;
      closeOpenRequests(tx, row.userId, now);
      openAccount(tx, { userId: row.userId, answer, method: "link", now });
      recordAudit(tx, { actorId: null, action: "guardian_consent.given", targetType: "user", targetId: row.userId, details: { method: "link", relationship: answer.relationship } });
      const child = tx.select({ name: users.name }).from(users).where(eq(users.id, row.userId)).get()!;
      return { ok: true, childName: child.name };
    },
    { behavior: "immediate" },
  );
}

function latestRequest(reader: Reader, userId: string): RequestRow | undefined {
  return reader.select().from(guardianConsents).where(eq(guardianConsents.userId, userId)).orderBy(desc(guardianConsents.requestedAt), desc(guardianConsents.expiresAt)).get();
}

const NOT_WAITING = refuse("This account is not waiting for a parent's or guardian's consent.", { status: 409, code: "not-waiting" });

/**
 * Sends the request again with a new link (the old one stops working), to the address given or
 * the last one asked. The young person does this from their page (with their address's email
 * limits); organisers from the console (their resend is audited). Throws a 429 when the limits are spent.
 */
export async function resendGuardianRequest(input: { userId: string; actorId: string; guardianEmail?: string; ip?: string }): Promise<Outcome<{ email: string }>> {
  const child = db.select({ name: users.name, email: users.email, state: users.guardianConsent }).from(users).where(eq(users.id, input.userId)).get();
  if (!child || child.state !== "waiting") return NOT_WAITING;
  const email = input.guardianEmail ? normaliseEmail(input.guardianEmail) : latestRequest(db, input.userId)?.requestedEmail;
  if (!email) return refuse("Enter your parent's or guardian's email", { field: "guardianEmail" });
  if (email === normaliseEmail(child.email)) return refuse("Enter your parent's or guardian's own email, not yours", { field: "guardianEmail" });
  if (input.ip) await assertEmailSendAllowed(email, input.ip);
  const now = clock.now();
  return db.transaction(
    (tx): Outcome<{ email: string }> => {
      if (!awaitsGuardian(input.userId)) return NOT_WAITING;
      sendGuardianRequest(tx, { userId: input.userId, childName: child.name, guardianEmail: email, now });
      if (input.actorId !== input.userId) {
        recordAudit(tx, { actorId: input.actorId, action: "guardian_consent.resent", targetType: "user", targetId: input.userId });
      }
      return { ok: true, email };
    },
    { behavior: "immediate" },
  );
}

/** An organiser records consent a parent or guardian gave on a signed paper form. */
export function recordPaperConsent(input: { actorId: string; userId: string; answer: GuardianAnswer }): Outcome<{ childName: string }> {
  const now = clock.now();
  return db.transaction(
    (tx): Outcome<{ childName: string }> => {
      const child = tx.select({ name: users.name, state: users.guardianConsent }).from(users).where(eq(users.id, input.userId)).get();
      if (!child || child.state !== "waiting") return NOT_WAITING;
      closeOpenRequests(tx, input.userId, now);
      tx.insert(guardianConsents)
        .values({
          id: randomId(16),
          userId: input.userId,
          requestedEmail: latestRequest(tx, input.userId)?.requestedEmail ?? "",
          // Nobody holds a link for consent given on paper: the hash of a token never sent.
          tokenHash: hashToken(randomId(20)),
          requestedAt: now,
          expiresAt: now,
          ...guardianFields(input.answer),
          method: "paper",
          recordedBy: input.actorId,
          givenAt: now,
        })
        .run();
      openAccount(tx, { userId: input.userId, answer: input.answer, method: "paper", now });
      recordAudit(tx, {
        actorId: input.actorId,
        action: "guardian_consent.recorded",
        targetType: "user",
        targetId: input.userId,
        details: { method: "paper", relationship: input.answer.relationship },
      });
      return { ok: true, childName: child.name };
    },
    { behavior: "immediate" },
  );
}

export type GuardianStatus = {
  state: "not_needed" | "waiting" | "given";
  requestedEmail: string | null;
  requestedAt: number | null;
  linkExpiresAt: number | null;
  givenAt: number | null;
  method: "link" | "paper" | null;
  guardianName: string | null;
  relationship: string | null;
};

/** Where a young person's consent stands, for their own privacy page. */
export function guardianStatusOf(userId: string): GuardianStatus {
  const state = db.select({ state: users.guardianConsent }).from(users).where(eq(users.id, userId)).get()?.state ?? "not_needed";
  const answered = db
    .select()
    .from(guardianConsents)
    .where(and(eq(guardianConsents.userId, userId), isNotNull(guardianConsents.givenAt)))
    .orderBy(desc(guardianConsents.givenAt))
    .get();
  const latest = latestRequest(db, userId);
  return {
    state,
    requestedEmail: latest?.requestedEmail || null,
    requestedAt: latest?.requestedAt ?? null,
    linkExpiresAt: latest && latest.givenAt === null ? latest.expiresAt : null,
    givenAt: answered?.givenAt ?? null,
    method: answered?.method ?? null,
    guardianName: answered?.guardianName ?? null,
    relationship: answered?.relationship ?? null,
  };
}

export type WaitingAccount = { userId: string; name: string; email: string; signedUpAt: number; requestedEmail: string | null; requestedAt: number | null; linkExpiresAt: number | null };

/** Young people whose accounts wait for a parent's or guardian's consent, longest waiting first. */
export function accountsAwaitingGuardian(): WaitingAccount[] {
  const people = db
    .select({ userId: users.id, name: users.name, email: users.email, signedUpAt: users.createdAt })
    .from(users)
    .where(and(eq(users.guardianConsent, "waiting"), isNull(users.erasedAt)))
    .orderBy(users.createdAt, users.id)
    .all();
  return people.map((person) => {
    const latest = latestRequest(db, person.userId);
    return { ...person, requestedEmail: latest?.requestedEmail || null, requestedAt: latest?.requestedAt ?? null, linkExpiresAt: latest?.expiresAt ?? null };
  });
}
