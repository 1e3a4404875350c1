import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { registerJobHandlers } from "~/jobs.server";
import { runWorkerOnce } from "~/modules/outbox/worker.server";
import { clock } from "~/utils/clock.server";
import { DEMO_INVARIANTS, violations } from "../support/demo-invariants";
import { seedDemo } from "../../scripts/seed/demo";

// The demo that `npm start` seeds, checked like real data: every row at a moment it could have
// happened, and nothing about its made-up past emailed when the app starts.

// 10 December 2026, 07:30 in Lagos: before the day's 09:00 step release.
const SEEDED_AT = Date.UTC(2026, 11, 10, 6, 30);

const all = (sql: string) => db.$client.prepare(sql).all();

beforeAll(async () => {
  registerJobHandlers();
  clock.set(SEEDED_AT);
  await seedDemo(db);
  clock.set(SEEDED_AT);
});
afterAll(() => clock.set(null));

describe("the demo obeys the rules real data obeys", () => {
  it.each(DEMO_INVARIANTS)("$rule", ({ sql }) => {
    expect(violations(sql, SEEDED_AT)).toEqual([]);
  });
});

describe("the demo shows what it always has", () => {
  it("has the events, with the demo participant registered and checked in at the past one", () => {
    expect(all("select status, count(*) as n from events group by status order by status")).toEqual([
      { status: "draft", n: 1 },
      { status: "published", n: 8 },
    ]);
    expect(
      all(`select e.slug, r.status, r.checked_in_at is not null as present, (select count(*) from event_feedback f where f.registration_id = r.id) as feedback
           from registrations r join events e on e.id = r.event_id join users u on u.id = r.user_id
           where u.email = 'participant@example.org' order by e.slug`),
    ).toEqual([
      { slug: "bouncing-back-a-resilience-workshop", status: "confirmed", present: 0, feedback: 0 },
      { slug: "cv-clinic-make-your-cv-work-for-you", status: "confirmed", present: 0, feedback: 0 },
      { slug: "interview-practice-online", status: "confirmed", present: 0, feedback: 0 },
      { slug: "reading-rejection-emails", status: "confirmed", present: 1, feedback: 1 },
    ]);
    expect(all("select slug from events where status = 'draft'")).toEqual([{ slug: "money-basics-for-your-first-salary" }]);
  });

  it("has the cohort with join code DEMO2026, its seven members and their progress", () => {
    expect(
      all(`select name, join_code as code, capacity, start_date as start, (select count(*) from cohort_members m where m.cohort_id = c.id) as members from cohorts c`),
    ).toEqual([{ name: "Lagos spring cohort (demo)", code: "DEMO2026", capacity: 30, start: "2026-12-03", members: 7 }]);
    const open = all("select count(*) as n from step_releases where release_at <= " + SEEDED_AT);
    expect(open).toEqual([{ n: 4 }]);
    expect(all("select count(*) as n from exercise_answers where completed_at is not null")).toEqual([{ n: 19 }]);
    // Members behind on a step were reminded about it.
    expect(all("select count(*) as n from step_nudges")).not.toEqual([{ n: 0 }]);
    expect(all("select company, status from job_applications order by applied_on")).toEqual([
      { company: "Lagoon Foods Ltd", status: "rejected" },
      { company: "Eko Logistics", status: "interview" },
    ]);
  });

  it("has the campaigns and gifts, paid by card and by transfer, two transfers still waiting", () => {
    expect(all("select slug, status, (select count(*) from campaign_tiers t where t.campaign_id = c.id) as tiers from campaigns c order by created_at")).toEqual([
      { slug: "workshop-seats-2027", status: "open", tiers: 3 },
      { slug: "mentors-for-new-graduates", status: "open", tiers: 0 },
      { slug: "laptops-for-the-learning-hub", status: "closed", tiers: 0 },
    ]);
    expect(all("select method, status, count(*) as n from donations group by method, status order by method, status")).toEqual([
      { method: "bank_transfer", status: "paid", n: 1 },
      { method: "bank_transfer", status: "pending", n: 2 },
      { method: "card", status: "paid", n: 10 },
    ]);
    expect(all("select count(*) as n from donations where status = 'paid' and receipt_number is null")).toEqual([{ n: 0 }]);
  });

  it("has the mentors, one waiting for approval, an active pair and a request waiting", () => {
    expect(all("select status, count(*) as n from mentor_profiles group by status order by status")).toEqual([
      { status: "approved", n: 6 },
      { status: "pending", n: 1 },
    ]);
    expect(all("select status, count(*) as n from mentorships group by status order by status")).toEqual([
      { status: "active", n: 1 },
      { status: "proposed", n: 1 },
    ]);
    // The demo accounts (the door volunteer among them) and the mentors: adults, no birth date asked.
    expect(all("select count(*) as n from users where birth_date is null")).toEqual([{ n: 17 }]);
  });

  it("has two young people, one held for a guardian, everyone's consent, a request open and a breach reported in time", () => {
    expect(all("select name, guardian_consent from users where birth_date is not null order by name")).toEqual([
      { name: "Bisi Ojo", guardian_consent: "given" },
      { name: "Tobi Adeyemi", guardian_consent: "waiting" },
    ]);
    expect(all("select count(*) as n from users where id not in (select user_id from consent_records where purpose = 'privacy_notice')")).toEqual([{ n: 0 }]);
    expect(all("select kind, status from data_subject_requests order by received_at")).toEqual([
      { kind: "access", status: "completed" },
      { kind: "rectification", status: "open" },
    ]);
    expect(all("select count(*) as n from breaches where closed_at is not null and regulator_notified_at <= notify_by")).toEqual([{ n: 1 }]);
  });

  it("has outcomes across the cohort, and the participant's story, quoted by name and featured", () => {
    expect(all("select kind, source, count(*) as n from outcomes group by kind, source order by kind, source")).toEqual([
      { kind: "business", source: "organiser", n: 1 },
      { kind: "internship", source: "self", n: 1 },
      { kind: "job", source: "self", n: 1 },
      { kind: "searching", source: "self", n: 2 },
      { kind: "study", source: "self", n: 1 },
    ]);
    expect(
      all(`select s.may_quote as quote, s.by_name as named, s.featured_at is not null as featured from stories s join users u on u.id = s.user_id where u.email = 'participant@example.org'`),
    ).toEqual([{ quote: 1, named: 1, featured: 1 }]);
  });
});

describe("the demo's worker", () => {
  it("emails nobody about the made-up past when the app starts", async () => {
    expect(all(`select kind from jobs where status = 'pending' and run_at <= ${SEEDED_AT}`)).toEqual([]);
    await runWorkerOnce();
    expect(all("select template, recipient from outbox")).toEqual([]);
  });

  it("carries on from here: the steps still to open and the upcoming events' reminders are scheduled", () => {
    const pending = (kind: string) => all(`select count(*) as n from jobs where status = 'pending' and kind = '${kind}' and run_at > ${SEEDED_AT}`);
    expect(pending("cohort.step-release")).toEqual([{ n: 11 }]);
    expect(pending("events.reminders")).toEqual([{ n: 7 }]);
    expect(pending("mentoring.check-in")).toEqual([{ n: 1 }]);
    expect(pending("mentoring.request-lapse")).toEqual([{ n: 1 }]);
  });
});
