import { beforeAll, describe, expect, it } from "vitest";
import { loader as privacyLoader } from "~/routes/privacy";
import { action as editorAction, loader as editorLoader } from "~/routes/admin.privacy.notice";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { runRoute } from "../support/route-results";

// The privacy notice the NDPA asks for: a default that names what to fill in, and versions the
// organisers publish, each kept (consents will name the version a person read).

let cookie: string;
beforeAll(async () => {
  cookie = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
});

const publicPage = async () => (await runRoute(() => privacyLoader())).data as { version: number; published: string | null; html: string };
const publish = (body: string) => runRoute(() => editorAction(routeArgs({ request: formRequest("/admin/privacy/notice", { body }, { cookie }), params: {}, context: loadContext() })));

describe("the privacy notice", () => {
  it("ships a default that covers what the NDPA asks for and names what the organisers must fill in", async () => {
    const page = await publicPage();
    const text = page.html.replace(/\s+/g, " ");
    expect(page.version).toBe(0);
    for (const heading of ["Who controls your data", "What we hold, and why", "Who receives it", "How long we keep it", "Your rights"]) expect(text).toContain(heading);
    expect(text).toContain("Nigeria Data Protection Commission");
    expect(text).toContain("[Organisation name and registered address]");
  });

  it("publishes new versions, keeps the count, audits each, and shows the latest", async () => {
    const first = `## Who controls your data\n\nRise Again Lagos, 12 Herbert Macaulay Way. ${"Details. ".repeat(30)}`;
    expect((await publish(first)).status).toBe(302);
    expect(await publicPage()).toMatchObject({ version: 1 });
    expect((await publish(`${first}\n\n## Changes\n\nNew mail provider.`)).status).toBe(302);
    const page = await publicPage();
    expect(page).toMatchObject({ version: 2 });
    expect(page.html).toContain("New mail provider.");
    expect(db.select().from(auditLog).all().filter((entry) => entry.action === "privacy_notice.published")).toHaveLength(2);
    const editor = await runRoute(() => editorLoader(routeArgs({ request: getRequest("/admin/privacy/notice", { cookie }), params: {}, context: loadContext() })));
    expect(editor.data).toMatchObject({ version: 2 });
  });

  it("refuses a notice too short to say what the law asks, keeping what was typed", async () => {
    const refused = await publish("We keep your data safe.");
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("cannot say what the law asks");
    expect(JSON.stringify(refused.data)).toContain("We keep your data safe.");
  });
});
