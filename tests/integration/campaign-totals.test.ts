// A campaign's progress and the sponsor wall read totals kept by triggers on every gift (migration
// 0029, ADR 0055). Whatever writes the gifts (a payment, a refund, an erasure, a move, a script),
// the totals must equal what summing every gift would give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteError } from "better-sqlite3";
import { db } from "~db/client.server";
import { campaignProgress, totalsByCurrency, overallWall } from "~/modules/sponsorship/index.server";
import { clock } from "~/utils/clock.server";
import { pseudoRandom } from "../support/pseudo-random";

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const REFUSALS = ["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_FOREIGNKEY"];
const sqlite = db.$client;
// Ids in the order made, so the same sequence of writes runs every time.
let made = 0;
const nextId = (kind: string) => `${kind}-${String(++made).padStart(5, "0")}`;
class NothingToPick extends Error {}

const WALL_PAGE_SIZE = 30;

/** Each campaign's figures summed from its gifts, as the pages summed them before the totals were kept. */
function countedCampaigns() {
  return sqlite
    .prepare(
      `select c.id as campaignId,
         coalesce(sum(coalesce(d.received_amount, d.amount) - d.refunded_amount), 0) as raised,
         count(d.id) as gifts,
         coalesce(sum(d.recognition <> 'unlisted' and d.parent_donation_id is null), 0) as listed,
         count(distinct case when d.id is null then null when lower(d.donor_email) = '' then 'gift:' || d.id else lower(d.donor_email) end) as donors
       from campaigns c left join donations d on d.campaign_id = c.id and d.status = 'paid'
       group by c.id order by c.id`,
    )
    .all() as { campaignId: string; raised: number; gifts: number; listed: number; donors: number }[];
}

function countedWall() {
  return sqlite
    .prepare(
      `select d.currency as currency, sum(coalesce(d.received_amount, d.amount) - d.refunded_amount) as raised, count(*) as gifts,
         count(distinct case when lower(d.donor_email) = '' then 'gift:' || d.id else lower(d.donor_email) end) as donors
       from donations d join campaigns c on c.id = d.campaign_id
       where d.status = 'paid' and c.status <> 'draft' group by d.currency order by d.currency`,
    )
    .all();
}

function totalsMatchGifts(when: string) {
  const kept = sqlite.prepare("select c.id as campaignId, coalesce(t.raised, 0) as raised, coalesce(t.gifts, 0) as gifts, coalesce(t.listed, 0) as listed, coalesce(t.donors, 0) as donors from campaigns c left join campaign_totals t on t.campaign_id = c.id order by c.id").all();
  const counted = countedCampaigns();
  expect(kept, when).toEqual(counted);
  for (const campaign of counted) {
    const progress = campaignProgress(campaign.campaignId);
    expect({ raised: progress.raised, donors: progress.donors }, when).toEqual({ raised: campaign.raised, donors: campaign.donors });
  }
  expect(totalsByCurrency(), when).toEqual(countedWall());
  const listed = sqlite.prepare("select count(*) from donations d join campaigns c on c.id = d.campaign_id where d.status = 'paid' and d.recognition <> 'unlisted' and d.parent_donation_id is null and c.status <> 'draft'").pluck().get() as number;
  expect(overallWall(1).pageCount, when).toBe(Math.max(1, Math.ceil(listed / WALL_PAGE_SIZE)));
}

function addCampaign(currency: string, status: string): string {
  const id = nextId("campaign");
  sqlite
    .prepare("insert into campaigns (id, slug, title, goal_amount, currency, min_amount, max_amount, status, created_at, updated_at) values (?, ?, 'A campaign', 100000, ?, 100, 1000000, ?, ?, ?)")
    .run(id, `campaign-${id.toLowerCase()}`, currency, status, T0, T0);
  return id;
}

/** Situations the sequence must pass through for the comparison to mean something. */
const CASES: Record<string, string> = {
  "one address, several paid gifts to a campaign": "select count(*) from (select 1 from donations where status = 'paid' and donor_email <> '' group by campaign_id, lower(donor_email) having count(*) > 1)",
  "one address, paid gifts to two campaigns": "select count(*) from (select 1 from donations where status = 'paid' and donor_email <> '' group by lower(donor_email) having count(distinct campaign_id) > 1)",
  "several paid gifts with no address": "select count(*) > 1 from donations where status = 'paid' and donor_email = ''",
  "a draft holding paid gifts": "select count(*) from donations d join campaigns c on c.id = d.campaign_id where d.status = 'paid' and c.status = 'draft'",
  "a partly refunded paid gift": "select count(*) from donations where status = 'paid' and refunded_amount > 0",
};

