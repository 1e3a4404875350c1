// The list of messages to groups reads each message's tallies, kept by triggers on the outbox
// (migration 0030, ADR 0055). Whatever writes the outbox (sending, a delivery report, a fallback to
// another channel, an erasure), the tallies must equal the outbox rows they count.
import { describe, expect, it } from "vitest";
import { SqliteError } from "better-sqlite3";
import { db } from "~db/client.server";
import { broadcastFigures } from "~/modules/outbox/index.server";
import { pseudoRandom } from "../support/pseudo-random";

const sqlite = db.$client;
const T0 = Date.UTC(2026, 10, 2, 9, 0);
class NothingToPick extends Error {}

const BROADCASTS = ["b-one", "b-two", "b-three"];
// Ids in the order made, so the same sequence of writes runs every time.
let made = 0;
const nextId = () => `message-${String(++made).padStart(5, "0")}`;

function tallies() {
  return sqlite.prepare("select broadcast_id, status, channel, delivery, n from broadcast_tallies where n <> 0 order by 1, 2, 3, 4").all();
}

function counted() {
  return sqlite
    .prepare("select broadcast_id, status, channel, coalesce(delivery_status, '') as delivery, count(*) as n from outbox where broadcast_id is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4")
    .all();
}

/** The figures as the list counted them from the outbox before the tallies were kept. */
function figuresCounted(broadcastId: string) {
  const count = (where: string) => sqlite.prepare(`select count(*) from outbox where broadcast_id = ? and ${where}`).pluck().get(broadcastId) as number;
  const channel = (name: string) => ({
    sent: count(`status = 'sent' and channel = '${name}'`),
    delivered: count(`status = 'sent' and channel = '${name}' and delivery_status in ('delivered', 'read')`),
    read: count(`status = 'sent' and channel = '${name}' and delivery_status = 'read'`),
    failed: count(`status = 'dead' and channel = '${name}'`),
  });
  return {
    total: count("1"),
    sent: count("status = 'sent'"),
    pending: count("status = 'pending'"),
    skipped: count("status = 'skipped'"),
    failed: count("status = 'dead'"),
    byChannel: { email: channel("email"), sms: channel("sms"), whatsapp: channel("whatsapp") },
  };
}

describe("broadcast tallies", () => {
  it("equal the outbox after any mix of queueing, sending, reports, channel changes and deletes", () => {
    const next = pseudoRandom(30);
    const pick = <T,>(list: readonly T[]): T => {
      if (!list.length) throw new NothingToPick();
      return list[next(list.length)]!;
    };
    const ids = () => sqlite.prepare("select id from outbox order by id").pluck().all() as string[];
    const queue = () =>
      sqlite
        .prepare("insert into outbox (id, recipient, template, props, status, channel, delivery_status, broadcast_id, next_attempt_at, created_at) values (?, 'someone@example.org', 'broadcast', '{}', ?, ?, ?, ?, ?, ?)")
        .run(nextId(), pick(["pending", "pending", "skipped"]), pick(["email", "sms", "whatsapp"]), null, pick([...BROADCASTS, null]), T0, T0);
    const writes: (() => void)[] = [
      queue,
      queue,
      queue,
      () => sqlite.prepare("update outbox set status = ? where id = ?").run(pick(["pending", "sent", "dead", "skipped"]), pick(ids())),
      () => sqlite.prepare("update outbox set channel = ? where id = ?").run(pick(["email", "sms", "whatsapp"]), pick(ids())),
      () => sqlite.prepare("update outbox set delivery_status = ? where id = ?").run(pick(["sent", "delivered", "read", "failed", null]), pick(ids())),
      () => sqlite.prepare("update outbox set broadcast_id = ? where id = ?").run(pick([...BROADCASTS, null]), pick(ids())),
      () => sqlite.prepare("update outbox set attempts = attempts + 1, status = status where id = ?").run(pick(ids())),
      () => sqlite.prepare("delete from outbox where id = ?").run(pick(ids())),
    ];
    let written = 0;
    for (let step = 0; step < 600; step++) {
      try {
        writes[next(writes.length)]!();
        written += 1;
      } catch (error) {
        if (!(error instanceof NothingToPick) && !(error instanceof SqliteError)) throw error;
      }
      expect(tallies(), `after step ${step}`).toEqual(counted());
    }
    expect(written).toBeGreaterThan(450);
    for (const broadcastId of BROADCASTS) {
      const figures = broadcastFigures(broadcastId);
      expect(figures).toEqual(figuresCounted(broadcastId));
      expect(figures.total).toBeGreaterThan(5);
      expect(figures.sent).toBeGreaterThan(0);
    }
  });
});
