import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin.settings";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { describeAuditDetails, recordAudit, getOrganisation } from "~/modules/organisation/index.server";
import { givingOptionsFor } from "~/modules/sponsorship/index.server";

let organiser: TestUser;
let cookie: string;

beforeAll(async () => {
  organiser = await createUser({ name: "Settings Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
});

const VALID = {
  name: "Bounce Forward Lagos",
  tagline: "Next steps after a job rejection.",
  mission: "Workshops, mentoring and a 15-step programme.",
  contactEmail: "hello@bounceforward.example.org",
  timeZone: "Africa/Lagos",
  currency: "NGN",
  bankTransferDetails: "Bounce Forward Lagos\r\nDemo Bank Plc\r\nAccount 0000000000",
  website: "https://bounceforward.example.org",
  instagram: "",
  x: "https://x.com/bounceforward",
  linkedin: "",
  facebook: "",
  whatsapp: "https://wa.me/2348000000000",
};

const save = (fields: Record<string, string>, cookieHeader: string | undefined = cookie) =>
  runRoute(() => settingsAction(routeArgs({ request: formRequest("/admin/settings", fields, { cookie: cookieHeader }), context: loadContext(), params: {} })));

describe("organisation settings", () => {
  it("saves every field, keeps only the social links given, and audits what changed", async () => {
    const result = await save(VALID);
    expect(result.status).toBe(302);
    const organisation = getOrganisation();
    expect(organisation).toMatchObject({
      name: VALID.name,
      tagline: VALID.tagline,
      contactEmail: VALID.contactEmail,
      timeZone: "Africa/Lagos",
      currency: "NGN",
      bankTransferDetails: "Bounce Forward Lagos\nDemo Bank Plc\nAccount 0000000000",
    });
    expect(organisation.socialLinks).toEqual({
      website: VALID.website,
      x: VALID.x,
      whatsapp: VALID.whatsapp,
    });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "settings.changed")).orderBy(desc(auditLog.id)).get()!;
    expect(entry.actorId).toBe(organiser.id);
    expect(entry.details).toHaveProperty("name");
    expect(entry.details.name).toEqual({ from: "Steppingstone", to: VALID.name });
    expect(entry.details.socialLinks).toEqual({
      website: { from: null, to: VALID.website },
      x: { from: null, to: VALID.x },
      whatsapp: { from: null, to: VALID.whatsapp },
    });
    expect(describeAuditDetails({ socialLinks: entry.details.socialLinks as Record<string, unknown> })).toBe(
      `Social links: Website: (none) → ${VALID.website}; X: (none) → ${VALID.x}; WhatsApp: (none) → ${VALID.whatsapp}`,
    );

    const loaded = await runRoute(() => settingsLoader(routeArgs({ request: getRequest("/admin/settings", { cookie }), context: loadContext(), params: {} })));
    const data = loaded.data as { values: Record<string, string>; timeZones: string[] };
    expect(data.values.x).toBe(VALID.x);
    expect(data.values.instagram).toBe("");
    expect(data.timeZones).toContain("Africa/Lagos");
    expect(data.timeZones).toContain("UTC");
  });

  it("switches ways to give on and off, and an older form without them leaves them as they are", async () => {
    const shown = { givingWaysShown: "yes", stripeEnabled: "on", bankTransferEnabled: "on", bankTransferCurrencies: "NGN" };
    expect((await save({ ...VALID, ...shown })).status).toBe(302);
    expect(getOrganisation()).toMatchObject({ paystackEnabled: false, stripeEnabled: true, bankTransferEnabled: true, bankTransferCurrencies: ["NGN"] });
    expect(givingOptionsFor({ currency: "NGN" }).bankTransfer).toBe(true);
    // A Naira account takes no dollars until organisers say it does (a domiciliary account).
    expect(givingOptionsFor({ currency: "USD" }).bankTransfer).toBe(false);
    await save({ ...VALID, givingWaysShown: "yes", paystackEnabled: "on" });
    expect(getOrganisation()).toMatchObject({ paystackEnabled: true, stripeEnabled: false, bankTransferEnabled: false });
    expect(givingOptionsFor({ currency: "NGN" }).bankTransfer).toBe(false);
    await save(VALID);
    expect(getOrganisation()).toMatchObject({ paystackEnabled: true, stripeEnabled: false, bankTransferEnabled: false, bankTransferCurrencies: [] });
    await save({ ...VALID, ...shown, paystackEnabled: "on" });
  });

  it("records nothing when nothing changed", async () => {
    await save(VALID);
    const count = db.select().from(auditLog).all().length;
    const again = await save({ ...VALID, bankTransferDetails: VALID.bankTransferDetails.replace(/\r\n/g, "\n") });
    expect(again.status).toBe(302);
    expect(db.select().from(auditLog).all().length).toBe(count);
  });

  it("refuses an unknown time zone, an unknown currency, plain-http links and a bad email, field by field", async () => {
    const before = getOrganisation();
    const result = await save({
      ...VALID,
      name: "Changed name that must not be saved",
      timeZone: "Lagos/Nowhere",
      currency: "JPY",
      instagram: "http://instagram.com/bounce",
      facebook: "javascript:alert(1)",
      contactEmail: "not an email",
    });
    expect(result.status).toBe(400);
    const errors = (result.data as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["contactEmail", "currency", "facebook", "instagram", "timeZone"]);
    expect(errors.instagram).toEqual(["Enter a full address starting with https://"]);
    expect(getOrganisation()).toEqual(before);
  });

  it("requires a name and lets every other field be empty", async () => {
    const missing = await save({ ...VALID, name: "  " });
    expect((missing.data as { error: Record<string, string[]> }).error.name).toEqual(["Enter the organisation's name"]);
    const minimal = await save({ name: "Just a name", timeZone: "UTC", currency: "USD" });
    expect(minimal.status).toBe(302);
    expect(getOrganisation()).toMatchObject({ name: "Just a name", tagline: "", contactEmail: "", timeZone: "UTC", currency: "USD", socialLinks: {} });
  });

  it("is for organisers only", async () => {
    const mentor = await createUser({ roles: ["mentor"] });
    const refused = await save(VALID, signIn(mentor.id).cookieHeader);
    expect(refused.status).toBe(403);
    const anonymous = await save(VALID, undefined);
    expect(anonymous.status).toBe(302);
  });
});

