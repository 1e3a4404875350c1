import type { AppServer } from "../tests/support/app-server";

// The people and events of the booking bench, made by the app's own code in the server's database
// file: real accounts and real sessions the server accepts, as sign-up and log-in leave them.

export type Booker = { userId: string; cookie: string };

/** The app's modules read DATABASE_URL and APP_URL once, when first loaded: point them at the server. */
async function appModules(server: AppServer) {
  process.env.DATABASE_URL = server.databaseFile;
  process.env.APP_URL = server.url;
  const { db } = await import("~db/client.server");
  const { insertUser, createSession } = await import("~/modules/auth/index.server");
  const { createTestEvent } = await import("../tests/support/event-factories");
  return { db, insertUser, createSession, createTestEvent };
}

/** `count` verified participants, each signed in once, in one transaction. */
export async function createBookers(server: AppServer, count: number, label: string): Promise<Booker[]> {
  const { db, insertUser, createSession } = await appModules(server);
  return db.transaction((tx) =>
    Array.from({ length: count }, (_, i) => {
      // Accounts that never log in with a password: the session below is their way in.
      const userId = insertUser(tx, { email: `${label}-${i}@bench.example.org`, name: `Bench Booker ${i}`, passwordHash: "!", roles: ["participant"], emailVerified: true });
      const cookie = createSession(userId, "steppingstone-bench", { secondFactorAt: null }).cookie.split(";")[0];
      return { userId, cookie };
    }),
  );
}

/** A free, published event a week away, open for registration, with a waitlist. */
export async function createOpenEvent(server: AppServer, capacity: number, title: string): Promise<{ id: string; slug: string }> {
  const { createTestEvent } = await appModules(server);
  const event = createTestEvent({ capacity, waitlistEnabled: true, title });
  return { id: event.id, slug: event.slug };
}