beforeAll(() => clock.set(T0));
afterAll(() => clock.set(null));

describe("campaign totals", () => {
  it("equal the gifts after any mix of payments, refunds, changes of address, moves, deletes and drafts", () => {
    const next = pseudoRandom(29);
    const pick = <T,>(list: readonly T[]): T => {
      if (!list.length) throw new NothingToPick();
      return list[next(list.length)]!;
    };
    const ids = (query: string, ...params: unknown[]) => sqlite.prepare(`${query} order by 1`).pluck().all(...params) as string[];
    for (const [currency, status] of [["NGN", "open"], ["NGN", "closed"], ["USD", "open"], ["NGN", "draft"], ["USD", "open"]] as const) addCampaign(currency, status);
    const emails = ["ada@example.org", "ADA@example.org", "bola@example.org", "", "chidi@example.org", ""];
    const statuses = ["pending", "paid", "paid", "refunded", "failed"];
    const currencyOf = (campaignId: string) => sqlite.prepare("select currency from campaigns where id = ?").pluck().get(campaignId) as string;
    const give = () => {
      const campaignId = pick(ids("select id from campaigns"));
      const amount = 500 + next(50) * 100;
      sqlite
        .prepare("insert into donations (id, campaign_id, amount, received_amount, currency, interval, method, status, donor_name, donor_email, recognition, parent_donation_id, created_at, updated_at) values (?, ?, ?, ?, ?, 'one_off', 'card', ?, 'A donor', ?, ?, ?, ?, ?)")
        .run(nextId("gift"), campaignId, amount, pick([null, null, amount - 100]), currencyOf(campaignId), pick(statuses), pick(emails), pick(["named", "anonymous", "unlisted"]), next(4) ? null : pick([...ids("select id from donations"), null]), T0, T0);
    };
    const writes: (() => void)[] = [
      give,
      give,
      give,
      () => sqlite.prepare("update donations set status = ? where id = ?").run(pick(statuses), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set refunded_amount = ? where id = ?").run(pick([0, 100, 300]), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set received_amount = ? where id = ?").run(pick([null, 400, 2000]), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set donor_email = ? where id = ?").run(pick(emails), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set recognition = ? where id = ?").run(pick(["named", "anonymous", "unlisted"]), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set parent_donation_id = ? where id = ?").run(pick([null, ...ids("select id from donations")]), pick(ids("select id from donations"))),
      () => {
        const donationId = pick(ids("select id from donations"));
        const to = pick(ids("select id from campaigns where currency = (select currency from donations where id = ?)", donationId));
        sqlite.prepare("update donations set campaign_id = ? where id = ?").run(to, donationId);
      },
      () => sqlite.prepare("update donations set status = 'paid', refunded_amount = 0, donor_email = ? where id = ?").run(pick(emails), pick(ids("select id from donations"))),
      () => sqlite.prepare("update donations set updated_at = updated_at + 1 where id = ?").run(pick(ids("select id from donations"))),
      () => sqlite.prepare("delete from donations where id = ?").run(pick(ids("select id from donations"))),
      () => sqlite.prepare("update campaigns set status = ? where id = ?").run(pick(["draft", "open", "closed"]), pick(ids("select id from campaigns"))),
      () => {
        if ((sqlite.prepare("select count(*) from campaigns").pluck().get() as number) >= 8) throw new NothingToPick();
        addCampaign(pick(["NGN", "USD"]), pick(["draft", "open"]));
      },
    ];
    let written = 0;
    const reached = new Set<string>();
    for (let step = 0; step < 900; step++) {
      try {
        writes[next(writes.length)]!();
        written += 1;
      } catch (error) {
        // A write the schema refuses changes nothing; any other failure (a trigger's own) is a defect.
        if (!(error instanceof NothingToPick) && !(error instanceof SqliteError && REFUSALS.includes(error.code))) throw error;
      }
      totalsMatchGifts(`after step ${step}`);
      for (const [name, query] of Object.entries(CASES)) if ((sqlite.prepare(query).pluck().get() as number) > 0) reached.add(name);
    }
    expect(written).toBeGreaterThan(600);
    // The sequence reached the cases that matter: one address with several paid gifts to a
    // campaign, several paid gifts with no address, and a draft holding paid gifts.
    expect(reached).toEqual(new Set(Object.keys(CASES)));
  });
});