describe("the audit log page", () => {
  it("lists entries newest first with the actor's name, the target and readable details", async () => {
    const target = await createUser({ name: "Target Person", roles: ["participant"] });
    db.transaction((tx) => {
      recordAudit(tx, { actorId: organiser.id, action: "role.changed", targetType: "user", targetId: target.id, details: { before: ["participant"], after: ["mentor", "participant"] } });
      recordAudit(tx, { actorId: null, action: "invitation.sent", targetType: "invitation", targetId: "inv1", details: { email: "new@example.org", role: "mentor" } });
    });
    const result = await runRoute(() => auditLoader(routeArgs({ request: getRequest("/admin/audit", { cookie }), context: loadContext(), params: {} })));
    const { entries } = result.data as { entries: { actorName: string | null; action: string; target: string; details: string; when: string }[] };
    expect(entries[0]).toMatchObject({ actorName: null, action: "invitation.sent", target: "Invitation", details: "Email: new@example.org; Role: mentor" });
    expect(entries[1]).toMatchObject({
      actorName: "Settings Organiser",
      action: "role.changed",
      target: `Target Person (${target.email})`,
      details: "participant → mentor, participant",
    });
    expect(entries[1]!.when).toMatch(/\d{4}, \d{2}:\d{2}$/);
  });

  it("pages by 100", async () => {
    db.transaction((tx) => {
      for (let i = 0; i < 150; i++) recordAudit(tx, { actorId: null, action: "test.filler", details: { i } });
    });
    const page = async (n: number) =>
      (await runRoute(() => auditLoader(routeArgs({ request: getRequest(`/admin/audit?page=${n}`, { cookie }), context: loadContext(), params: {} })))).data as {
        entries: unknown[];
        page: number;
        pageCount: number;
        total: number;
      };
    const first = await page(1);
    expect(first.entries).toHaveLength(100);
    const second = await page(2);
    expect(second.page).toBe(2);
    expect(second.entries.length).toBe(first.total - 100);
    expect((await page(99)).page).toBe(first.pageCount);
  });
});
