import { and, asc, isNull, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { consentRecords, users } from "~db/schema";
import type { Recipient } from "~/modules/outbox/index.server";

// Who organisers can write news to (ADR 0033).

/**
 * Everyone whose latest answer about news is yes (rows are only added: the latest one per person
 * decides, ties broken by insertion order as consents.server.ts reads them). Nothing optional
 * counts while a young person waits for a guardian's consent (ADR 0023).
 */
export function newsAudience(): Recipient[] {
  const latestNewsAnswer = sql`(select ${consentRecords.granted} from ${consentRecords}
    where ${consentRecords.userId} = ${users.id} and ${consentRecords.purpose} = 'news'
    order by ${consentRecords.at} desc, ${consentRecords}.rowid desc limit 1)`;
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(isNull(users.erasedAt), ne(users.guardianConsent, "waiting"), sql`${latestNewsAnswer} = 1`))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}
