import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import type { CsrfProbe, CsrfWorld } from "./csrf-world";

// Requests to the mentoring pages that WOULD change the demo database if let through, for the
// cross-site tests. The demo has the demo mentor and participant as an active pair, a classmate's
// request waiting for the demo mentor, and one mentor profile waiting for approval. Rows a probe
// needs that the demo lacks (a check-in, a draft match run) and the sessions of the people who
// post are written straight into the world's database before the probe is sent.

type Demo = {
  mentorId: string;
  pairId: string;
  waitingRequestId: string;
  pendingMentorId: string;
  cohortId: string;
  draftRunId: string;
  checkInToken: string;
};

const cache = new WeakMap<CsrfWorld, Demo>();

const id = () => randomBytes(16).toString("hex");
// Emailed tokens are base32, as the app makes them.
const base32Token = () => [...randomBytes(32)].map((byte) => "abcdefghijklmnopqrstuvwxyz234567"[byte % 32]).join("");

function demoOf(w: CsrfWorld): Demo {
  const known = cache.get(w);
  if (known) return known;
  const sqlite = new Database(w.server.databaseFile);
  try {
    const userId = (email: string) => (sqlite.prepare("select id from users where email = ?").get(email) as { id: string }).id;
    const now = Date.now();
    const mentorId = userId("mentor@example.org");
    const participantId = userId("participant@example.org");
    const pair = sqlite.prepare("select id from mentorships where mentor_id = ? and mentee_id = ? and status = 'active'").get(mentorId, participantId) as { id: string };
    const waiting = sqlite.prepare("select id from mentorships where mentor_id = ? and status = 'proposed'").get(mentorId) as { id: string };
    const pending = sqlite.prepare("select user_id as id from mentor_profiles where status = 'pending'").get() as { id: string };
    const cohort = sqlite.prepare("select cohort_id as id from cohort_members where user_id = ?").get(participantId) as { id: string };

    const draftRunId = id();
    sqlite.prepare("insert into match_runs (id, label, status, created_at) values (?, 'Cross-site run', 'draft', ?)").run(draftRunId, now);
    sqlite
      .prepare("insert into match_proposals (id, run_id, mentee_id, mentor_id, score, reasons) values (?, ?, ?, null, null, '[]')")
      .run(id(), draftRunId, userId("cohort-member-3@example.org"));

    const checkInToken = base32Token();
    sqlite
      .prepare("insert into mentorship_check_ins (id, mentorship_id, user_id, due_at, token_hash, sent_at) values (?, ?, ?, ?, ?, ?)")
      .run(id(), pair.id, participantId, now, createHash("sha256").update(checkInToken).digest("hex"), now);

    const demo: Demo = {
      mentorId,
      pairId: pair.id,
      waitingRequestId: waiting.id,
      pendingMentorId: pending.id,
      cohortId: cohort.id,
      draftRunId,
      checkInToken,
    };
    cache.set(w, demo);
    return demo;
  } finally {
    sqlite.close();
  }
}

/**
 * A new session for a demo account, made when the probe is: earlier probes may end a person's
 * sessions (resetting the demo participant's password does), so none is kept between probes.
 */
function cookieOf(w: CsrfWorld, email: string): string {
  const sqlite = new Database(w.server.databaseFile);
  try {
    const user = sqlite.prepare("select id from users where email = ?").get(email) as { id: string };
    const sessionId = id();
    const secret = id();
    const now = Date.now();
    sqlite
      .prepare("insert into sessions (id, user_id, secret_hash, created_at, last_seen_at, user_agent) values (?, ?, ?, ?, ?, 'csrf probe')")
      .run(sessionId, user.id, createHash("sha256").update(secret).digest(), now, now);
    const cookieName = w.cookies.organiser.slice(0, w.cookies.organiser.indexOf("="));
    return `${cookieName}=${encodeURIComponent(`${sessionId}.${secret}`)}`;
  } finally {
    sqlite.close();
  }
}

const mentor = (w: CsrfWorld) => cookieOf(w, "mentor@example.org");
const participant = (w: CsrfWorld) => cookieOf(w, "participant@example.org");

const PROFILE = { languages: "English", city: "Lagos", formats: "video", timeZone: "Africa/Lagos" };

/** In the order the same-site run sends them: the pair's workspace before the pair is ended. */
export const MENTORING_CSRF_PROBES: Record<string, (w: CsrfWorld) => CsrfProbe> = {
  "routes/me.mentoring.profile": (w) => ({
    url: "/me/mentoring/profile",
    form: { ...PROFILE, targetRoles: "Cross-site role", industries: "Cross-site", goals: "Taken over" },
    cookie: participant(w),
  }),
  "routes/me.mentoring.mentor-profile": (w) => ({
    url: "/me/mentoring/mentor-profile",
    form: { ...PROFILE, headline: "Cross-site headline", capacity: "3", accepting: "on", remote: "on" },
    cookie: mentor(w),
  }),
  "routes/admin.mentors": (w) => ({ url: "/admin/mentors", form: { intent: "approve", userId: demoOf(w).pendingMentorId }, cookie: w.cookies.organiser }),
  "routes/admin.mentoring.match._index": (w) => ({ url: "/admin/mentoring/match?index", form: { pool: `cohort:${demoOf(w).cohortId}` }, cookie: w.cookies.organiser }),
  "routes/admin.mentoring.match.$runId": (w) => ({ url: `/admin/mentoring/match/${demoOf(w).draftRunId}`, form: { intent: "discard" }, cookie: w.cookies.organiser }),
  "routes/mentors.$id": (w) => ({
    url: `/mentors/${demoOf(w).mentorId}`,
    form: { message: "A request sent from another site, which must never arrive." },
    cookie: cookieOf(w, "cohort-member-2@example.org"),
  }),
  "routes/me.mentoring._index": (w) => ({
    url: "/me/mentoring?index",
    form: { intent: "decline", id: demoOf(w).waitingRequestId, reason: "" },
    cookie: mentor(w),
  }),
  "routes/check-ins.$token": (w) => ({ url: `/check-ins/${demoOf(w).checkInToken}`, form: { rating: "1" } }),
  "routes/me.mentoring.$id": (w) => ({
    url: `/me/mentoring/${demoOf(w).pairId}`,
    form: { intent: "add-note", type: "shared", body: "A note sent from another site." },
    cookie: participant(w),
  }),
  "routes/me.mentoring.$id_.end": (w) => ({
    url: `/me/mentoring/${demoOf(w).pairId}/end`,
    form: { intent: "end", reason: "Ended from another site", rating: "1" },
    cookie: participant(w),
  }),
};
