import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { matchProposals, matchRuns, mentorProfiles, mentorships, outbox } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { startAppServer, type AppServer } from "../support/app-server";
import { createSession, insertUser } from "~/modules/auth/index.server";
import { requestMentor } from "~/modules/mentoring/index.server";

// The real built server, on this test's database file, gets many accepts of requests and many
// publishes of group matches at once, all for a mentor's last place. Exactly one mentorship may
// come of it, and only its two people are told.

const REQUESTS = 20;
const RUNS = 10;
const ROUNDS = 3;

let server: AppServer;
let organiserCookie: string;
let round = 0;

const cookieFor = (userId: string) => createSession(userId, "capacity race", { secondFactorAt: clock.now() }).cookie.split(";")[0];

function person(label: string, roles: ("participant" | "mentor" | "organiser")[]) {
  const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomId(4)}@example.org`;
  const id = db.transaction((tx) => insertUser(tx, { email, name: label, passwordHash: "not-used", roles, emailVerified: true }));
  return { id, email };
}

beforeAll(async () => {
  clock.set(null);
  server = await startAppServer({ databaseFile: process.env.DATABASE_URL!, env: { LOG_LEVEL: "error", WORKER_INTERVAL_MS: "60000" } });
  organiserCookie = cookieFor(person("Race Organiser", ["organiser"]).id);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function post(path: string, cookie: string, body: Record<string, string>) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
}

/** A mentor with `capacity` places, `taken` of them already filled by active mentorships. */
function mentorWithOnePlace(capacity: number) {
  round += 1;
  const mentor = person(`Race Mentor ${round}`, ["mentor"]);
  const now = Date.now();
  db.insert(mentorProfiles)
    .values({ userId: mentor.id, headline: "Last place", languages: ["English"], formats: ["video"], capacity, status: "approved", createdAt: now, updatedAt: now })
    .run();
  for (let i = 0; i < capacity - 1; i++) {
    const mentee = person(`Earlier mentee ${round}-${i}`, ["participant"]);
    db.insert(mentorships)
      .values({ id: randomId(16), mentorId: mentor.id, menteeId: mentee.id, source: "request", status: "active", createdAt: now, startedAt: now })
      .run();
  }
  return mentor;
}

describe("a mentor's last place under concurrent accepts and publishes", () => {
  for (let r = 1; r <= ROUNDS; r++) {
    it(`round ${r}: ${REQUESTS} accepts and ${RUNS} publishes give exactly one new mentorship`, async () => {
      const mentor = mentorWithOnePlace(r);
      const mentorCookie = cookieFor(mentor.id);
      const requesters = Array.from({ length: REQUESTS }, (_, i) => person(`Requester ${r}-${i}`, ["participant"]));
      const requestIds = requesters.map((mentee) => {
        const result = requestMentor({ menteeId: mentee.id, mentorId: mentor.id, message: "Please mentor me through the move." });
        if (!result.ok) throw new Error(result.message);
        return result.id;
      });
      const matched = Array.from({ length: RUNS }, (_, i) => person(`Matched ${r}-${i}`, ["participant"]));
      const runIds = matched.map((mentee, i) => {
        const runId = randomId(16);
        db.insert(matchRuns).values({ id: runId, label: `Race run ${r}-${i}`, createdAt: Date.now() }).run();
        db.insert(matchProposals).values({ id: randomId(16), runId, menteeId: mentee.id, mentorId: mentor.id, score: 50, reasons: [] }).run();
        return runId;
      });

      // Some accepts are pressed twice; publishes are mixed in among them, in a different order each round.
      const sends = [
        ...requestIds.flatMap((id, i) => (i < 5 ? [id, id] : [id])).map((id) => () => post("/me/mentoring?index", mentorCookie, { intent: "accept", id })),
        ...runIds.map((runId) => () => post(`/admin/mentoring/match/${runId}`, organiserCookie, { intent: "publish" })),
      ].sort(() => Math.random() - 0.5);
      const responses = await Promise.all(sends.map((send) => send()));
      expect(responses.filter((response) => response.status >= 500)).toEqual([]);
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([302]));

      const active = db
        .select()
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, mentor.id), eq(mentorships.status, "active")))
        .all();
      expect(active).toHaveLength(r);
      const winners = active.filter((m) => [...requesters, ...matched].some((p) => p.id === m.menteeId));
      expect(winners).toHaveLength(1);
      const winner = winners[0];
      expect(requestIds.filter((id) => id !== winner.id).every((id) => db.select().from(mentorships).where(eq(mentorships.id, id)).get()!.status === "proposed")).toBe(true);
      expect(db.select().from(matchRuns).where(inArray(matchRuns.id, runIds)).all().every((run) => run.status === "published")).toBe(true);

      // Only the winning pair was told: one email to the new mentee (and, for a match, one to the mentor).
      const everyone = [mentor, ...requesters, ...matched].map((p) => p.email);
      const told = db
        .select()
        .from(outbox)
        .where(and(inArray(outbox.template, ["mentor-request-accepted", "mentorship-matched"]), inArray(outbox.recipient, everyone)))
        .all();
      const winnerEmail = [...requesters, ...matched].find((p) => p.id === winner.menteeId)!.email;
      expect(told.filter((m) => m.recipient !== mentor.email).map((m) => m.recipient)).toEqual([winnerEmail]);
      expect(told).toHaveLength(winner.source === "match" ? 2 : 1);
    }, 120_000);
  }
});
