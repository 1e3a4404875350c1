import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { mentorships, users } from "~db/schema";
import { endMentorship, eraseMentoringData, personalDataInMentoring } from "~/modules/mentoring/index.server";
import { removePhone, setVerifiedPhone } from "~/modules/outbox/index.server";
import { action, loader } from "~/routes/me.mentoring.$id";
import { clock } from "~/utils/clock.server";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { activeMentorship, approvedMentorProfile, menteeProfile } from "../support/mentoring-workspace-factories";
import { runRoute } from "../support/route-results";

const NOW = Date.UTC(2026, 11, 1, 10);
const MENTOR_PHONE = "+2348031110001";
const MENTEE_PHONE = "+2348052220002";
const MENTOR_CHAT = "https://wa.me/2348031110001";
const MENTEE_CHAT = "https://wa.me/2348052220002";

let mentor: TestUser, mentee: TestUser, outsider: TestUser;
let cookie: Record<"mentor" | "mentee" | "outsider", string>;
let pairId: string;

type Who = keyof typeof cookie;
type WhatsApp = { canChoose: boolean; heldForGuardian: boolean; iShare: boolean; otherShares: boolean; myNumberVerified: boolean; chatUrl: string | null };

function verify(user: TestUser, phone: string) {
  const outcome = db.transaction((tx) => setVerifiedPhone(tx, { userId: user.id, email: user.email, phone, now: clock.now() }), { behavior: "immediate" });
  expect(outcome.ok).toBe(true);
}

