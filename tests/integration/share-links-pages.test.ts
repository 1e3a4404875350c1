import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { campaigns, cohorts } from "~db/schema";
import { loader as cohortAdminLoader } from "~/routes/admin.cohorts.$id._index";
import { loader as donateLoader } from "~/routes/donate.$slug";
import { loader as eventLoader } from "~/routes/events.$slug";
import { loader as joinLoader } from "~/routes/join.$code";
import { loader as programmeLoader } from "~/routes/programme";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { createOpenCampaign } from "../support/sponsorship-factories";

type Share = { url: string; whatsapp: string } | null;

const SITE = process.env.APP_URL!.replace(/\/$/, "");

async function shareOf(loader: (args: never) => unknown, path: string, params: Record<string, string>, cookie?: string): Promise<Share> {
  const result = await runRoute(() => loader(routeArgs({ request: getRequest(path, cookie ? { cookie } : {}), params, context: loadContext() }) as never));
  expect(result.status).toBe(200);
  return (result.data as { share: Share }).share;
}

const messageOf = (share: Share) => new URL(share!.whatsapp).searchParams.get("text");

let organiser: TestUser;
let cohortId: string, joinCode: string;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  cohortId = makeCohort({ actorId: organiser.id, curriculumId: installTestCurriculum(), startDate: "2026-12-01", name: "December cohort", capacity: 1 });
  joinCode = db.select({ code: cohorts.joinCode }).from(cohorts).where(eq(cohorts.id, cohortId)).get()!.code;
});

describe("share links on the pages people pass on", () => {
  it("an event page offers its own address", async () => {
    const event = createTestEvent();
    const share = await shareOf(eventLoader as never, `/events/${event.slug}?utm_source=x`, { slug: event.slug });
    expect(share?.url).toBe(`${SITE}/events/${event.slug}`);
    expect(messageOf(share)).toBe(`${event.title}: ${SITE}/events/${event.slug}`);
  });

  it("a campaign page offers the campaign's address, but a draft offers nothing", async () => {
    const campaign = createOpenCampaign({ title: "Laptops for the lab" });
    const share = await shareOf(donateLoader as never, `/donate/${campaign.slug}`, { slug: campaign.slug });
    expect(share?.url).toBe(`${SITE}/donate/${campaign.slug}`);
    expect(share?.whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(messageOf(share)).toBe(`Give to Laptops for the lab: ${SITE}/donate/${campaign.slug}`);

    db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.id, campaign.id)).run();
    const preview = await shareOf(donateLoader as never, `/donate/${campaign.slug}`, { slug: campaign.slug }, signIn(organiser.id).cookieHeader);
    expect(preview).toBeNull();
  });

  it("the programme page offers its address with the programme's name", async () => {
    const share = await shareOf(programmeLoader as never, "/programme", {});
    expect(share?.url).toBe(`${SITE}/programme`);
    expect(messageOf(share)).toMatch(new RegExp(`^Test curriculum \\d+: ${SITE}/programme$`));
  });

  it("a cohort's join page and its organisers' page offer the join link while places are left", async () => {
    const joinUrl = `${SITE}/join/${joinCode}`;
    const onJoinPage = await shareOf(joinLoader as never, `/join/${joinCode}`, { code: joinCode });
    expect(onJoinPage?.url).toBe(joinUrl);
    expect(messageOf(onJoinPage)).toBe(`Join December cohort: ${joinUrl}`);
    const onConsole = await shareOf(cohortAdminLoader as never, `/admin/cohorts/${cohortId}`, { id: cohortId }, signIn(organiser.id).cookieHeader);
    expect(onConsole).toEqual(onJoinPage);

    join(await createUser(), cohortId);
    expect(await shareOf(joinLoader as never, `/join/${joinCode}`, { code: joinCode })).toBeNull();
  });
});
