import { asc, desc, eq } from "drizzle-orm";
import { absoluteUrl } from "~/utils/urls.server";
import { db, type Tx } from "~db/client.server";
import { partnerEnquiries, userRoles, users, type PartnerStage } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { logger } from "~/utils/logger.server";
import { HONEYPOT_FIELD, PARTNER_KIND_LABELS, PARTNER_STAGE_OPTIONS, type PartnerEnquiryInput } from "./partner-schemas";
import { assertEmailSendAllowed } from "~/modules/auth/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { recordAudit } from "~/modules/organisation/index.server";

type PartnerEnquiry = typeof partnerEnquiries.$inferSelect;

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

/** Every enquiry, newest first, grouped by pipeline stage in the pipeline's order. */
export function partnerPipeline(): { stage: PartnerStage; enquiries: PartnerEnquiry[] }[] {
  const rows = db.select().from(partnerEnquiries).orderBy(desc(partnerEnquiries.createdAt), asc(partnerEnquiries.id)).all();
  return PARTNER_STAGE_OPTIONS.map((stage) => ({ stage, enquiries: rows.filter((row) => row.stage === stage) }));
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
