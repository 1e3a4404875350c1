import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { mentorships } from "~db/schema";
import { changeOptionalConsents, newsAudience } from "~/modules/auth/index.server";
import { appendConsents } from "~/modules/auth/consents.server";
import { menteesWithoutMentorAudience, mentorsAudience, quietPairsAudience } from "~/modules/mentoring/index.server";
import { campaignSponsorsAudience } from "~/modules/sponsorship/index.server";
import { eraseOnRequest } from "~/modules/privacy/index.server";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY, MINUTE } from "~/utils/clock.server";
import { placeholderAddress } from "~/utils/redact.server";
import { createYoungPerson } from "../support/consent-factories";
import { createUser, type TestUser } from "../support/factories";
import { createMentee, createMentor } from "../support/mentoring-factories";
import { activeMentorship, insertSession } from "../support/mentoring-workspace-factories";
import { createOpenCampaign, insertGift } from "../support/sponsorship-factories";

let organiser: TestUser;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
});

afterAll(() => clock.set(null));

const names = (people: Recipient[]) => people.map((person) => person.name).sort();
const erase = (person: TestUser) => expect(eraseOnRequest({ actorId: organiser.id, userId: person.id, reason: "Asked by phone" })).toMatchObject({ ok: true });
const WEEK = 7 * DAY;
const NOW = Date.UTC(2027, 4, 3, 9);

// Runs first: the mentors group is everyone with the role in this file's database.
describe("mentoring's groups", () => {
  it("are every mentor, and the mentees with a profile and no active mentor", async () => {
    clock.set(NOW);
    const tunde = await createMentor({ name: "Tunde Mentor" });
    await createMentor({ name: "Pending Mentor", status: "pending" });
    const gone = await createMentor({ name: "Erased Mentor" });
    erase(gone);
    expect(names(mentorsAudience())).toEqual(["Pending Mentor", "Tunde Mentor"]);

    const waiting = await createMentee({ name: "Waiting Mentee" });
    const matched = await createMentee({ name: "Matched Mentee" });
    const former = await createMentee({ name: "Former Mentee" });
    await createMentee({ name: "No Profile", profile: false });
    await createMentee({ name: "Mentor With Mentee Profile", roles: ["mentor"] });
    activeMentorship(tunde.id, matched.id);
    const ended = activeMentorship(tunde.id, former.id);
    db.update(mentorships).set({ status: "ended", endedAt: NOW }).where(eq(mentorships.id, ended)).run();
    expect(names(menteesWithoutMentorAudience())).toEqual(["Former Mentee", "Waiting Mentee"]);
    expect(menteesWithoutMentorAudience().map((person) => person.userId)).toContain(waiting.id);
  });

  it("are both people of each active pair with no confirmed session for N weeks", async () => {
    clock.set(NOW - 5 * WEEK);
    const pair = async (label: string) => {
      const mentor = await createUser({ name: `${label} Mentor`, roles: ["mentor"] });
      const mentee = await createUser({ name: `${label} Mentee` });
      return { mentor, mentee, id: activeMentorship(mentor.id, mentee.id) };
    };
    const lapsed = await pair("Lapsed");
    const planned = await pair("Planned");
    const unconfirmed = await pair("Unconfirmed");
    const finished = await pair("Finished");
    db.update(mentorships).set({ status: "ended", endedAt: NOW - WEEK }).where(eq(mentorships.id, finished.id)).run();
    clock.set(NOW - WEEK);
    await pair("Fresh");
    clock.set(NOW);
    insertSession({ mentorshipId: lapsed.id, proposedBy: lapsed.mentee.id, startsAt: NOW - 4 * WEEK });
    insertSession({ mentorshipId: planned.id, proposedBy: planned.mentee.id, startsAt: NOW + WEEK });
    insertSession({ mentorshipId: unconfirmed.id, proposedBy: unconfirmed.mentee.id, startsAt: NOW - DAY, status: "proposed" });

    expect(names(quietPairsAudience(3))).toEqual(["Lapsed Mentee", "Lapsed Mentor", "Unconfirmed Mentee", "Unconfirmed Mentor"]);
    // Over five weeks, the session four weeks ago counts; the fresh pair is not yet five weeks old.
    expect(names(quietPairsAudience(5))).toEqual(["Unconfirmed Mentee", "Unconfirmed Mentor"]);
  });
});

