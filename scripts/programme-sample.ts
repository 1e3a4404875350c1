import Database from "better-sqlite3";

// Programme pages worth measuring in a seeded database, and a real session to see them with.

function read<T>(databaseFile: string, query: string, ...params: unknown[]): T | undefined {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(query).get(...params) as T | undefined;
  } finally {
    sqlite.close();
  }
}

/**
 * A session for a seeded account, made by the app's own session code against the server's
 * database: the `name=value` pair a browser would send. Call before anything else loads the
 * app's environment (it reads DATABASE_URL and APP_URL once).
 */
export async function sessionCookieFor(server: { url: string; databaseFile: string }, email: string): Promise<{ name: string; value: string; header: string }> {
  process.env.DATABASE_URL = server.databaseFile;
  process.env.APP_URL = server.url;
  const { findUserByEmail } = await import("~/modules/auth/index.server");
  const { createSession } = await import("~/modules/auth/index.server");
  const user = findUserByEmail(email);
  if (!user) throw new Error(`No account ${email} in the seeded database`);
  // Measured as someone who has just typed their second-factor code, as an organiser in the console has.
  const header = createSession(user.id, "steppingstone-measure", { secondFactorAt: Date.now() }).cookie.split(";")[0];
  const index = header.indexOf("=");
  return { name: header.slice(0, index), value: decodeURIComponent(header.slice(index + 1)), header };
}

/** The demo participant's step with the most on it: the email draft they completed (step 2). */
export function demoStepPath(databaseFile: string, position = 2): string {
  const row = read<{ id: string }>(
    databaseFile,
    `select c.id from cohorts c join cohort_members m on m.cohort_id = c.id join users u on u.id = m.user_id
     where u.email = 'participant@example.org' order by c.start_date limit 1`,
  );
  if (!row) throw new Error("The demo participant is in no cohort");
  return `/me/programme/${row.id}/steps/${position}`;
}

/** The dashboard of the cohort with the most members (50 in the large data set). */
export function largestCohortPath(databaseFile: string): string {
  const row = read<{ id: string }>(databaseFile, `select m.cohort_id as id from cohort_members m join cohorts c on c.id = m.cohort_id group by m.cohort_id order by count(*) desc, c.start_date limit 1`);
  if (!row) throw new Error("The seeded database has no cohort with members");
  return `/admin/cohorts/${row.id}`;
}
