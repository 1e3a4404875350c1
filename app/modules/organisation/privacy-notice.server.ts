import fs from "node:fs";
import path from "node:path";
import { desc, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { privacyNotices } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { whileUnchanged } from "~/utils/data-version.server";
import type { Outcome } from "~/utils/refusal";
import { recordAudit } from "./audit.server";

export type PrivacyNotice = {
  /** 0 for the default text that ships, which names what the organisers must fill in. */
  version: number;
  body: string;
  publishedAt: number | null;
};

const DEFAULT_NOTICE_FILE = "content/privacy/default-notice.md";

let defaultBody: string | null = null;
function defaultNotice(): PrivacyNotice {
  defaultBody ??= fs.readFileSync(path.resolve(process.cwd(), DEFAULT_NOTICE_FILE), "utf8");
  return { version: 0, body: defaultBody, publishedAt: null };
}

// Asked on every signed-in page (has the person read the latest?): prepared once (ADR 0046), and
// kept while nothing is written (ADR 0042).
const latestVersionStatement = db.select({ version: privacyNotices.version }).from(privacyNotices).orderBy(desc(privacyNotices.version)).limit(1).prepare();

/** The version people read now: the latest published, or 0 (the default text) until there is one. */
export function currentPrivacyNoticeVersion(): number {
  return whileUnchanged("privacy-notice-version", () => latestVersionStatement.get()?.version ?? 0);
}

/** The notice people read now: the latest published version, or the default until there is one. */
export function currentPrivacyNotice(): PrivacyNotice {
  const latest = db.select().from(privacyNotices).orderBy(desc(privacyNotices.version)).limit(1).get();
  return latest ? { version: latest.version, body: latest.body, publishedAt: latest.publishedAt } : defaultNotice();
}

/** Publishes a new version; earlier versions are kept, since consents name the version people read. */
export function publishPrivacyNotice({ actorId, body }: { actorId: string; body: string }): Outcome<{ version: number }> {
  return db.transaction(
    (tx) => {
      const next = (tx.select({ last: sql<number>`coalesce(max(${privacyNotices.version}), 0)` }).from(privacyNotices).get()?.last ?? 0) + 1;
      tx.insert(privacyNotices).values({ version: next, body, publishedAt: clock.now(), publishedBy: actorId }).run();
      recordAudit(tx, { actorId, action: "privacy_notice.published", targetType: "privacy_notice", targetId: String(next) });
      return { ok: true as const, version: next };
    },
    { behavior: "immediate" },
  );
}
