import { and, eq, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import * as schema from "~db/schema";
import { dataExports, dataSubjectRequests, jobs, outbox } from "~db/schema";
import { clock, DAY } from "~/utils/clock.server";
import { registerJobHandlers } from "~/jobs.server";
import { runDueJobs } from "~/modules/outbox/jobs.server";
import { downloadDataExport, personalDataOf, requestDataExport } from "~/modules/privacy/index.server";
import { action as askAction, loader as statusLoader } from "~/routes/me.privacy_.download";
import { loader as linkLoader } from "~/routes/me.privacy_.download_.$token";
import { loader as zipLoader } from "~/routes/me.privacy_.download_.$token[.zip]";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { plantMarkerWorld, type MarkerWorld } from "../support/personal-data-world";
import { runRoute } from "../support/route-results";

// "Download my data" (NDPA ss.34 and 38): everything held about a person, from every area, and
// nothing about anyone else; a link that works for its owner only, for a week.

beforeAll(() => {
  clock.set(Date.UTC(2026, 5, 1, 9));
  registerJobHandlers();
});
afterAll(() => clock.set(null));

/** Runs the due jobs and returns the token in the newest "your data is ready" email to `email`. */
async function buildAndReadLink(email: string): Promise<string> {
  await runDueJobs();
  const messages = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.template, "data-export-ready")))
    .all();
  const url = String(messages.at(-1)!.props.url);
  expect(url).toMatch(/^http:\/\/localhost:3000\/me\/privacy\/download\/[a-z0-9]+$/);
  return url.split("/").pop()!;
}

function filesOf(zip: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe("the download", () => {
  let world: MarkerWorld;
  let files: Record<string, string>;

  beforeAll(async () => {
    world = await plantMarkerWorld();
    expect(requestDataExport(world.a.id).status).toBe("building");
    const token = await buildAndReadLink(world.a.email);
    const file = downloadDataExport(world.a.id, token);
    if (file.status !== "ready") throw new Error(`the download is ${file.status}`);
    files = filesOf(file.zip);
  });

  it("is a ZIP with a readable page, JSON and one CSV per list", () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["index.html", "data.json", "csv/account.csv", "csv/gifts.csv", "csv/mentoring-notes.csv", "csv/emails.csv"]));
    const json = JSON.parse(files["data.json"]!) as { person: { email: string }; sections: { area: string }[] };
    expect(json.person.email).toBe(world.a.email);
    expect(json.sections.map((section) => section.area)).toEqual(["auth", "events", "cohorts", "mentoring", "journey", "sponsorship", "outbox", "privacy", "organisation"]);
    expect(files["index.html"]).toMatch(/^<!doctype html>/);
    expect(files["index.html"]).not.toMatch(/<script|src=|href="http/i);
    expect(files["csv/gifts.csv"]).toContain(world.mine.get("gift-message"));
  });

  it("holds every marker planted about the person, in the JSON and on the readable page", () => {
    expect(world.mine.size).toBeGreaterThan(50);
    const missing = (text: string) => [...world.mine].filter(([, marker]) => !text.includes(marker)).map(([label]) => label);
    expect(missing(files["data.json"]!)).toEqual([]);
    expect(missing(files["index.html"]!)).toEqual([]);
  });

  it("holds nothing about anyone else, no secrets, and not a word of a mentor's private notes", () => {
    const everything = Object.values(files).join("\n");
    const leaked = [...world.notMine].filter(([, marker]) => everything.includes(marker)).map(([label]) => label);
    expect(leaked).toEqual([]);
    expect(files["data.json"]).toContain("2 private notes exist, kept by their author");
  });

  it("records the request as an access request answered the day it was made", () => {
    const requests = db.select().from(dataSubjectRequests).where(and(eq(dataSubjectRequests.userId, world.a.id), eq(dataSubjectRequests.kind, "access"))).all();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "completed", closedAt: clock.now() });
  });
});

describe("asking for a download", () => {
  it("keeps one download building at a time, and a newer download replaces a ready one", async () => {
    const person = await createUser();
    const jobsNow = () => db.select().from(jobs).where(eq(jobs.kind, "privacy.build-export")).all().filter((job) => job.payload.exportId && job.status === "pending").length;
    const before = jobsNow();
    requestDataExport(person.id);
    expect(requestDataExport(person.id).status).toBe("building");
    expect(jobsNow()).toBe(before + 1);
    expect(db.select().from(dataExports).where(eq(dataExports.userId, person.id)).all()).toHaveLength(1);

    const first = await buildAndReadLink(person.email);
    expect(downloadDataExport(person.id, first).status).toBe("ready");
    expect(requestDataExport(person.id).status).toBe("building");
    const second = await buildAndReadLink(person.email);
    expect(second).not.toBe(first);
    expect(downloadDataExport(person.id, first).status).toBe("expired");
    expect(downloadDataExport(person.id, second).status).toBe("ready");
  });

  it("works from the page without JavaScript: a button, then the state", async () => {
    const person = await createUser();
    const { cookieHeader: cookie } = signIn(person.id);
    const empty = await runRoute(() => statusLoader(routeArgs({ request: getRequest("/me/privacy/download", { cookie }), params: {}, context: loadContext() })));
    expect(empty.data).toMatchObject({ status: "none" });
    const asked = await runRoute(() => askAction(routeArgs({ request: formRequest("/me/privacy/download", {}, { cookie }), params: {}, context: loadContext() })));
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe("/me/privacy/download");
    const building = await runRoute(() => statusLoader(routeArgs({ request: getRequest("/me/privacy/download", { cookie }), params: {}, context: loadContext() })));
    expect(building.data).toMatchObject({ status: "building", email: person.email });
  });
});