function post(who: Who, fields: Record<string, string>) {
  return runRoute(() => action(routeArgs({ request: formRequest(`/me/mentoring/${pairId}`, fields, { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
}

const tick = (who: Who) => post(who, { intent: "whatsapp", share: "on" });
const untick = (who: Who) => post(who, { intent: "whatsapp" });

async function page(who: Who) {
  const result = await runRoute(() => loader(routeArgs({ request: getRequest(`/me/mentoring/${pairId}`, { cookie: cookie[who] }), params: { id: pairId }, context: loadContext() })));
  const workspace = (result.data as { workspace?: { whatsApp: WhatsApp } } | null)?.workspace;
  return { status: result.status, text: JSON.stringify(result.data), whatsApp: workspace?.whatsApp };
}

/** Neither page carries any part of either number: not as a link, not as a bare number. */
async function expectNoNumbers() {
  for (const who of ["mentor", "mentee"] as const) {
    const seen = await page(who);
    expect(seen.whatsApp?.chatUrl).toBeNull();
    expect(seen.text).not.toMatch(/2348031110001|2348052220002|wa\.me/);
  }
}

beforeAll(async () => {
  clock.set(NOW);
  mentor = await createUser({ name: "Tunde Bakare", roles: ["mentor"] });
  mentee = await createUser({ name: "Chiamaka Obi" });
  outsider = await createUser({ name: "Other Person", roles: ["mentor"] });
  approvedMentorProfile(mentor.id);
  menteeProfile(mentee.id);
  cookie = { mentor: signIn(mentor.id).cookieHeader, mentee: signIn(mentee.id).cookieHeader, outsider: signIn(outsider.id).cookieHeader };
});

beforeEach(() => {
  // A fresh pair each time, both with verified numbers and neither sharing.
  db.update(mentorships).set({ status: "ended", endedAt: clock.now() }).where(eq(mentorships.status, "active")).run();
  db.update(users).set({ guardianConsent: "not_needed" }).where(eq(users.id, mentee.id)).run();
  pairId = activeMentorship(mentor.id, mentee.id);
  verify(mentor, MENTOR_PHONE);
  verify(mentee, MENTEE_PHONE);
});

afterAll(() => clock.set(null));

describe("tap-to-chat between a mentor and a mentee", () => {
  it("shows each the other's WhatsApp link once both agreed and both numbers are verified", async () => {
    expect((await tick("mentor")).status).toBe(302);
    expect((await tick("mentee")).status).toBe(302);
    expect((await page("mentor")).whatsApp).toMatchObject({ iShare: true, otherShares: true, chatUrl: MENTEE_CHAT });
    expect((await page("mentee")).whatsApp).toMatchObject({ iShare: true, otherShares: true, chatUrl: MENTOR_CHAT });
  });

  it("shows no number while only one of them agreed, though the other learns they may tick too", async () => {
    await tick("mentor");
    await expectNoNumbers();
    expect((await page("mentee")).whatsApp).toMatchObject({ iShare: false, otherShares: true });
    expect((await page("mentor")).whatsApp).toMatchObject({ iShare: true, otherShares: false });
  });

  it("hides the link from both at once when either unticks", async () => {
    await tick("mentor");
    await tick("mentee");
    expect((await untick("mentee")).status).toBe(302);
    await expectNoNumbers();
    expect((await page("mentee")).whatsApp?.iShare).toBe(false);
    // Ticking again brings it back; the mentor's untick hides it just the same.
    await tick("mentee");
    expect((await page("mentee")).whatsApp?.chatUrl).toBe(MENTOR_CHAT);
    await untick("mentor");
    await expectNoNumbers();
  });

  it("shows nothing when one of them has no verified number, even though both agreed", async () => {
    await tick("mentor");
    await tick("mentee");
    db.transaction((tx) => removePhone(tx, mentee.id, clock.now()), { behavior: "immediate" });
    await expectNoNumbers();
    expect((await page("mentee")).whatsApp).toMatchObject({ iShare: true, myNumberVerified: false });
  });

  it("hides the link when the mentorship ends, and refuses a new tick", async () => {
    await tick("mentor");
    await tick("mentee");
    expect(endMentorship(mentor.id, pairId, { reason: "We reached the goals", rating: 5 }).ok).toBe(true);
    await expectNoNumbers();
    const again = await tick("mentee");
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.data)).toContain("not active");
  });

  it("lets a young person on guardian hold share nothing, whatever was ticked before", async () => {
    await tick("mentor");
    await tick("mentee");
    db.update(users).set({ guardianConsent: "waiting" }).where(eq(users.id, mentee.id)).run();
    await expectNoNumbers();
    expect((await page("mentee")).whatsApp).toMatchObject({ heldForGuardian: true, canChoose: false });
    await untick("mentee");
    const refused = await tick("mentee");
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("parent or guardian");
    expect(db.select().from(mentorships).where(eq(mentorships.id, pairId)).get()?.menteeSharesWhatsappAt).toBeNull();
  });

  it("answers anyone outside the pair with a 404 and changes nothing", async () => {
    expect((await tick("outsider")).status).toBe(404);
    expect((await page("outsider")).status).toBe(404);
    const row = db.select().from(mentorships).where(eq(mentorships.id, pairId)).get()!;
    expect([row.mentorSharesWhatsappAt, row.menteeSharesWhatsappAt]).toEqual([null, null]);
  });
});

describe("the WhatsApp choice as personal data", () => {
  it("is in each person's own download, and erasure clears it", async () => {
    await tick("mentor");
    await tick("mentee");
    const download = personalDataInMentoring({ userId: mentee.id, email: mentee.email, timeZone: "Africa/Lagos" });
    const rows = download.tables.find((table) => table.name === "mentorships")!.rows;
    const current = rows.find((row) => row.status === "active")!;
    expect(current.youShowYourWhatsappSince).toBe("2026-12-01T11:00:00+01:00");

    db.transaction((tx) => eraseMentoringData(tx, { userId: mentee.id, name: mentee.name, email: mentee.email, placeholderEmail: "erased@example.invalid" }, clock.now()), {
      behavior: "immediate",
    });
    const row = db.select().from(mentorships).where(eq(mentorships.id, pairId)).get()!;
    expect(row).toMatchObject({ status: "ended", mentorSharesWhatsappAt: null, menteeSharesWhatsappAt: null });
  });
});
