import { asc, desc, eq, sql } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db, type Tx } from "~db/client.server";
import { partnerEnquiries, userRoles, users, type PartnerKind, type PartnerStage } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { pageWindow } from "~/utils/paging";
import { HONEYPOT_FIELD, PARTNER_KIND_LABELS, PARTNER_STAGE_OPTIONS, type PartnerEnquiryInput } from "./partner-schemas";
import { assertEmailSendAllowed } from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";

/** Every organiser's address, in a stable order: who hears of an enquiry or a dispute. */
export function organiserEmails(tx: Tx | typeof db = db): string[] {
  return tx
    .select({ email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, "organiser"))
    .orderBy(asc(users.email))
    .all()
    .map((row) => row.email);
}

/**
 * Stores an enquiry from /partner and emails every organiser about it, in one transaction.
 * A filled-in honeypot means a bot: it is answered like everyone else and nothing is kept.
 * Each enquiry sends email, so it counts against the per-address and per-IP email limits
 * (a 429 is thrown past them).
 */
export async function submitPartnerEnquiry(input: PartnerEnquiryInput, ip: string): Promise<{ id: string | null }> {
  if (input[HONEYPOT_FIELD]) {
    logger.warn({ ip }, "partner enquiry dropped: honeypot filled in");
    return { id: null };
  }
  await assertEmailSendAllowed(input.email, ip);
  const now = clock.now();
  const id = randomId(16);
  const adminUrl = absoluteUrl("/admin/partners");
  db.transaction(
    (tx) => {
      tx.insert(partnerEnquiries)
        .values({
          id,
          organisationName: input.organisationName,
          contactName: input.contactName,
          email: input.email,
          phone: input.phone,
          kind: input.kind,
          message: input.message,
          stage: "new",
          createdAt: now,
          updatedAt: now,
        })
        .run();
      for (const to of organiserEmails()) {
        enqueueMessage(tx, to, "partner-enquiry", {
          organisationName: input.organisationName,
          contactName: input.contactName,
          email: input.email,
          phone: input.phone,
          kind: PARTNER_KIND_LABELS[input.kind],
          message: input.message,
          url: adminUrl,
        });
      }
    },
    { behavior: "immediate" },
  );
  logger.info({ enquiryId: id, kind: input.kind }, "partner enquiry received");
  return { id };
}

/** How many enquiries each stage of the board shows, and each page of one stage. */
export const PARTNER_STAGE_PAGE_SIZE = 20;

const enquiryColumns = {
  id: partnerEnquiries.id,
  organisationName: partnerEnquiries.organisationName,
  contactName: partnerEnquiries.contactName,
  email: partnerEnquiries.email,
  phone: partnerEnquiries.phone,
  kind: partnerEnquiries.kind,
  message: partnerEnquiries.message,
  createdAt: partnerEnquiries.createdAt,
};

export type PartnerEnquiryCard = { id: string; organisationName: string; contactName: string; email: string; phone: string; kind: PartnerKind; message: string; createdAt: number };

/** How many enquiries are at each stage: one grouped count through the index that begins with the stage. */
function stageTotals(): Record<PartnerStage, number> {
  const totals = Object.fromEntries(PARTNER_STAGE_OPTIONS.map((stage) => [stage, 0])) as Record<PartnerStage, number>;
  for (const row of db.select({ stage: partnerEnquiries.stage, n: sql<number>`count(*)` }).from(partnerEnquiries).groupBy(partnerEnquiries.stage).all()) {
    totals[row.stage] = row.n;
  }
  return totals;
}

/** One stage's enquiries from `offset`, newest first (the id breaks ties, so pages never overlap). */
function enquiriesAt(stage: PartnerStage, offset: number): PartnerEnquiryCard[] {
  return db
    .select(enquiryColumns)
    .from(partnerEnquiries)
    .where(eq(partnerEnquiries.stage, stage))
    .orderBy(desc(partnerEnquiries.createdAt), asc(partnerEnquiries.id))
    .limit(PARTNER_STAGE_PAGE_SIZE)
    .offset(offset)
    .all();
}

/** The pipeline board: every stage in the pipeline's order, with how many it holds and its newest enquiries. */
export function partnerPipeline(): { stage: PartnerStage; total: number; enquiries: PartnerEnquiryCard[] }[] {
  const totals = stageTotals();
  return PARTNER_STAGE_OPTIONS.map((stage) => ({ stage, total: totals[stage], enquiries: totals[stage] ? enquiriesAt(stage, 0) : [] }));
}

/** One stage a page at a time, newest first, with every stage's count for the board's links. */
export function partnerStagePage(stage: PartnerStage, page: number) {
  const totals = stageTotals();
  const window = pageWindow(page, totals[stage], PARTNER_STAGE_PAGE_SIZE);
  return { stage, totals, total: totals[stage], page: window.page, pageCount: window.pageCount, enquiries: totals[stage] ? enquiriesAt(stage, window.offset) : [] };
}

/** Moves an enquiry along the pipeline; false when there is no such enquiry. */
export function setPartnerStage({ id, stage, actorId }: { id: string; stage: PartnerStage; actorId: string }): boolean {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(partnerEnquiries).where(eq(partnerEnquiries.id, id)).get();
      if (!row) return false;
      if (row.stage === stage) return true;
      tx.update(partnerEnquiries).set({ stage, updatedAt: clock.now() }).where(eq(partnerEnquiries.id, id)).run();
      recordAudit(tx, {
        actorId,
        action: "partner.stage_changed",
        targetType: "partner_enquiry",
        targetId: id,
        details: { organisation: row.organisationName, from: row.stage, to: stage },
      });
      return true;
    },
    { behavior: "immediate" },
  );
}
