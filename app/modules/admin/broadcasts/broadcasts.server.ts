import { desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~db/client.server";
import { broadcasts, outbox, users } from "~db/schema";
import { getOrganisation, recordAudit } from "~/modules/organisation/index.server";
import { broadcastFigures, dropPendingJobs, enqueueBroadcast, planReach, registerJobHandler, scheduleJob, type BroadcastFigures, type Recipient, type ReachPlan } from "~/modules/outbox/index.server";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { localInputToInstant } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { randomId } from "~/utils/ids.server";
import { refuse, type Outcome, type Refusal } from "~/utils/refusal";
import { absoluteUrl } from "~/utils/urls.server";
import { describeAudience, resolveAudience } from "./audiences.server";
import { audienceSchema, type Audience } from "./schemas";

// Messages organisers write to a chosen group (ADR 0033): checked before, sent now or later, one
// per person, followed afterwards.

export const BROADCAST_SEND_JOB = "admin.broadcast-send";
const jobKey = (broadcastId: string) => `broadcast-send:${broadcastId}`;

export type BroadcastMessage = { subject: string; body: string; link: string };

/** The form field a refusal about the group belongs next to. */
function fieldOf(audience: Audience): string {
  if (audience.kind === "event" || audience.kind === "series") return "event";
  if (audience.kind === "cohort-members" || audience.kind === "cohort-stuck") return "cohort";
  return audience.kind === "campaign-sponsors" ? "campaign" : "group";
}

/** The link as the message carries it: a page of this site in full, or an https address; a refusal otherwise. */
function linkFor(link: string): { ok: true; link: string } | Refusal {
  const typed = link.trim();
  if (!typed) return { ok: true, link: "" };
  const site = new URL(env.APP_URL).origin;
  let url: URL;
  try {
    url = typed.startsWith("/") && !typed.startsWith("//") ? new URL(absoluteUrl(typed)) : new URL(typed);
  } catch {
    return refuse("Enter a page of this site starting with /, or a full address starting with https://", { field: "link" });
  }
  if (url.protocol !== "https:" && url.origin !== site) return refuse("Links to other sites must start with https://", { field: "link" });
  return { ok: true, link: url.toString() };
}

type Checked = { label: string; message: BroadcastMessage };

function check(audience: Audience, message: BroadcastMessage): Outcome<Checked> {
  const label = describeAudience(audience);
  if (!label) return refuse("That no longer exists: choose again.", { field: fieldOf(audience) });
  const link = linkFor(message.link);
  if (!link.ok) return link;
  return { ok: true, label, message: { subject: message.subject.trim(), body: message.body.trim(), link: link.link } };
}

/** Before sending: who the group is, and how many it reaches on each channel at what SMS cost. */
export function previewBroadcast(input: { audience: Audience; message: BroadcastMessage }): Outcome<{ label: string; plan: ReachPlan }> {
  const checked = check(input.audience, input.message);
  if (!checked.ok) return checked;
  return { ok: true, label: checked.label, plan: planReach(resolveAudience(input.audience), checked.message) };
}

const LONGEST_WAIT = 366 * DAY;

/** When a scheduled message goes, typed in the organisation's time zone; a refusal at the field otherwise. */
function sendTime(local: string, now: number): { ok: true; at: number } | Refusal {
  const at = localInputToInstant(local.slice(0, 16), getOrganisation().timeZone);
  if (at === null) return refuse("Enter a real date and time, like 03/12/2026 14:30", { field: "sendAt" });
  if (at < now + MINUTE) return refuse("Choose a time in the future, or send it now", { field: "sendAt" });
  if (at > now + LONGEST_WAIT) return refuse("Choose a time within the next year", { field: "sendAt" });
  return { ok: true, at };
}

function queue(tx: Tx, broadcastId: string, recipients: Recipient[], message: BroadcastMessage): number {
  return enqueueBroadcast(tx, { broadcastId, recipients, ...message });
}

export type SendResult = Outcome<{ broadcastId: string; status: "sent" | "scheduled"; recipients: number }>;

/**
 * Sends the message to the group now (the row and every person's message in one transaction), or
 * keeps it for `sendAtLocal`, when the group is worked out again, so it reaches who is in it then.
 */
export function sendOrScheduleBroadcast(input: { actorId: string; audience: Audience; message: BroadcastMessage; sendAtLocal: string | null }): SendResult {
  const checked = check(input.audience, input.message);
  if (!checked.ok) return checked;
  const now = clock.now();
  const when = input.sendAtLocal === null ? null : sendTime(input.sendAtLocal, now);
  if (when && !when.ok) return when;
  const id = randomId(16);
  const row = { id, ...checked.message, audience: input.audience, audienceLabel: checked.label, createdBy: input.actorId, createdAt: now };
  return db.transaction(
    (tx): SendResult => {
      const recipients = resolveAudience(input.audience);
      if (!when) {
        if (!recipients.length) return refuse("Nobody is in this group now, so there is no one to send it to.", { field: fieldOf(input.audience), status: 409 });
        tx.insert(broadcasts).values({ ...row, status: "sent", sendAt: now, sentAt: now, recipients: recipients.length }).run();
        queue(tx, id, recipients, checked.message);
        recordAudit(tx, { actorId: input.actorId, action: "broadcast.sent", targetType: "broadcast", targetId: id, details: { audience: checked.label, recipients: recipients.length } });
        return { ok: true, broadcastId: id, status: "sent", recipients: recipients.length };
      }
      tx.insert(broadcasts).values({ ...row, status: "scheduled", sendAt: when.at, recipients: recipients.length }).run();
      scheduleJob(tx, { kind: BROADCAST_SEND_JOB, runAt: when.at, payload: { broadcastId: id }, uniqueKey: jobKey(id) });
      recordAudit(tx, { actorId: input.actorId, action: "broadcast.scheduled", targetType: "broadcast", targetId: id, details: { audience: checked.label, sendAt: new Date(when.at).toISOString() } });
      return { ok: true, broadcastId: id, status: "scheduled", recipients: recipients.length };
    },
    { behavior: "immediate" },
  );
}

/** The scheduled job: works the group out now and queues everyone's message. Returns how many were queued. */
export function sendScheduledBroadcast(broadcastId: string): number {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).get();
      if (row?.status !== "scheduled") return 0;
      const audience = audienceSchema.safeParse(row.audience);
      const recipients = audience.success ? resolveAudience(audience.data) : [];
      const queued = queue(tx, row.id, recipients, { subject: row.subject, body: row.body, link: row.link });
      tx.update(broadcasts).set({ status: "sent", sentAt: clock.now(), recipients: recipients.length }).where(eq(broadcasts.id, row.id)).run();
      recordAudit(tx, { actorId: null, action: "broadcast.sent", targetType: "broadcast", targetId: row.id, details: { audience: row.audienceLabel, recipients: recipients.length, scheduled: true } });
      return queued;
    },
    { behavior: "immediate" },
  );
}

