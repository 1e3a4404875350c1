import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { db } from "~db/client.server";
import { sessions, userRoles } from "~db/schema";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { action as accountAction, loader as accountLoader } from "~/routes/me.account";
import { createUser, formRequest, getRequest, loadContext, signIn, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { getUser } from "~/routes/helpers/session.server";

const START = Date.UTC(2026, 4, 1, 12, 0, 0);
const lastSeen = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get()?.lastSeenAt;
/** Each check is a new request, as each page load would be. */
const userFor = (cookie: string) => getUser(getRequest("/me", { cookie }));

beforeEach(() => clock.set(START));
afterEach(() => clock.set(null));

describe("session lifetime", () => {
  it("refreshes last-seen at most once an hour", async () => {
    const user = await createUser();
    const { sessionId, cookieHeader } = signIn(user.id);
    clock.advance(59 * MINUTE);
    expect(userFor(cookieHeader)?.id).toBe(user.id);
    expect(lastSeen(sessionId)).toBe(START);
    clock.advance(MINUTE);
    expect(userFor(cookieHeader)?.id).toBe(user.id);
    expect(lastSeen(sessionId)).toBe(START + HOUR);
  });

  it("ends after 30 days without activity", async () => {
    const user = await createUser();
    const active = signIn(user.id);
    clock.advance(30 * DAY - MINUTE);
    expect(userFor(active.cookieHeader)?.id).toBe(user.id);
    const idle = signIn(user.id);
    clock.advance(30 * DAY);
    expect(userFor(idle.cookieHeader)).toBeNull();
    expect(lastSeen(idle.sessionId)).toBeUndefined();
  });

  it("ends 90 days after sign-in however active it is", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    for (let day = 1; day < 90; day += 1) {
      clock.set(START + day * DAY);
      expect(userFor(cookieHeader)?.id, `day ${day}`).toBe(user.id);
    }
    clock.set(START + 90 * DAY);
    expect(userFor(cookieHeader)).toBeNull();
  });

  it("refuses a token whose secret does not match", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    const [name, value] = cookieHeader.split("=");
    const [id] = decodeURIComponent(value!).split(".");
    expect(userFor(`${name}=${id}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull();
    expect(userFor(cookieHeader)?.id).toBe(user.id);
  });
});

describe("the person a session is for", () => {
  it("comes with every role they hold, and none when they hold none", async () => {
    const both = await createUser({ roles: ["organiser", "mentor"] });
    const none = await createUser({ roles: [] });
    expect([...(userFor(signIn(both.id).cookieHeader)?.roles ?? [])].sort()).toEqual(["mentor", "organiser"]);
    expect(userFor(signIn(none.id).cookieHeader)?.roles).toEqual([]);
  });
});

describe("a session read once and kept until something is written (ADR 0042)", () => {
  it("is shared by the loaders of one request, and read again after a write", async () => {
    const user = await createUser();
    const { sessionId, cookieHeader } = signIn(user.id);
    const request = getRequest("/me", { cookie: cookieHeader });
    const first = getUser(request);
    expect(first?.id).toBe(user.id);
    expect(getUser(request)).toBe(first);
    // An action that signs the person out leaves its own request's loaders signed out too.
    db.delete(sessions).where(eq(sessions.id, sessionId)).run();
    expect(getUser(request)).toBeNull();
    expect(userFor(cookieHeader)).toBeNull();
  });

  it("sees a role given or taken at once, and a sign-out by another process at the next turn", async () => {
    const user = await createUser({ roles: [] });
    const { sessionId, cookieHeader } = signIn(user.id);
    expect(userFor(cookieHeader)?.roles).toEqual([]);
    db.insert(userRoles).values({ userId: user.id, role: "mentor", grantedAt: START }).run();
    expect(userFor(cookieHeader)?.roles).toEqual(["mentor"]);

    const other = new Database(db.$client.name);
    other.prepare("delete from sessions where id = ?").run(sessionId);
    other.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(userFor(cookieHeader)).toBeNull();
  });

  it("still checks the secret and the session's age on every request", async () => {
    const user = await createUser();
    const { cookieHeader } = signIn(user.id);
    expect(userFor(cookieHeader)?.id).toBe(user.id);
    const [name, value] = cookieHeader.split("=");
    const [id] = decodeURIComponent(value!).split(".");
    expect(userFor(`${name}=${encodeURIComponent(`${id}.wrongsecret`)}`)).toBeNull();
    clock.advance(30 * DAY);
    expect(userFor(cookieHeader)).toBeNull();
  });
});

describe("my sessions", () => {
  it("lists devices with this one marked, and signs out of all the others", async () => {
    const user = await createUser();
    const here = signIn(user.id, "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36");
    clock.advance(2 * HOUR);
    const other = signIn(user.id, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0");
    signIn(await createUser().then((u) => u.id));

    const page = await runRoute(() =>
      accountLoader(routeArgs({ request: getRequest("/me/account", { cookie: here.cookieHeader }), context: loadContext(), params: {} })),
    );
    const rows = (page.data as { sessions: { device: string; current: boolean; lastActive: string }[] }).sessions;
    expect(rows.map((r) => [r.device, r.current])).toEqual([
      ["Chrome on Android", true],
      ["Firefox on Windows", false],
    ]);
    expect(rows[1]!.lastActive).toBe("In the last hour");

    const result = await runRoute(() =>
      accountAction(routeArgs({
        request: formRequest("/me/account", { intent: "sign-out-others" }, { cookie: here.cookieHeader }),
        context: loadContext(),
        params: {},
      })),
    );
    expect(result.status).toBe(302);
    expect(userFor(other.cookieHeader)).toBeNull();
    expect(userFor(here.cookieHeader)?.id).toBe(user.id);
  });

  it("sends an anonymous visitor to log in first", async () => {
    const result = await runRoute(() =>
      accountLoader(routeArgs({ request: getRequest("/me/account"), context: loadContext(), params: {} })),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/login?redirectTo=%2Fme%2Faccount");
  });
});