describe("a campaign's sponsors", () => {
  it("are the people whose gifts were paid, once each, by account where there is one, never an erased donor", async () => {
    const campaign = createOpenCampaign();
    const other = createOpenCampaign();
    const withAccount = await createUser({ name: "Account Giver" });
    const guestWithAccount = await createUser({ name: "Gave As Guest" });
    const erasedGiver = await createUser({ name: "Erased Giver" });
    insertGift(campaign, { amount: 5_000_00, userId: withAccount.id, email: withAccount.email, name: "Account Giver" });
    insertGift(campaign, { amount: 2_000_00, userId: withAccount.id, email: withAccount.email, name: "Account Giver" });
    insertGift(campaign, { amount: 1_000_00, email: "Guest.Donor@example.org", name: "Guest Donor" });
    insertGift(campaign, { amount: 1_000_00, email: "guest.donor@example.org", name: "Guest Donor" });
    insertGift(campaign, { amount: 3_000_00, email: guestWithAccount.email.toUpperCase(), name: "Name On The Gift" });
    insertGift(campaign, { amount: 3_000_00, userId: erasedGiver.id, email: erasedGiver.email, name: "Erased Giver" });
    insertGift(campaign, { amount: 9_000_00, email: "pledged@example.org", name: "Only Pledged", status: "pending", method: "bank_transfer" });
    insertGift(campaign, { amount: 9_000_00, email: "refunded@example.org", name: "Refunded In Full", status: "refunded" });
    insertGift(other, { amount: 9_000_00, email: "elsewhere@example.org", name: "Gave Elsewhere" });
    // A guest donor who asked to be forgotten keeps their gift under a placeholder address.
    insertGift(campaign, { amount: 4_000_00, email: placeholderAddress("anonymous", "guest1"), name: "Anonymous donor" });
    erase(erasedGiver);

    const sponsors = campaignSponsorsAudience(campaign.id);
    expect(names(sponsors)).toEqual(["Account Giver", "Gave As Guest", "Guest Donor"]);
    expect(sponsors.find((person) => person.name === "Gave As Guest")).toEqual({ userId: guestWithAccount.id, email: guestWithAccount.email, name: "Gave As Guest" });
    expect(sponsors.find((person) => person.name === "Guest Donor")).toMatchObject({ userId: null, email: "guest.donor@example.org" });
  });
});

describe("everyone who agreed to news", () => {
  it("is decided by each person's latest answer, without young people waiting for a guardian or erased accounts", async () => {
    clock.set(NOW);
    const [yes, changedMind, cameRound, neverAsked, erasedYes] = await Promise.all(["Said Yes", "Changed Mind", "Came Round", "Never Asked", "Erased Yes"].map((name) => createUser({ name })));
    for (const person of [yes, changedMind, erasedYes]) expect(changeOptionalConsents(person.id, ["news"])).toMatchObject({ ok: true });
    expect(changeOptionalConsents(cameRound.id, ["impact_stories"])).toMatchObject({ ok: true });
    clock.advance(MINUTE);
    expect(changeOptionalConsents(changedMind.id, [])).toMatchObject({ ok: true });
    expect(changeOptionalConsents(cameRound.id, ["news", "impact_stories"])).toMatchObject({ ok: true });
    const young = await createYoungPerson({ name: "Young Waiting" });
    db.transaction((tx) => appendConsents(tx, { userId: young.id, entries: [{ purpose: "news", granted: true }], source: "settings", now: clock.now() }));
    erase(erasedYes);

    expect(names(newsAudience())).toEqual(["Came Round", "Said Yes"]);
    expect(names(newsAudience())).not.toContain(neverAsked.name);
  });
});
