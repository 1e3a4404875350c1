// The console's whole-table counts are running totals kept by triggers (migration 0026, ADR 0054).
// Whatever writes the rows (the app's own steps, a cascade from deleting a person or a cohort, a
// script), every total must equal the count it stands for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteError } from "better-sqlite3";
import { db } from "~db/client.server";
import { ROLES } from "~db/schema";
import { consoleFigures } from "~/modules/admin/index.server";
import { stepsOf } from "~/modules/curriculum/index.server";
import { clock } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { COUNTED_TABLES, runningTotals } from "~/utils/running-totals.server";
import { createUser } from "../support/factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { pseudoRandom } from "../support/pseudo-random";

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const REFUSALS = ["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_FOREIGNKEY"];
const sqlite = db.$client;
/** A step that needs a row of a kind there is none of just now: skipped. */
class NothingToPick extends Error {}

/** What each total stands for, counted from the rows. */
const COUNTED: Record<string, string> = {
  people: "select count(*) from users",
  people_unverified: "select count(*) from users where email_verified_at is null",
  people_erased: "select count(*) from users where erased_at is not null",
  people_with_birth_date: "select count(*) from users where birth_date is not null",
  ...Object.fromEntries(COUNTED_TABLES.map((table) => [`rows:${table}`, `select count(*) from ${table}`])),
  ...Object.fromEntries(ROLES.map((role) => [`people_with_role:${role}`, `select count(*) from user_roles where role = '${role}'`])),
  cohorts: "select count(*) from cohorts",
  cohort_participants: "select count(distinct user_id) from cohort_members",
  steps_completed: "select count(*) from exercise_answers where completed_at is not null",
  certificates: "select count(*) from certificates",
  job_applications: "select count(*) from job_applications",
  job_applicants: "select count(distinct user_id) from job_applications",
  job_interviews: "select count(*) from job_applications where status in ('interview', 'offer', 'hired')",
  job_hires: "select count(*) from job_applications where status = 'hired'",
  ...Object.fromEntries(["proposed", "active", "declined", "lapsed", "withdrawn", "ended"].map((status) => [`mentorships:${status}`, `select count(*) from mentorships where status = '${status}'`])),
  ...Object.fromEntries(["pending", "approved", "rejected"].map((status) => [`mentor_profiles:${status}`, `select count(*) from mentor_profiles where status = '${status}'`])),
  mentoring_sessions_held: "select count(*) from mentoring_sessions where status = 'confirmed' and 'held' in (mentor_outcome, mentee_outcome)",
};

function totalsMatchRows(when: string) {
  const totals = runningTotals(Object.keys(COUNTED));
  const counted = Object.fromEntries(Object.entries(COUNTED).map(([name, query]) => [name, sqlite.prepare(query).pluck().get() as number]));
  expect(totals, when).toEqual(counted);
}

let actorId = "";
let curriculumId = "";
beforeAll(async () => {
  clock.set(T0);
  actorId = (await createUser({ roles: ["organiser"] })).id;
  curriculumId = installTestCurriculum();
});
afterAll(() => clock.set(null));