/** Stops a scheduled message before it goes; one already sent cannot be called back. */
export function cancelScheduledBroadcast(input: { actorId: string; broadcastId: string }): Outcome {
  return db.transaction(
    (tx): Outcome => {
      const row = tx.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, input.broadcastId)).get();
      if (!row) return refuse("There is no such message.", { status: 404, code: "not-found" });
      if (row.status === "sent") return refuse("This message has already gone out, so it cannot be cancelled.", { status: 409, code: "sent" });
      if (row.status === "cancelled") return { ok: true };
      tx.update(broadcasts).set({ status: "cancelled" }).where(eq(broadcasts.id, input.broadcastId)).run();
      dropPendingJobs(tx, jobKey(input.broadcastId));
      recordAudit(tx, { actorId: input.actorId, action: "broadcast.cancelled", targetType: "broadcast", targetId: input.broadcastId });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

type BroadcastRow = typeof broadcasts.$inferSelect;
export type BroadcastSummary = Pick<BroadcastRow, "id" | "subject" | "status" | "audienceLabel" | "sendAt" | "sentAt" | "recipients"> & { figures: BroadcastFigures | null };

const LIST_LIMIT = 100;

/** The latest messages to groups, newest first, with how the sent ones went. */
export function listBroadcasts(): BroadcastSummary[] {
  return db
    .select({ id: broadcasts.id, subject: broadcasts.subject, status: broadcasts.status, audienceLabel: broadcasts.audienceLabel, sendAt: broadcasts.sendAt, sentAt: broadcasts.sentAt, recipients: broadcasts.recipients })
    .from(broadcasts)
    .orderBy(desc(broadcasts.sendAt), desc(broadcasts.createdAt))
    .limit(LIST_LIMIT)
    .all()
    .map((row) => ({ ...row, figures: row.status === "sent" ? broadcastFigures(row.id) : null }));
}

/** One message to a group with its figures and why some people were not sent it; undefined when there is none. */
export function broadcastDetail(broadcastId: string) {
  const row = db
    .select({ broadcast: broadcasts, createdByName: users.name })
    .from(broadcasts)
    .leftJoin(users, eq(users.id, broadcasts.createdBy))
    .where(eq(broadcasts.id, broadcastId))
    .get();
  if (!row) return undefined;
  const skipped = db
    .select({ reason: sql<string>`coalesce(${outbox.skippedReason}, '')`, count: sql<number>`count(*)` })
    .from(outbox)
    .where(sql`${outbox.broadcastId} = ${broadcastId} and ${outbox.status} = 'skipped'`)
    .groupBy(outbox.skippedReason)
    .orderBy(desc(sql`count(*)`))
    .all();
  return { ...row.broadcast, createdByName: row.createdByName, figures: broadcastFigures(broadcastId), skipped };
}

/** Registers the admin area's scheduled work; called once before the worker starts. */
export function registerAdminJobs() {
  registerJobHandler(BROADCAST_SEND_JOB, (payload) => {
    sendScheduledBroadcast(String(payload.broadcastId));
  });
}
