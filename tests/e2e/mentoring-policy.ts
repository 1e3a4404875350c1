import type { PolicyFixtures, RoutePolicy } from "./route-policy";

const ORGANISERS = ["organiser"] as const;

const pairUrl = (f: PolicyFixtures, rest = "") => `/me/mentoring/${f.mentorshipId ?? "no-such-mentorship"}${rest}`;

/** The mentoring routes, spread into ROUTE_POLICY. */
export const MENTORING_POLICY: Record<string, RoutePolicy> = {
  // Finding a mentor: anyone signed in browses; only participants may ask.
  "routes/mentors._index": { load: "signed-in", post: "no-action" },
  "routes/mentors.$id": { load: "signed-in", post: ["participant"], url: (f) => `/mentors/${f.mentorId ?? "no-such-mentor"}` },

  // A person's own mentoring: requests, answers, profiles.
  "routes/me.mentoring._index": { load: "signed-in", post: "signed-in" },
  "routes/me.mentoring.profile": { load: "signed-in", post: "signed-in" },
  "routes/me.mentoring.mentor-profile": { load: ["mentor"], post: ["mentor"] },

  // A pair's pages are the pair's only (the fixture pair is two people who are none of the actors).
  "routes/me.mentoring.$id": { load: "signed-in", post: "signed-in", url: (f) => pairUrl(f), othersGetNotFound: true },
  "routes/me.mentoring.$id_.end": { load: "signed-in", post: "signed-in", url: (f) => pairUrl(f, "/end"), othersGetNotFound: true },
  "routes/me.mentoring.$id.sessions.$sessionId[.ics]": {
    load: "signed-in",
    post: "no-action",
    url: (f) => pairUrl(f, `/sessions/${f.mentoringSessionId ?? "no-such-session"}.ics`),
    othersGetNotFound: true,
  },
  // The emailed check-in link's token is the key; opening it records nothing, the button does.
  "routes/check-ins.$token": { load: "anyone", post: "anyone", url: (f) => `/check-ins/${f.mentoringCheckInToken ?? "no-such-check-in"}` },

  // Organisers: metadata, mentor approval, group matching.
  "routes/admin.mentoring._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.mentors": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.mentoring.match._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.mentoring.match.$runId": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/mentoring/match/${f.matchRunId ?? "no-such-run"}` },
};

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * Real rows for the mentoring routes, written straight into the server's database: an approved
 * mentor, an active pair of two people who are none of the actors with a confirmed session and an
 * unanswered check-in, and a draft group-match run.
 */
export async function mentoringPolicyFixtures(): Promise<Partial<PolicyFixtures>> {
  const { randomBytes } = await import("node:crypto");
  const { db } = await import("~db/client.server");
  const { matchProposals, matchRuns, mentoringSessions, mentorProfiles, mentorshipCheckIns, mentorships } = await import("~db/schema");
  const { hashToken, randomId } = await import("~/utils/ids.server");
  const { createAccount } = await import("./fixtures");
  const mentor = await createAccount({ roles: ["mentor"], name: "Policy Mentor" });
  const mentee = await createAccount({ roles: ["participant"], name: "Policy Mentee" });
  const now = Date.now();
  db.insert(mentorProfiles)
    .values({ userId: mentor.id, headline: "Policy mentor", languages: ["English"], formats: ["video"], capacity: 5, status: "approved", createdAt: now, updatedAt: now })
    .run();
  const mentorshipId = randomId(16);
  db.insert(mentorships).values({ id: mentorshipId, mentorId: mentor.id, menteeId: mentee.id, source: "request", status: "active", createdAt: now, startedAt: now }).run();
  const mentoringSessionId = randomId(16);
  db.insert(mentoringSessions)
    .values({ id: mentoringSessionId, mentorshipId, proposedBy: mentor.id, startsAt: now + 86_400_000 * 3, durationMinutes: 60, format: "video", location: "https://meet.example.org/policy", status: "confirmed", createdAt: now, updatedAt: now })
    .run();
  const mentoringCheckInToken = [...randomBytes(32)].map((byte) => BASE32[byte % 32]).join("");
  db.insert(mentorshipCheckIns).values({ id: randomId(16), mentorshipId, userId: mentee.id, dueAt: now, tokenHash: hashToken(mentoringCheckInToken), sentAt: now }).run();
  const matchRunId = randomId(16);
  db.insert(matchRuns).values({ id: matchRunId, label: "Policy run", createdAt: now }).run();
  db.insert(matchProposals).values({ id: randomId(16), runId: matchRunId, menteeId: mentee.id, mentorId: null, reasons: [] }).run();
  return { mentorId: mentor.id, mentorshipId, mentoringSessionId, mentoringCheckInToken, matchRunId };
}
