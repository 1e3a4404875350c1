import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, partnerEnquiries } from "~db/schema";
import { action as partnerAction } from "~/routes/partner";
import { action as pipelineAction, loader as pipelineLoader } from "~/routes/admin.partners";
import { renderEmail } from "~emails/registry";
import { createUser, formRequest, freshIp, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { emailsOf } from "../support/event-factories";
import { runRoute } from "../support/route-results";

let organisers: TestUser[];
let organiserCookie: string;
let sponsorCookie: string;

beforeAll(async () => {
  organisers = [await createUser({ name: "First Organiser", roles: ["organiser"] }), await createUser({ name: "Second Organiser", roles: ["organiser", "mentor"] })];
  await createUser({ roles: ["participant"] });
  organiserCookie = signIn(organisers[0]!.id).cookieHeader;
  sponsorCookie = signIn((await createUser({ roles: ["sponsor"] })).id).cookieHeader;
});

let sequence = 0;
function enquiry(overrides: Record<string, string> = {}) {
  sequence += 1;
  return {
    organisationName: `Lagos Print Co ${sequence}`,
    contactName: "Tunde Bakare",
    email: `tunde-${sequence}@printco.example`,
    phone: "+234 801 234 5678",
    kind: "in_kind",
    message: "We could print your workshop handouts every month.",
    website: "",
    ...overrides,
  };
}

const submit = (fields: Record<string, string>, ip = freshIp()) =>
  runRoute(() => partnerAction(routeArgs({ request: formRequest("/partner", fields), context: loadContext(ip), params: {} })));

const rowsFor = (organisationName: string) => db.select().from(partnerEnquiries).where(eq(partnerEnquiries.organisationName, organisationName)).all();

describe("partner enquiries", () => {
  it("stores the enquiry and emails every organiser, and nobody else", async () => {
    const fields = enquiry();
    const result = await submit(fields);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ sent: true, organisationName: fields.organisationName });
    const [row] = rowsFor(fields.organisationName);
    expect(row).toMatchObject({ contactName: "Tunde Bakare", email: fields.email, phone: "+234 801 234 5678", kind: "in_kind", stage: "new" });
    const sent = emailsOf("partner-enquiry").filter((m) => (m.props as { organisationName: string }).organisationName === fields.organisationName);
    expect(sent.map((m) => m.recipient).sort()).toEqual(organisers.map((o) => o.email).sort());
    const email = await renderEmail("partner-enquiry", sent[0]!.props as never, { name: "Rise Again", contactEmail: "" });
    expect(email.subject).toBe(`Partner enquiry from ${fields.organisationName}: In-kind support (space, equipment, services)`);
    expect(email.text).toContain("We could print your workshop handouts every month.");
    expect(email.text).toContain("http://localhost:3000/admin/partners");
  });

  it("keeps no phone when none is given", async () => {
    const fields = enquiry({ phone: "", kind: "volunteering" });
    expect((await submit(fields)).status).toBe(200);
    expect(rowsFor(fields.organisationName)[0]).toMatchObject({ phone: "", kind: "volunteering" });
  });

  it("drops a bot that filled in the hidden field, answering as if all went well", async () => {
    const fields = enquiry({ website: "https://spam.example" });
    const before = emailsOf("partner-enquiry").length;
    const result = await submit(fields);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ sent: true, organisationName: fields.organisationName });
    expect(rowsFor(fields.organisationName)).toHaveLength(0);
    expect(emailsOf("partner-enquiry")).toHaveLength(before);
  });

  it("answers bad input with field errors and a 400, and writes nothing", async () => {
    const before = db.select().from(partnerEnquiries).all().length;
    const result = await submit({ organisationName: "", contactName: "", email: "not-an-email", phone: "call me<script>", kind: "money", message: "hi" });
    expect(result.status).toBe(400);
    const errors = (result.data as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["contactName", "email", "kind", "message", "organisationName", "phone"]);
    expect(errors.kind).toEqual(["Choose how you would like to work with us"]);
    expect(db.select().from(partnerEnquiries).all()).toHaveLength(before);
  });

  it("limits enquiries per IP address: the fourth in 10 minutes gets a 429 and is not stored", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await submit(enquiry(), ip)).status).toBe(200);
    const fourth = enquiry();
    const refused = await submit(fourth, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(rowsFor(fourth.organisationName)).toHaveLength(0);
    expect((await submit(enquiry())).status, "another address is not limited").toBe(200);
  });
});

describe("the partner pipeline", () => {
  it("lists enquiries by stage for organisers only", async () => {
    const fields = enquiry({ kind: "sponsorship" });
    await submit(fields);
    const page = await runRoute(() => pipelineLoader(routeArgs({ request: getRequest("/admin/partners", { cookie: organiserCookie }), context: loadContext(), params: {} })));
    const stages = (page.data as { stages: { stage: string; enquiries: { organisationName: string; kind: string }[] }[] }).stages;
    expect(stages.map((s) => s.stage)).toEqual(["new", "contacted", "in_discussion", "partner", "declined"]);
    expect(stages[0]!.enquiries.find((e) => e.organisationName === fields.organisationName)?.kind).toBe("Sponsorship");

    const asSponsor = await runRoute(() => pipelineLoader(routeArgs({ request: getRequest("/admin/partners", { cookie: sponsorCookie }), context: loadContext(), params: {} })));
    expect(asSponsor.status).toBe(403);
    const anonymous = await runRoute(() => pipelineLoader(routeArgs({ request: getRequest("/admin/partners"), context: loadContext(), params: {} })));
    expect(anonymous.status).toBe(302);
  });

  it("moves an enquiry along and audits it; refuses unknown stages and enquiries", async () => {
    const fields = enquiry();
    await submit(fields);
    const { id } = rowsFor(fields.organisationName)[0]!;
    const move = (form: Record<string, string>, cookie = organiserCookie) =>
      runRoute(() => pipelineAction(routeArgs({ request: formRequest("/admin/partners", form, { cookie }), context: loadContext(), params: {} })));

    expect((await move({ id, stage: "in_discussion" })).status).toBe(302);
    expect(rowsFor(fields.organisationName)[0]!.stage).toBe("in_discussion");
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "partner.stage_changed")).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ actorId: organisers[0]!.id, targetId: id, details: { from: "new", to: "in_discussion" } });

    expect((await move({ id, stage: "won" })).status).toBe(400);
    expect((await move({ id: "no-such-enquiry", stage: "partner" })).status).toBe(404);
    expect((await move({ id, stage: "declined" }, sponsorCookie)).status).toBe(403);
    expect(rowsFor(fields.organisationName)[0]!.stage).toBe("in_discussion");
  });
});
