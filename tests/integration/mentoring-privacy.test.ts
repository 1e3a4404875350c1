import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { matchProposals, matchRuns, mentoringSessions, mentorshipCheckIns, mentorshipNotes, mentorships, outbox, sharedStepAnswers } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { startAppServer, type AppServer } from "../support/app-server";
import { createUser, type TestUser } from "../support/factories";
import { activeMentorship, approvedMentorProfile, insertSession, menteeProfile } from "../support/mentoring-workspace-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { createSession } from "~/modules/auth/index.server";
import { saveAnswer } from "~/modules/cohorts/index.server";
import { stepsOf } from "~/modules/curriculum/index.server";

// The real built server, on this test's database, serves every mentoring page and data request to
// each kind of visitor; unique markers must reach only the people allowed to read them.

const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const MARKERS = {
  privateNote: `PRIVATE-NOTE-${tag}`,
  sharedNote: `SHARED-NOTE-${tag}`,
  sharedAnswer: `SHARED-ANSWER-${tag}`,
  unsharedAnswer: `UNSHARED-ANSWER-${tag}`,
  ratingComment: `RATING-COMMENT-${tag}`,
  requestMessage: `REQUEST-MESSAGE-${tag}`,
};
type Marker = keyof typeof MARKERS;
const VIEWERS = ["anonymous", "mentor", "mentee", "otherMentor", "otherParticipant", "organiser"] as const;
type Viewer = (typeof VIEWERS)[number];

/** Who may read each marker anywhere in the mentoring pages; everyone else must never receive it. */
const ALLOWED: Record<Marker, Viewer[]> = {
  privateNote: ["mentor"],
  sharedNote: ["mentor", "mentee"],
  sharedAnswer: ["mentor", "mentee"],
  unsharedAnswer: ["mentee"],
  ratingComment: ["mentee"],
  requestMessage: ["mentor", "otherParticipant"],
};

let server: AppServer;
let sink: SmtpSink;
let people: Record<Exclude<Viewer, "anonymous">, TestUser>;
let cookies: Record<Viewer, string>;
let ids: { pair: string; session: string; run: string; checkInToken: string };

