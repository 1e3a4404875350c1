// `npm run bench:matching`: group matching of 500 mentees against 100 mentors on a fresh SQLite
// file: scoring every pair, the min-cost-flow assignment, and staging a whole run. Prints ms.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MENTEES = Number(process.env.BENCH_MENTEES ?? 500);
const MENTORS = Number(process.env.BENCH_MENTORS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-matching-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.LOG_LEVEL ??= "error";

const { db, closeDatabase } = await import("~db/client.server");
const { insertUser } = await import("~/modules/auth/index.server");
const { largeMenteeProfile, largeMentorProfile } = await import("./seed/mentoring");
const { menteeProfiles, mentorProfiles } = await import("~db/schema");
// An algorithm benchmark reaches inside the mentoring area, as its unit tests do.
const { planAssignment, createMatchRun } = await import("~/modules/mentoring/group-matching.server");
const { approvedMentors, menteeTraits, mentorTraits } = await import("~/modules/mentoring/suggestions.server");
const { scorePair } = await import("~/modules/mentoring/scoring");
const { assignMentees, greedyAssign } = await import("~/modules/mentoring/assignment");

const now = Date.now();
const menteeIds: string[] = [];
db.transaction(
  (tx) => {
    const passwordHash = "not-a-real-hash";
    for (let i = 1; i <= MENTORS; i++) {
      const userId = insertUser(tx, { email: `bench-mentor${i}@example.org`, name: `Mentor ${i}`, passwordHash, roles: ["mentor"] });
      tx.insert(mentorProfiles).values({ ...largeMentorProfile(i), userId, createdAt: now, updatedAt: now }).run();
    }
    for (let i = 1; i <= MENTEES; i++) {
      const userId = insertUser(tx, { email: `bench-mentee${i}@example.org`, name: `Mentee ${i}`, passwordHash, roles: ["participant"] });
      tx.insert(menteeProfiles).values({ ...largeMenteeProfile(i), userId, createdAt: now, updatedAt: now }).run();
      menteeIds.push(userId);
    }
  },
  { behavior: "immediate" },
);

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The assignment alone, on edges scored once, so its share of the time is visible.
const mentors = approvedMentors().filter((m) => m.placesLeft > 0);
const mentees = db.select().from(menteeProfiles).all();
const edges: { mentee: number; mentor: number; weight: number }[] = [];
const scoring = time(() =>
  mentees.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      const s = scorePair(mentorTraits(mentor.profile), menteeTraits(mentee), { placesLeft: mentor.placesLeft, endedBefore: false, at: now });
      if (s.eligible) edges.push({ mentee: i, mentor: j, weight: s.score });
    }),
  ),
);
const input = { menteeCount: mentees.length, capacities: mentors.map((m) => m.placesLeft), edges };
const flows = Array.from({ length: ROUNDS }, () => time(() => assignMentees(input)));
const best = flows[0]!.value;
const greedy = greedyAssign(input);

const plans = Array.from({ length: ROUNDS }, () => time(() => planAssignment(menteeIds, now)));
const organiser = insertUser(db, { email: "bench-organiser@example.org", name: "Organiser", passwordHash: "x", roles: ["organiser"] });
const staged = time(() => createMatchRun({ actorId: organiser, pool: { kind: "waiting" } }));

const places = mentors.reduce((sum, m) => sum + m.placesLeft, 0);
console.log(`Group matching: ${mentees.length} mentees, ${mentors.length} mentors with ${places} places, ${edges.length} allowed pairs (of ${mentees.length * mentors.length}).`);
console.log(`| step | ms (median of ${ROUNDS}) |`);
console.log("|---|---|");
console.log(`| score every pair (once) | ${scoring.ms.toFixed(1)} |`);
console.log(`| min-cost-flow assignment alone | ${median(flows.map((f) => f.ms)).toFixed(1)} |`);
console.log(`| planAssignment: load, score, assign | ${median(plans.map((p) => p.ms)).toFixed(1)} |`);
console.log(`| createMatchRun: all of it plus writing the run (once) | ${staged.ms.toFixed(1)} |`);
console.log(`Assignment: ${best.assigned} mentees matched, total fit ${best.totalWeight}; a greedy pass: ${greedy.assigned} matched, total fit ${greedy.totalWeight}.`);

closeDatabase();
fs.rmSync(dir, { recursive: true, force: true });