describe("running totals", () => {
  it("count every table the register of processing lists, on insert and on delete", () => {
    const triggers = new Set(sqlite.prepare("select name from sqlite_master where type = 'trigger'").pluck().all() as string[]);
    const missing = COUNTED_TABLES.flatMap((table) => [`${table}_rows_insert`, `${table}_rows_delete`]).filter((name) => !triggers.has(name));
    expect(missing).toEqual([]);
  });

  it("follow the app's own writes: people, roles, cohorts and the console's figures", async () => {
    totalsMatchRows("at the start");
    const before = consoleFigures();
    await createUser({ roles: ["mentor"], verified: false });
    makeCohort({ actorId, curriculumId, startDate: "2026-11-09", name: "November" });
    clock.set(T0 + 1);
    const after = consoleFigures();
    expect(after.figures.people).toBe(before.figures.people + 1);
    expect(after.figures.unverified).toBe(before.figures.unverified + 1);
    expect(after.figures.byRole.mentor).toBe(before.figures.byRole.mentor + 1);
    expect(after.programme.cohorts).toBe(before.programme.cohorts + 1);
    totalsMatchRows("after the app's writes");
  });

  it("count a mentoring session as held when either side says it was, and only while it is confirmed", async () => {
    const [mentor, mentee] = await Promise.all([createUser({ roles: ["mentor"] }), createUser()]);
    const mentorshipId = randomId(8);
    sqlite.prepare("insert into mentorships (id, mentor_id, mentee_id, source, status, created_at) values (?, ?, ?, 'request', 'active', ?)").run(mentorshipId, mentor!.id, mentee!.id, T0);
    const sessionId = randomId(8);
    sqlite.prepare("insert into mentoring_sessions (id, mentorship_id, proposed_by, starts_at, duration_minutes, format, status, created_at, updated_at) values (?, ?, ?, ?, 60, 'phone', 'confirmed', ?, ?)").run(sessionId, mentorshipId, mentee!.id, T0, T0, T0);
    const held = () => runningTotals(["mentoring_sessions_held"]).mentoring_sessions_held;
    const set = (column: "status" | "mentor_outcome" | "mentee_outcome", value: string | null) => sqlite.prepare(`update mentoring_sessions set ${column} = ? where id = ?`).run(value, sessionId);
    const before = held();
    const seen: number[] = [];
    for (const [column, value] of [["mentee_outcome", "held"], ["mentor_outcome", "held"], ["mentee_outcome", "missed"], ["status", "cancelled"], ["status", "confirmed"], ["mentor_outcome", "missed"]] as const) {
      set(column, value);
      seen.push(held() - before);
    }
    expect(seen).toEqual([1, 1, 1, 0, 1, 0]);
    totalsMatchRows("after a session's outcomes");
  });

  it("equal the rows after any mix of inserts, changes, moves, deletes and cascades", async () => {
    const next = pseudoRandom(11);
    const pick = <T>(list: T[]): T => {
      if (!list.length) throw new NothingToPick();
      return list[next(list.length)]!;
    };
    const ids = (query: string) => sqlite.prepare(query).pluck().all() as string[];
    const steps = stepsOf(curriculumId).map((step) => step.id);
    for (let i = 0; i < 4; i++) makeCohort({ actorId, curriculumId, startDate: "2026-11-09", name: `Cohort ${i}` });
    for (let i = 0; i < 6; i++) await createUser({ verified: i % 2 === 0 });
    const now = T0;
    const writes: (() => void)[] = [
      () => sqlite.prepare("insert into users (id, email, name, password_hash, email_verified_at, birth_date, created_at, updated_at) values (?, ?, 'Written', 'x', ?, ?, ?, ?)").run(randomId(8), `${randomId(8)}@example.org`, next(2) ? now : null, pick(["2010-05-01", null]), now, now),
      () => sqlite.prepare("update users set email_verified_at = ? where id = ?").run(next(2) ? now : null, pick(ids("select id from users where id <> '" + actorId + "'"))),
      () => sqlite.prepare("update users set erased_at = ? where id = ?").run(pick([now, null]), pick(ids("select id from users where id <> '" + actorId + "'"))),
      () => sqlite.prepare("update users set birth_date = ? where id = ?").run(pick(["2009-03-04", "2011-07-08", null]), pick(ids("select id from users"))),
      () => sqlite.prepare("insert into sessions (id, user_id, secret_hash, created_at, last_seen_at) values (?, ?, x'00', ?, ?)").run(randomId(8), pick(ids("select id from users")), now, now),
      () => sqlite.prepare("delete from sessions where id = ?").run(pick(ids("select id from sessions"))),
      () => sqlite.prepare("insert into audit_log (at, actor_id, action) values (?, ?, 'written')").run(now, pick(ids("select id from users"))),
      () => sqlite.prepare("delete from audit_log where id = ?").run(pick(ids("select id from audit_log"))),
      () => sqlite.prepare("delete from users where id = ?").run(pick(ids("select id from users where id <> '" + actorId + "'"))),
      () => sqlite.prepare("insert into user_roles (user_id, role, granted_at) values (?, ?, ?)").run(pick(ids("select id from users")), pick([...ROLES]), now),
      () => sqlite.prepare("update user_roles set role = ? where rowid = ?").run(pick([...ROLES]), pick(ids("select rowid from user_roles"))),
      () => sqlite.prepare("delete from user_roles where rowid = ? and user_id <> ?").run(pick(ids("select rowid from user_roles")), actorId),
      () => makeCohort({ actorId, curriculumId, startDate: "2026-12-01", name: "Another" }),
      () => sqlite.prepare("delete from cohorts where id = ?").run(pick(ids("select id from cohorts"))),
      () => sqlite.prepare("insert into cohort_members (id, cohort_id, user_id, joined_at, joined_via) values (?, ?, ?, ?, 'code')").run(randomId(8), pick(ids("select id from cohorts")), pick(ids("select id from users")), now),
      () => sqlite.prepare("update cohort_members set user_id = ? where id = ?").run(pick(ids("select id from users")), pick(ids("select id from cohort_members"))),
      () => sqlite.prepare("update cohort_members set user_id = user_id where id = ?").run(pick(ids("select id from cohort_members"))),
      () => sqlite.prepare("delete from cohort_members where id = ?").run(pick(ids("select id from cohort_members"))),
      () => sqlite.prepare("insert into exercise_answers (member_id, step_id, answer, completed_at, updated_at) values (?, ?, 'An answer', ?, ?)").run(pick(ids("select id from cohort_members")), pick(steps), next(2) ? now : null, now),
      () => sqlite.prepare("update exercise_answers set completed_at = ? where rowid = ?").run(next(2) ? now : null, pick(ids("select rowid from exercise_answers"))),
      () => sqlite.prepare("delete from exercise_answers where rowid = ?").run(pick(ids("select rowid from exercise_answers"))),
      () => sqlite.prepare("insert into certificates (id, member_id, user_id, recipient_name, curriculum_title, cohort_name, organisation_name, completed_at) values (?, null, ?, 'A', 'B', 'C', 'D', ?)").run(randomId(8), pick(ids("select id from users")), now),
      () => sqlite.prepare("delete from certificates where id = ?").run(pick(ids("select id from certificates"))),
      () => sqlite.prepare("insert into job_applications (id, user_id, company, role, applied_on, status, created_at, updated_at) values (?, ?, 'Firm', 'Clerk', '2026-11-01', ?, ?, ?)").run(randomId(8), pick(ids("select id from users")), pick(["applied", "interview", "offer", "rejected", "hired"]), now, now),
      () => sqlite.prepare("update job_applications set status = ? where id = ?").run(pick(["applied", "interview", "offer", "rejected", "hired"]), pick(ids("select id from job_applications"))),
      () => sqlite.prepare("update job_applications set user_id = ? where id = ?").run(pick(ids("select id from users")), pick(ids("select id from job_applications"))),
      () => sqlite.prepare("delete from job_applications where id = ?").run(pick(ids("select id from job_applications"))),
      () => sqlite.prepare("insert into mentorships (id, mentor_id, mentee_id, source, status, created_at) values (?, ?, ?, 'request', ?, ?)").run(randomId(8), pick(ids("select id from users")), pick(ids("select id from users")), pick(["proposed", "active", "declined", "lapsed", "withdrawn", "ended"]), now),
      () => sqlite.prepare("update mentorships set status = ? where id = ?").run(pick(["proposed", "active", "declined", "lapsed", "withdrawn", "ended"]), pick(ids("select id from mentorships"))),
      () => sqlite.prepare("delete from mentorships where id = ?").run(pick(ids("select id from mentorships"))),
      () => sqlite.prepare("insert into mentoring_sessions (id, mentorship_id, proposed_by, starts_at, duration_minutes, format, status, mentor_outcome, mentee_outcome, created_at, updated_at) values (?, ?, ?, ?, 60, 'phone', ?, ?, ?, ?, ?)").run(randomId(8), pick(ids("select id from mentorships")), pick(ids("select id from users")), now, pick(["proposed", "confirmed", "declined", "cancelled"]), pick(["held", "missed", null]), pick(["held", "missed", null]), now, now),
      () => sqlite.prepare("update mentoring_sessions set status = ?, mentor_outcome = ? where id = ?").run(pick(["proposed", "confirmed", "cancelled"]), pick(["held", "missed", null]), pick(ids("select id from mentoring_sessions"))),
      () => sqlite.prepare("update mentoring_sessions set mentee_outcome = ? where id = ?").run(pick(["held", "missed", null]), pick(ids("select id from mentoring_sessions"))),
      () => sqlite.prepare("insert into mentor_profiles (user_id, headline, status, created_at, updated_at) values (?, 'Mentor', ?, ?, ?)").run(pick(ids("select id from users")), pick(["pending", "approved", "rejected"]), now, now),
      () => sqlite.prepare("update mentor_profiles set status = ? where user_id = ?").run(pick(["pending", "approved", "rejected"]), pick(ids("select user_id from mentor_profiles"))),
      () => sqlite.prepare("delete from mentor_profiles where user_id = ?").run(pick(ids("select user_id from mentor_profiles"))),
      () => sqlite.prepare("delete from mentoring_sessions where id = ?").run(pick(ids("select id from mentoring_sessions"))),
    ];
    let written = 0;
    for (let step = 0; step < 1200; step++) {
      const write = writes[next(writes.length)]!;
      try {
        write();
        written += 1;
      } catch (error) {
        // A write the schema refuses (a duplicate, a row that is not there) changes nothing; the totals must say so too.
        // Any other failure (a trigger's own, say) is a defect.
        if (!(error instanceof NothingToPick) && !(error instanceof SqliteError && REFUSALS.includes(error.code))) throw error;
      }
      totalsMatchRows(`after step ${step}`);
    }
    // The sequence really wrote: most steps succeeded, and every kind of table still has rows to count.
    expect(written).toBeGreaterThan(600);
  });
});
