import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import type { CsrfProbe, CsrfWorld } from "./csrf-world";

// Requests to the sponsorship pages that WOULD change the demo database if let through, for the
// cross-site tests. Where the demo data has no row to act on (a pending transfer, a new partner
// enquiry), one is written before the database is fingerprinted, so the probe still has
// something to change, and changes something else on each same-site run.

type Rows = { campaignId: string; slug: string; minAmount: string; pledgeId: string; enquiryId: string };

const id = () => randomBytes(16).toString("hex");

/** The major-unit text of a minor amount (2 decimals), as typed in a form: 150000 → "1500". */
const major = (minor: number) => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

function demoRows(w: CsrfWorld): Rows {
  const sqlite = new Database(w.server.databaseFile);
  try {
    const now = Date.now();
    let campaign = sqlite
      .prepare(
        `select id, slug, min_amount as minAmount from campaigns where status = 'open'
         and (starts_at is null or starts_at <= ?) and (ends_at is null or ends_at > ?) order by created_at, id limit 1`,
      )
      .get(now, now) as { id: string; slug: string; minAmount: number } | undefined;
    if (!campaign) {
      campaign = { id: id(), slug: `csrf-appeal-${now}`, minAmount: 50_000 };
      sqlite
        .prepare(
          `insert into campaigns (id, slug, title, summary, story, goal_amount, currency, min_amount, max_amount, status, created_at, updated_at)
           values (?, ?, 'Cross-site appeal', '', '', 100000000, 'NGN', ?, 100000000, 'open', ?, ?)`,
        )
        .run(campaign.id, campaign.slug, campaign.minAmount, now, now);
    }
    const pending = () =>
      sqlite.prepare("select id from donations where method = 'bank_transfer' and status = 'pending' order by created_at, id limit 1").get() as
        | { id: string }
        | undefined;
    if (!pending()) {
      sqlite
        .prepare(
          `insert into donations (id, campaign_id, amount, currency, interval, method, status, donor_name, donor_email, recognition, message, reference, created_at, updated_at)
           values (?, ?, 500000, 'NGN', 'one_off', 'bank_transfer', 'pending', 'Cross Site Pledger', 'csrf-pledger@example.org', 'named', '', ?, ?, ?)`,
        )
        .run(id(), campaign.id, `SS-CSRF-${id().slice(0, 6).toUpperCase()}`, now, now);
    }
    let enquiry = sqlite.prepare("select id from partner_enquiries where stage = 'new' order by created_at, id limit 1").get() as { id: string } | undefined;
    if (!enquiry) {
      enquiry = { id: id() };
      sqlite
        .prepare(
          `insert into partner_enquiries (id, organisation_name, contact_name, email, phone, kind, message, stage, created_at, updated_at)
           values (?, 'Cross Site Ltd', 'Cross Site', 'csrf-partner@example.org', '', 'sponsorship', 'A message long enough.', 'new', ?, ?)`,
        )
        .run(enquiry.id, now, now);
    }
    // An earlier probe (the settings form) may have emptied the bank details that bank-transfer pledges need.
    sqlite.prepare("update organisation_settings set bank_transfer_details = 'Demo Bank Plc, account 0000000000' where bank_transfer_details = ''").run();
    return { campaignId: campaign.id, slug: campaign.slug, minAmount: major(campaign.minAmount), pledgeId: pending()!.id, enquiryId: enquiry.id };
  } finally {
    sqlite.close();
  }
}

export const SPONSORSHIP_CSRF_PROBES: Record<string, (w: CsrfWorld) => CsrfProbe> = {
  "routes/partner": () => ({
    url: "/partner",
    form: { organisationName: "Cross Site Ltd", contactName: "Cross Site", email: "csrf-partner@example.org", kind: "sponsorship", message: "We would like to sponsor a cohort." },
  }),
  "routes/admin.partners": (w) => ({ url: "/admin/partners", form: { id: demoRows(w).enquiryId, stage: "contacted" }, cookie: w.cookies.organiser }),
  "routes/donate.$slug": (w) => {
    const rows = demoRows(w);
    return {
      url: `/donate/${rows.slug}`,
      form: { gift: "custom", customAmount: rows.minAmount, name: "Cross Site", email: "csrf-donor@example.org", recognition: "named", method: "bank_transfer" },
    };
  },
  "routes/admin.donations._index": (w) => ({
    url: "/admin/donations?index",
    form: { intent: "mark-received", donationId: demoRows(w).pledgeId },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.donations.$id": (w) => ({ url: `/admin/donations/${demoRows(w).pledgeId}`, form: { intent: "mark-received" }, cookie: w.cookies.organiser }),
  "routes/admin.donations.new": (w) => ({
    url: "/admin/donations/new",
    // A fresh form key each time, so each same-site run records a gift of its own.
    form: { formKey: id(), campaignId: demoRows(w).campaignId, kind: "cash", amount: "5000", receivedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), name: "Cross Site", recognition: "unlisted" },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.campaigns._index": (w) => ({
    url: "/admin/campaigns?index",
    form: { title: "Cross-site campaign", currency: "NGN", goal: "100000", minAmount: "500", maxAmount: "500000" },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.campaigns.$id": (w) => ({
    url: `/admin/campaigns/${demoRows(w).campaignId}`,
    form: { intent: "add-tier", name: "Cross-site tier", amount: "1000", interval: "one_off" },
    cookie: w.cookies.organiser,
  }),
};