beforeAll(async () => {
  clock.set(null);
  const now = Date.now();
  people = {
    mentor: await createUser({ name: "Tunde Mentor", roles: ["mentor"] }),
    mentee: await createUser({ name: "Chiamaka Mentee" }),
    otherMentor: await createUser({ name: "Other Mentor", roles: ["mentor"] }),
    otherParticipant: await createUser({ name: "Other Participant" }),
    organiser: await createUser({ name: "Olu Organiser", roles: ["organiser"] }),
  };
  const { mentor, mentee, otherMentor, otherParticipant, organiser } = people;
  approvedMentorProfile(mentor.id);
  approvedMentorProfile(otherMentor.id);
  menteeProfile(mentee.id);
  menteeProfile(otherParticipant.id);
  const pair = activeMentorship(mentor.id, mentee.id);
  activeMentorship(otherMentor.id, otherParticipant.id);
  db.insert(mentorships)
    .values({ id: randomId(16), mentorId: mentor.id, menteeId: otherParticipant.id, source: "request", status: "proposed", requestMessage: MARKERS.requestMessage, createdAt: now, respondBy: now + 7 * DAY })
    .run();

  for (const [visibility, body] of [["private", MARKERS.privateNote], ["shared", MARKERS.sharedNote]] as const) {
    db.insert(mentorshipNotes).values({ id: randomId(16), mentorshipId: pair, authorId: mentor.id, visibility, body, createdAt: now, updatedAt: now }).run();
  }
  const session = insertSession({ mentorshipId: pair, proposedBy: mentor.id, startsAt: now - 2 * HOUR });
  db.update(mentoringSessions).set({ menteeRating: 5, menteeComment: MARKERS.ratingComment, menteeOutcome: "held", mentorOutcome: "held" }).where(eq(mentoringSessions.id, session.id)).run();
  const confirmedAhead = insertSession({ mentorshipId: pair, proposedBy: mentee.id, startsAt: now + 3 * DAY });

  const curriculumId = installTestCurriculum();
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-01-05", name: "Privacy cohort" });
  const memberId = join(mentee, cohortId);
  const steps = stepsOf(curriculumId);
  saveAnswer({ memberId, stepId: steps[0].id, answer: { values: { feeling: MARKERS.sharedAnswer, next: "Rest" } } });
  saveAnswer({ memberId, stepId: steps[2].id, answer: { text: MARKERS.unsharedAnswer } });
  db.insert(sharedStepAnswers).values({ mentorshipId: pair, memberId, stepId: steps[0].id, sharedAt: now }).run();

  const run = randomId(16);
  db.insert(matchRuns).values({ id: run, label: "Privacy run", status: "draft", createdBy: organiser.id, createdAt: now }).run();
  db.insert(matchProposals).values({ id: randomId(16), runId: run, menteeId: otherParticipant.id, mentorId: mentor.id, score: 70, reasons: ["Both speak English"] }).run();
  const checkInToken = randomId(20);
  db.insert(mentorshipCheckIns).values({ id: randomId(16), mentorshipId: pair, userId: mentee.id, dueAt: now, tokenHash: hashToken(checkInToken), sentAt: now }).run();
  ids = { pair, session: confirmedAhead.id, run, checkInToken };

  cookies = { anonymous: "" } as Record<Viewer, string>;
  for (const viewer of VIEWERS) if (viewer !== "anonymous") cookies[viewer] = createSession(people[viewer].id, "privacy test", { secondFactorAt: clock.now() }).cookie.split(";")[0];

  sink = await startSmtpSink();
  server = await startAppServer({ databaseFile: process.env.DATABASE_URL!, env: { SMTP_URL: sink.url, LOG_LEVEL: "error" } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

/** Every mentoring route file and the address it is tried at; a new route file must be added here. */
function pages(): Record<string, string> {
  const { pair, session, run, checkInToken } = ids;
  return {
    "mentors._index.tsx": "/mentors",
    "mentors.$id.tsx": `/mentors/${people.mentor.id}`,
    "signup.mentor.tsx": "/signup/mentor",
    "me.mentoring._index.tsx": "/me/mentoring",
    "me.mentoring.profile.tsx": "/me/mentoring/profile",
    "me.mentoring.mentor-profile.tsx": "/me/mentoring/mentor-profile",
    "me.mentoring.$id.tsx": `/me/mentoring/${pair}`,
    "me.mentoring.$id_.end.tsx": `/me/mentoring/${pair}/end`,
    "me.mentoring.$id.sessions.$sessionId[.ics].tsx": `/me/mentoring/${pair}/sessions/${session}.ics`,
    "check-ins.$token.tsx": `/check-ins/${checkInToken}?rating=4`,
    "admin.mentors.tsx": "/admin/mentors",
    "admin.mentoring._index.tsx": "/admin/mentoring",
    "admin.mentoring.match._index.tsx": "/admin/mentoring/match",
    "admin.mentoring.match.$runId.tsx": `/admin/mentoring/match/${run}`,
  };
}

function mentoringRouteFiles(): string[] {
  return fs.readdirSync("app/routes").filter((name) => /mentor|check-ins/.test(name));
}

/** The page and, for pages (not files), its single-fetch data request. */
function addresses(path: string): string[] {
  if (path.endsWith(".ics")) return [path];
  const url = new URL(path, "http://x");
  return [path, `${url.pathname}.data${url.search}`];
}

async function fetchAs(viewer: Viewer, path: string) {
  const response = await fetch(server.url + path, { redirect: "manual", headers: cookies[viewer] ? { Cookie: cookies[viewer] } : {} });
  return { status: response.status, body: await response.text() };
}

describe("mentoring privacy on the real server", () => {
  it("knows every mentoring route, and every one it knows exists", () => {
    const known = Object.keys(pages());
    expect(mentoringRouteFiles().filter((file) => !known.includes(file))).toEqual([]);
    expect(known.filter((file) => !mentoringRouteFiles().includes(file))).toEqual([]);
  });

  it("sends each marker only to the people allowed to read it, through every page and data request", async () => {
    const seen = new Map<Marker, Set<Viewer>>(Object.keys(MARKERS).map((m) => [m as Marker, new Set<Viewer>()]));
    const leaks: string[] = [];
    for (const path of Object.values(pages())) {
      for (const address of addresses(path)) {
        for (const viewer of VIEWERS) {
          const { status, body } = await fetchAs(viewer, address);
          expect(status, `${viewer} ${address}`).toBeLessThan(500);
          for (const [marker, text] of Object.entries(MARKERS) as [Marker, string][]) {
            if (!body.includes(text)) continue;
            seen.get(marker)!.add(viewer);
            if (!ALLOWED[marker].includes(viewer)) leaks.push(`${marker} reached ${viewer} at ${address} (${status})`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The test can fail: the markers really are on the pages of the people allowed to read them.
    expect([...seen.get("privateNote")!]).toEqual(["mentor"]);
    expect([...seen.get("sharedNote")!].sort()).toEqual(["mentee", "mentor"]);
    expect([...seen.get("sharedAnswer")!]).toEqual(["mentor"]);
    expect([...seen.get("ratingComment")!]).toEqual(["mentee"]);
    expect(seen.get("unsharedAnswer")!.size).toBe(0);
  });

  it("refuses the pair's workspace, its data and its calendar file to everyone outside the pair, organisers included", async () => {
    const { pair, session } = ids;
    for (const viewer of ["otherMentor", "otherParticipant", "organiser"] as const) {
      for (const address of [`/me/mentoring/${pair}`, `/me/mentoring/${pair}.data`, `/me/mentoring/${pair}/sessions/${session}.ics`]) {
        expect((await fetchAs(viewer, address)).status, `${viewer} ${address}`).toBe(404);
      }
    }
    for (const viewer of ["mentor", "mentee"] as const) expect((await fetchAs(viewer, `/me/mentoring/${pair}/sessions/${session}.ics`)).status).toBe(200);
  });

  it("shows organisers metadata only on their overview", async () => {
    const overview = await fetchAs("organiser", "/admin/mentoring");
    expect(overview.status).toBe(200);
    expect(overview.body).toContain("Tunde Mentor");
    for (const text of Object.values(MARKERS)) expect(overview.body).not.toContain(text);
    // Nor anywhere else an organiser looks: the people pages of the pair, the dashboard, the mail log.
    for (const path of ["/admin", `/admin/people/${people.mentee.id}`, `/admin/people/${people.mentor.id}`, "/admin/outbox", "/admin/audit"]) {
      for (const address of addresses(path)) {
        const { status, body } = await fetchAs("organiser", address);
        expect(status, address).toBe(200);
        for (const text of Object.values(MARKERS)) expect(body, address).not.toContain(text);
      }
    }
  });

  it("never puts notes, answers or ratings into email", async () => {
    const post = (viewer: Viewer, form: Record<string, string>) =>
      fetch(`${server.url}/me/mentoring/${ids.pair}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookies[viewer], Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      });
    expect((await post("mentor", { intent: "add-note", type: "private", body: `${MARKERS.privateNote} again` })).status).toBe(302);
    expect((await post("mentor", { intent: "add-note", type: "shared", body: `${MARKERS.sharedNote} again` })).status).toBe(302);
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Lagos", year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now() + 5 * DAY);
    const proposal = { intent: "propose", date, time: "10:00", duration: "60", format: "video", location: "https://meet.example.org/privacy" };
    expect((await post("mentee", proposal)).status).toBe(302);
    const rows = db.select().from(outbox).all();
    expect(rows.map((row) => row.template)).toContain("mentoring-session-proposed");
    for (const marker of ["privateNote", "sharedNote", "sharedAnswer", "unsharedAnswer", "ratingComment"] as const) {
      expect(rows.filter((row) => JSON.stringify(row).includes(MARKERS[marker]))).toEqual([]);
    }
  });
});
