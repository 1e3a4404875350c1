import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { auditLog, outbox, users } from "~db/schema";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { processingRegister } from "~/modules/privacy/index.server";
import { loader as overviewLoader } from "~/routes/admin.privacy._index";
import { loader as registerCsvLoader } from "~/routes/admin.privacy.register[.csv]";
import { createUser, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { runRoute } from "../support/route-results";
import { parseCsv } from "../support/csv";

// The register of processing: every category of personal data with its purposes, lawful basis,
// where it is kept, for how long (from the retention settings) and who receives it, with live counts.

// The SMTP address carries a password: the register names the host and nothing more.
vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://mailer:s3cret-pass@smtp.mail.example.net:587";
});

let cookie: string;
beforeAll(async () => {
  cookie = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
});

const entry = (key: string) => processingRegister().find((row) => row.key === key)!;
const records = (key: string) => Object.fromEntries(entry(key).records.map((record) => [record.label, record.count]));
const count = (rows: number | undefined) => rows ?? 0;

describe("the register of processing", () => {
  it("covers every category the issue names, each with purposes, a lawful basis under s.25, storage and retention", () => {
    const register = processingRegister();
    expect(register.map((row) => row.key)).toEqual(["identity", "contact", "age", "events", "programme", "mentoring", "giving", "messages", "security", "rights"]);
    for (const row of register) {
      expect(row.purposes, row.key).not.toBe("");
      expect(row.lawfulBasis, row.key).toMatch(/s\.25\(1\)|ss\.34–40|s\.39/);
      expect(row.storedIn, row.key).toContain("database");
      expect(row.retention, row.key).not.toBe("");
    }
  });

  it("counts what is held now, and the counts follow the rows", async () => {
    const accounts = () => count(db.select({ n: sql<number>`count(*)` }).from(users).where(isNull(users.erasedAt)).get()?.n);
    expect(records("identity").Accounts).toBe(accounts());
    const before = records("identity").Accounts;
    await createUser();
    await createUser();
    expect(records("identity").Accounts).toBe(before + 2);
    const emails = records("messages").Emails;
    db.transaction((tx) => enqueueMessage(tx, "someone@example.org", "password-changed", { name: "Someone" }));
    expect(records("messages").Emails).toBe(emails + 1);
    expect(records("messages").Emails).toBe(db.select().from(outbox).all().length);
  });

  it("reads retention periods from the organisation's settings", () => {
    updateOrganisation({ financialRecordYears: 7, pastRegistrationMonths: 18, outboxBodyDays: 1 });
    expect(entry("giving").retention).toContain("Donors' names 7 years after the gift");
    expect(entry("events").retention).toContain("18 months after the event ends");
    expect(entry("messages").retention).toContain("The text 1 day after sending");
  });

  it("names who receives data abroad, and the email provider by its host only", () => {
    const giving = entry("giving").recipients;
    expect(giving.find((r) => r.key === "stripe")).toMatchObject({ country: "United States and Ireland", abroad: true });
    expect(giving.find((r) => r.key === "paystack")).toMatchObject({ country: "Nigeria", abroad: false });
    const email = entry("identity").recipients.find((r) => r.key === "email")!;
    expect(email).toMatchObject({ name: "Email provider (smtp.mail.example.net)", inUse: true });
    expect(JSON.stringify(processingRegister())).not.toContain("s3cret-pass");
    expect(entry("security").recipients).toEqual([]);
  });
});

describe("the register on /admin/privacy and as a spreadsheet", () => {
  it("shows the register with the open requests and breaches", async () => {
    const page = await runRoute(() => overviewLoader(routeArgs({ request: getRequest("/admin/privacy", { cookie }), params: {}, context: loadContext() })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ register: expect.any(Array), requests: [], breaches: [] });
  });

  it("downloads as CSV a spreadsheet reads, one row per category, and records the download", async () => {
    const response = (await registerCsvLoader(routeArgs({ request: getRequest("/admin/privacy/register.csv", { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="register-of-processing.csv"');
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Category", "Data held", "Purposes", "Lawful basis", "Where it is stored", "How long it is kept", "Recipients", "Records now"]);
    const register = processingRegister();
    expect(rows.slice(1).map((row) => row[0])).toEqual(register.map((row) => row.category));
    const giving = rows.find((row) => row[0] === "Gifts and receipts")!;
    expect(giving[6]).toContain("Stripe (card payments), United States and Ireland");
    expect(rows.find((row) => row[0] === "Account identity")![7]).toContain(`Accounts: ${records("identity").Accounts}`);
    const exported = db.select().from(auditLog).where(eq(auditLog.action, "privacy_register.exported")).all();
    expect(exported).toHaveLength(1);
    expect(exported[0].details).toEqual({ rows: register.length });
  });

  it("is refused to anyone but organisers", async () => {
    const sponsorCookie = signIn((await createUser({ roles: ["sponsor"] })).id).cookieHeader;
    const refused = await runRoute(() => registerCsvLoader(routeArgs({ request: getRequest("/admin/privacy/register.csv", { cookie: sponsorCookie }), params: {}, context: loadContext() })));
    expect(refused.status).toBe(403);
  });
});