describe("the emailed link", () => {
  it("opens for its owner only, logged in, and for a week", async () => {
    const owner = await createUser();
    const other = await createUser();
    requestDataExport(owner.id);
    const token = await buildAndReadLink(owner.email);
    const path = `/me/privacy/download/${token}`;
    const as = (cookie?: string) => ({
      page: () => runRoute(() => linkLoader(routeArgs({ request: getRequest(path, { cookie }), params: { token }, context: loadContext() }))),
      zip: async () => {
        try {
          return { response: (await zipLoader(routeArgs({ request: getRequest(`${path}.zip`, { cookie }), params: { token }, context: loadContext() }))) as Response, thrown: null };
        } catch (thrown) {
          return { response: null, thrown: await runRoute(() => Promise.reject(thrown)) };
        }
      },
    });
    const mine = as(signIn(owner.id).cookieHeader);
    const theirs = as(signIn(other.id).cookieHeader);

    expect((await mine.page()).data).toMatchObject({ status: "ready" });
    const { response } = await mine.zip();
    expect(response!.status).toBe(200);
    expect(response!.headers.get("content-type")).toBe("application/zip");
    expect(response!.headers.get("content-disposition")).toMatch(/^attachment; filename="my-data-2026-06-01\.zip"$/);
    expect(response!.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(filesOf(Buffer.from(await response!.arrayBuffer())))).toContain("index.html");
    expect(db.select().from(dataExports).where(eq(dataExports.userId, owner.id)).get()!.downloadedAt).toBe(clock.now());

    // Someone else, signed in, learns nothing: the same answer as a link that never existed.
    expect((await theirs.page()).status).toBe(404);
    expect((await theirs.zip()).thrown!.status).toBe(404);
    const anonymous = await as().page();
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);

    clock.advance(7 * DAY + 1);
    expect((await mine.page()).status).toBe(410);
    const expired = (await mine.zip()).thrown!;
    expect(expired.status).toBe(302);
    expect(expired.headers.get("location")).toBe(path);
    expect((await theirs.page()).status).toBe(404);

    // The ZIP itself goes when its link expires; the record that there was one stays.
    await runDueJobs();
    expect(db.select().from(dataExports).where(eq(dataExports.userId, owner.id)).get()).toMatchObject({ zip: null, status: "ready" });
    expect((await mine.page()).status).toBe(410);
  });
});

// A table whose columns name a person, an address or who did something holds personal data: it is
// either gathered into the download or listed here with the reason it is not about the person.
const PERSONAL_COLUMN = /(^|_)(user|actor|target|author|mentor|mentee|member|facilitator)_id$|_by$|email|recipient|phone|(^|_)name$|address/;

const NOT_ABOUT_THE_PERSON: Record<string, string> = {
  organisation_settings: "The organisation's own name and contact addresses.",
  privacy_notices: "The organisation's notice; who published a version is the organisation's record of its work.",
  events: "An event and its venue; the organiser who created it did the organisation's work, not something about them.",
  curricula: "A curriculum; its author did the organisation's work.",
  campaigns: "A fundraising campaign; its author did the organisation's work.",
  campaign_tiers: "A gift level's name, not a person's.",
  match_runs: "An organiser's matching run; each person's part in it is in match_proposals.",
  breaches: "The breach log describes incidents; who recorded one did the organisation's work.",
  bank_statements: "The organisation's bank statements; who uploaded one did the organisation's work.",
  phone_codes: "Codes texted to a number last ten minutes and their rows a day, only to keep to the limits; the number itself is in the contact book's part of the download.",
  broadcasts: "An organisers' message to a group; who wrote it did the organisation's work, and each person's copy is in the outbox.",
  campaign_funds: "What a campaign paid for (events and cohorts), in the organisation's words; who linked them did the organisation's work.",
  impact_report_links: "A shareable link to an impact report of aggregate figures; who made it did the organisation's work.",
  running_totals: "Counts over whole tables (people, cohorts, certificates); a row's name is the count's, never a person's.",
};

describe("coverage", () => {
  it("gathers every table that holds personal data, or says why a table is not about the person", async () => {
    const person = await createUser();
    const gathered = new Set(personalDataOf({ userId: person.id, email: person.email, timeZone: "Africa/Lagos" }).flatMap((section) => section.tables.flatMap((table) => table.sources)));
    const tables = (Object.values(schema) as unknown[]).flatMap((value) => (is(value, SQLiteTable) ? [getTableConfig(value)] : []));
    const names = tables.map((table) => table.name);
    const forgotten = tables
      .filter((table) => table.columns.some((column) => PERSONAL_COLUMN.test(column.name)))
      .map((table) => table.name)
      .filter((name) => !gathered.has(name) && !(name in NOT_ABOUT_THE_PERSON));
    expect(forgotten).toEqual([]);
    // Every name in both lists is a real table, so neither list can rot.
    expect([...gathered, ...Object.keys(NOT_ABOUT_THE_PERSON)].filter((name) => !names.includes(name))).toEqual([]);
  });
});
