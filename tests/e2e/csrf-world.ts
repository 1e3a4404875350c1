import { expect } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../../scripts/seed/demo";
import { startAppServer, type AppServer } from "../support/app-server";
import { EVENT_CSRF_PROBES } from "./event-csrf-probes";
import { MENTORING_CSRF_PROBES } from "./mentoring-csrf-probes";
import { cookiePair, databaseFingerprint, sessionIdOf } from "./security-helpers";
import { Http, type HttpAnswer } from "./http-client";
import { SPONSORSHIP_CSRF_PROBES } from "./sponsorship-csrf-probes";

/**
 * A server of its own, with the demo data, for the cross-site tests: "the database is unchanged"
 * can only be checked exactly where no other test is writing at the same time.
 */
export type CsrfWorld = {
  server: AppServer;
  cookies: { organiser: string; organiserElsewhere: string; unverified: string };
  personId: string;
  tokens: { reset: string; verify: string; invitation: string };
  /** Two messages marked dead, so the outbox's "try again" has something to change. */
  deadMessages: [string, string];
  post(url: string, form: Record<string, string>, options?: { cookie?: string; headers?: Record<string, string> }): Promise<HttpAnswer>;
  get(url: string, cookie?: string): Promise<HttpAnswer>;
  fingerprint(): Record<string, string>;
  /** Waits until the worker has nothing left to send, so the database holds still. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

let ipSequence = 0;
// Each request its own client, so per-IP limits never decide these tests.
const nextIp = () => `2001:db8:c5f::${(++ipSequence).toString(16)}`;

export async function startCsrfWorld(): Promise<CsrfWorld> {
  const server = await startAppServer({
    seed: "demo",
    // The same build as the server under test, never a rebuild in the middle of a run.
    buildRoot: process.env.E2E_BUILD_ROOT,
    // A Paystack key, so its webhook refuses these requests for their signature (it makes no calls here).
    env: { TRUST_PROXY: "loopback", WORKER_INTERVAL_MS: "50", PAYSTACK_SECRET_KEY: "sk_test_cross_site" },
  });
  const http = new Http(server.url);
  const sameSite = { Origin: server.url };

  const post: CsrfWorld["post"] = (url, form, { cookie, headers = {} } = {}) =>
    http.post(url, { form, headers: { "X-Forwarded-For": nextIp(), ...(cookie ? { Cookie: cookie } : {}), ...headers } });
  const get: CsrfWorld["get"] = (url, cookie) =>
    http.get(url, { headers: { "X-Forwarded-For": nextIp(), ...(cookie ? { Cookie: cookie } : {}) } });

  const logIn = async (email: string, password: string) => {
    const response = await post("/login", { email, password }, { headers: sameSite });
    expect(response.status(), `log in as ${email}`).toBe(302);
    const setCookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie");
    return cookiePair(setCookie!.value);
  };
  const signUp = async (email: string) => {
    const response = await post("/signup?index", { name: "Unconfirmed Person", email, password: "blue-kettle-morning-42", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" }, { headers: sameSite });
    expect(response.status(), `sign up as ${email}`).toBe(200);
  };

  const outboxRows = () => {
    const sqlite = new Database(server.databaseFile, { readonly: true });
    try {
      return sqlite.prepare("select id, recipient, template, status, text from outbox").all() as {
        id: string;
        recipient: string;
        template: string;
        status: string;
        text: string | null;
      }[];
    } finally {
      sqlite.close();
    }
  };
  const shortLinkTarget = (code: string) => {
    const sqlite = new Database(server.databaseFile, { readonly: true });
    try {
      return (sqlite.prepare("select url from short_links where code = ?").get(code) as { url: string }).url;
    } finally {
      sqlite.close();
    }
  };
  const settle = async () => {
    await expect.poll(() => outboxRows().filter((row) => row.status === "pending").length, { timeout: 15_000 }).toBe(0);
  };
  const linkIn = (template: string, recipient: string) => {
    const row = outboxRows().find((r) => r.template === template && r.recipient === recipient);
    const link = (row?.text ?? "").match(/https?:\/\/[^\s<>")\]]+/g)?.find((l) => l.startsWith(server.url));
    if (!row || !link) throw new Error(`No ${template} link for ${recipient} in the outbox`);
    // A text carries our short link (the demo participant prefers SMS): follow it as her phone would.
    const code = /\/s\/([A-Za-z0-9]+)$/.exec(new URL(link).pathname)?.[1];
    return { id: row.id, url: new URL(code ? shortLinkTarget(code) : link) };
  };

  const organiser = await logIn("organiser@example.org", DEMO_PASSWORD);
  const organiserElsewhere = await logIn("organiser@example.org", DEMO_PASSWORD);
  passedSecondFactor(server.databaseFile, [organiser, organiserElsewhere]);
  await signUp("csrf-verify@example.org");
  await signUp("csrf-unverified@example.org");
  const unverified = await logIn("csrf-unverified@example.org", "blue-kettle-morning-42");
  expect((await post("/forgot-password", { email: "participant@example.org" }, { headers: sameSite })).status()).toBe(200);
  const invited = await post(
    "/admin/invitations",
    { intent: "invite", email: "csrf-invited@example.org", role: "mentor" },
    { cookie: organiser, headers: sameSite },
  );
  expect(invited.status()).toBe(302);
  await settle();

  const reset = linkIn("reset-password", "participant@example.org");
  const invitation = linkIn("invitation", "csrf-invited@example.org");
  const verify = linkIn("verify-email", "csrf-verify@example.org");
  const writable = new Database(server.databaseFile);
  try {
    writable.prepare("update outbox set status = 'dead', attempts = 8 where id in (?, ?)").run(reset.id, invitation.id);
    const person = writable.prepare("select id from users where email = 'participant@example.org'").get() as { id: string };
    return {
      server,
      cookies: { organiser, organiserElsewhere, unverified },
      personId: person.id,
      tokens: {
        reset: reset.url.searchParams.get("token")!,
        verify: verify.url.searchParams.get("token")!,
        invitation: invitation.url.pathname.split("/").pop()!,
      },
      deadMessages: [reset.id, invitation.id],
      post,
      get,
      fingerprint: () => databaseFingerprint(server.databaseFile),
      settle,
      close: () => server.stop(),
    };
  } finally {
    writable.close();
  }
}

/**
 * The demo organiser has no authenticator app, so the password log-in above opens sessions that
 * the console would send to set one up: these stand for sessions that also passed a second
 * factor just now, as the test helpers' sessions do (ADR 0022).
 */
function passedSecondFactor(databaseFile: string, cookies: string[]) {
  const sqlite = new Database(databaseFile);
  try {
    const mark = sqlite.prepare("update sessions set second_factor_at = ? where id = ?");
    for (const cookie of cookies) expect(mark.run(Date.now(), sessionIdOf(cookie)).changes).toBe(1);
  } finally {
    sqlite.close();
  }
}

/** Pages under `Referrer-Policy: no-referrer`: browsers post their forms with `Origin: null`. */
export const NO_REFERRER_PAGES = new Set(["routes/reset-password", "routes/verify-email", "routes/invitations.$token", "routes/check-ins.$token"]);

/** The ways a browser marks a request as coming from another site. */
export const CROSS_SITE: [string, Record<string, string>][] = [
  ["Origin: https://evil.example", { Origin: "https://evil.example" }],
  ["Origin: null", { Origin: "null" }],
  ["Origin: null, Sec-Fetch-Site: cross-site", { Origin: "null", "Sec-Fetch-Site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
  ["Origin on another port", { Origin: "http://127.0.0.1:1" }],
];

export type CsrfProbe = { url: string; form: Record<string, string>; cookie?: string };

/**
 * Requests that WOULD change the database if they were let through: the cross-site test sends
 * each from another site (and must see nothing change), then from this one (and must see a
 * change, which proves the first check could fail). Routes without a probe here are still
 * tried cross-site, with an empty form. A new action earns a probe when it changes data.
 * Listed in the order the same-site run sends them: the reset link before a new one replaces it,
 * log out last (it ends the organiser's session).
 */
export const CSRF_PROBES: Record<string, (w: CsrfWorld) => CsrfProbe> = {
  "routes/login": () => ({ url: "/login", form: { email: "organiser@example.org", password: DEMO_PASSWORD } }),
  "routes/signup._index": () => ({
    url: "/signup?index",
    form: { name: "Cross Site", email: "csrf-participant@example.org", password: "green-ladder-evening-7", birthDate: "1996-05-14", privacyNotice: "on", terms: "on" },
  }),
  "routes/signup.mentor": () => ({
    url: "/signup/mentor",
    form: { name: "Cross Site", email: "csrf-mentor@example.org", password: "green-ladder-evening-7", privacyNotice: "on", terms: "on" },
  }),
  "routes/signup.sponsor": () => ({
    url: "/signup/sponsor",
    form: { name: "Cross Site", email: "csrf-sponsor@example.org", password: "green-ladder-evening-7", privacyNotice: "on", terms: "on" },
  }),
  "routes/reset-password": (w) => ({
    url: `/reset-password?token=${w.tokens.reset}`,
    form: { token: w.tokens.reset, password: "quiet-harbour-lantern-9" },
  }),
  "routes/forgot-password": () => ({ url: "/forgot-password", form: { email: "participant@example.org" } }),
  "routes/verify-email": (w) => ({ url: `/verify-email?token=${w.tokens.verify}`, form: { token: w.tokens.verify } }),
  "routes/invitations.$token": (w) => ({
    url: `/invitations/${w.tokens.invitation}`,
    form: { intent: "create", name: "Cross Site Mentor", password: "amber-window-valley-3", privacyNotice: "on", terms: "on" },
  }),
  "routes/me._index": (w) => ({ url: "/me?index", form: { intent: "resend-verification" }, cookie: w.cookies.unverified }),
  "routes/me.account": (w) => ({ url: "/me/account", form: { intent: "sign-out-others" }, cookie: w.cookies.organiser }),
  "routes/me.two-factor": (w) => ({ url: "/me/two-factor", form: { intent: "start", password: DEMO_PASSWORD }, cookie: w.cookies.organiser }),
  "routes/admin.invitations": (w) => ({
    url: "/admin/invitations",
    form: { intent: "invite", email: "csrf-organiser@example.org", role: "organiser" },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.outbox._index": (w) => ({ url: "/admin/outbox?index", form: { id: w.deadMessages[0] }, cookie: w.cookies.organiser }),
  "routes/admin.outbox.$id": (w) => ({
    url: `/admin/outbox/${w.deadMessages[1]}`,
    form: { id: w.deadMessages[1] },
    cookie: w.cookies.organiser,
  }),
  "routes/admin.people.$id": (w) => ({ url: `/admin/people/${w.personId}`, form: { roles: "mentor" }, cookie: w.cookies.organiser }),
  "routes/admin.settings": (w) => ({
    url: "/admin/settings",
    form: { name: "Taken Over", timeZone: "Africa/Lagos", currency: "NGN" },
    cookie: w.cookies.organiser,
  }),
  ...EVENT_CSRF_PROBES,
  ...SPONSORSHIP_CSRF_PROBES,
  ...MENTORING_CSRF_PROBES,
  "routes/logout": (w) => ({ url: "/logout", form: {}, cookie: w.cookies.organiser }),
};

/** The single-fetch address of a page: what a hydrated form posts to. */
export function dataUrl(pageUrl: string): string {
  const url = new URL(pageUrl, "http://x");
  const pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname}.data`;
  return pathname + url.search;
}
