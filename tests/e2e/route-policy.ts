import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Role } from "~db/schema";
import { MENTORING_POLICY } from "./mentoring-policy";
import { SPONSORSHIP_POLICY } from "./sponsorship-policy";
import { PRIVACY_REPORTING_POLICY } from "./privacy-reporting-policy";
import { IMPACT_POLICY } from "./impact-policy";
import { JOURNEY_OUTCOMES_POLICY } from "./journey-outcomes-policy";
import { WHATSAPP_TEST_VERIFY_TOKEN } from "../support/whatsapp-stand-in";

/** Who may do something: everyone, anyone signed in, or only these roles. */
export type Access = "anyone" | "signed-in" | readonly Role[];

export type Actor = "anonymous" | Role;

export const ACTORS: readonly Actor[] = ["anonymous", "participant", "mentor", "sponsor", "organiser", "door"];

/** Rows the policy table needs to turn a route with params into a real address. */
export type PolicyFixtures = {
  /** Someone organisers can look at: /admin/people/:id. */
  personId: string;
  /** A message in the outbox: /admin/outbox/:id. */
  outboxMessageId: string;
  /** The token of a pending invitation: /invitations/:token. */
  invitationToken: string;
  /** A published event with one confirmed registration (the permissions target's); the door actor is on its door team. */
  eventId?: string;
  eventSlug?: string;
  /** That registration: its id and the token in its ticket's QR code. */
  registrationId?: string;
  checkInToken?: string;
  /** The permissions target's private calendar feed token: /calendar/:token.ics. */
  calendarToken?: string;
  /** A cohort whose only member is the participant actor, its join code, curriculum and a step of it. */
  cohortId?: string;
  joinCode?: string;
  curriculumId?: string;
  stepId?: string;
  /** A certificate's public verification id. */
  certificateId?: string;
  /** Sponsorship: an open campaign, a pending bank-transfer pledge to it, a started card gift's Checkout Session, and the sponsor actor's paid gift (its receipt). */
  campaignId?: string;
  campaignSlug?: string;
  pledgeId?: string;
  checkoutSessionId?: string;
  /** A started Naira card gift's Paystack reference (Naira goes to Paystack when it is set up). */
  paystackReference?: string;
  receiptId?: string;
  /** An imported bank statement: /admin/donations/statements/:id. */
  bankStatementId?: string;
  /** Mentoring: an approved mentor, a pair of two non-actors with a confirmed session and a check-in link, a draft match run. */
  mentorId?: string;
  mentorshipId?: string;
  mentoringSessionId?: string;
  mentoringCheckInToken?: string;
  matchRunId?: string;
  /** The permissions target's email-choices token, from the links in their reminders. */
  preferencesToken?: string;
  /** The link a young person's parent or guardian was emailed: /guardian-consent/:token. */
  guardianConsentToken?: string;
  /** A data-subject request about the permissions target, and a breach in the log: /admin/privacy/requests/:id, /admin/privacy/breaches/:id. */
  privacyRequestId?: string;
  breachId?: string;
  /** The token of the permissions target's ready data download, from the emailed link: /me/privacy/download/:token. */
  dataExportToken?: string;
  /** A message to a group, scheduled for later: /admin/messages/:id. */
  broadcastId?: string;
  /** The code of a short link, as sent by SMS, to the events list: /s/:code. */
  shortLinkCode?: string;
  /** The token of a live door team link for the fixtures' event: /door-invitations/:token. */
  doorInvitationToken?: string;
  /** A live share link to the fixtures' campaign's impact report, and an attendance certificate's id (ADR 0041). */
  impactShareToken?: string;
  achievementId?: string;
  /** The token of a "where are you now?" link sent to the permissions target: /follow-ups/:token. */
  followUpToken?: string;
};


export type RoutePolicy = {
  /** Who may load the page (GET), or `no-loader` for an action-only route (a GET is refused with a 4xx). */
  load: Access | "no-loader";
  /** Who may post to the route's action, or `no-action` when it has none. */
  post: Access | "no-action";
  /** The address to try; required for routes with params. Defaults to the route's own path. */
  url?: (fixtures: PolicyFixtures) => string;
  /**
   * Allowed loads that answer with a redirect instead of a page, and where they go. Anything
   * not listed here must answer 200.
   */
  redirects?: { anonymous?: string; signedIn?: string };
  /**
   * An empty form is a valid request here (log out reads no fields; no role boxes ticked means
   * no roles), so a body that parses to no known fields may succeed with a redirect.
   */
  acceptsEmptyForm?: boolean;
  /**
   * The fixture belongs to someone who is none of the actors (a ticket, say): signed-in actors that
   * `load`/`post` let in get a 404, so they cannot even learn that it exists.
   */
  othersGetNotFound?: boolean;
  /**
   * The fixture belongs to this actor (a receipt, say): they get the page, and everyone else,
   * signed in or not, a 404, so they cannot even learn that it exists.
   */
  owner?: Actor;
  /** Checked by a signature instead of a session (a payment webhook): a request without a valid one is a 401. */
  signed?: boolean;
};

const ORGANISERS = ["organiser"] as const satisfies readonly Role[];
/** Who checks people in: organisers anywhere, door volunteers at the events they are assigned to. */
const DOOR_TEAM = ["organiser", "door"] as const satisfies readonly Role[];

/** An event page by the fixtures' event (a made-up id where a test has none: a 404 then). */
const eventUrl = (f: PolicyFixtures, rest = "") => `/admin/events/${f.eventId ?? "no-such-event"}${rest}`;

/** The public event page of the fixtures' event. */
const publicEventUrl = (f: PolicyFixtures, rest = "") => `/events/${f.eventSlug ?? "no-such-event"}${rest}`;

/** The emailed feedback link of the fixtures' registration (its token derives from the ticket's secret). */
function feedbackUrl(f: PolicyFixtures) {
  const token = createHash("sha256").update(`feedback:${f.checkInToken ?? ""}`).digest("hex").slice(0, 40);
  return publicEventUrl(f, `/feedback?${new URLSearchParams({ r: f.registrationId ?? "", t: token })}`);
}

/** The programme's pages by the fixtures' cohort and curriculum (made-up ids where a test has none: a 404 then). */
const cohortUrl = (f: PolicyFixtures, rest = "") => `/admin/cohorts/${f.cohortId ?? "no-such-cohort"}${rest}`;
const curriculumUrl = (f: PolicyFixtures, rest = "") => `/admin/curricula/${f.curriculumId ?? "no-such-curriculum"}${rest}`;

/**
 * Every route of the app, by route id. The permissions test fails when a route has no entry
 * here, and when an entry names a route that no longer exists.
 */
export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  // The layout: its loader runs for every page, so it is tried at the home page.
  root: { load: "anyone", post: "no-action", url: () => "/" },
  "routes/_index": { load: "anyone", post: "no-action" },
  "routes/status": { load: "anyone", post: "no-action" },
  // The service worker and the page it shows offline (ADR 0035): the same for everyone.
  "routes/sw[.js]": { load: "anyone", post: "no-action" },
  "routes/offline": { load: "anyone", post: "no-action" },
  "routes/share[.png]": { load: "anyone", post: "no-action" },
  "routes/sitemap[.xml]": { load: "anyone", post: "no-action" },
  "routes/robots[.txt]": { load: "anyone", post: "no-action" },
  "routes/privacy": { load: "anyone", post: "no-action" },
  "routes/admin.privacy.notice": { load: ORGANISERS, post: ORGANISERS },

  "routes/login": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup._index": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup.mentor": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/signup.sponsor": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  // Phone sign-up and log-in (ADR 0032): a number, then the code texted to it, on one page each.
  "routes/signup.phone": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/login_.phone": { load: "anyone", post: "anyone", redirects: { signedIn: "/me" } },
  "routes/me.phone": { load: "signed-in", post: "signed-in" },
  // Logging out is a POST only; a GET goes home and changes nothing.
  "routes/logout": { load: "anyone", post: "anyone", redirects: { anonymous: "/", signedIn: "/" }, acceptsEmptyForm: true },
  "routes/forgot-password": { load: "anyone", post: "anyone" },
  "routes/reset-password": { load: "anyone", post: "anyone", url: () => "/reset-password?token=not-a-real-token" },
  "routes/verify-email": { load: "anyone", post: "anyone", url: () => "/verify-email?token=not-a-real-token" },
  "routes/invitations.$token": { load: "anyone", post: "anyone", url: (f) => `/invitations/${f.invitationToken}` },
  "routes/email.unsubscribe": { load: "anyone", post: "anyone", url: (f) => `/email/unsubscribe?t=${f.preferencesToken ?? "no-such-token"}&k=step-nudges` },
  "routes/email.preferences.$token": { load: "anyone", post: "anyone", url: (f) => `/email/preferences/${f.preferencesToken ?? "no-such-token"}` },
  // A short link from a text message leads on to one of our pages (the fixture's: the events list).
  "routes/s.$code": { load: "anyone", post: "no-action", url: (f) => `/s/${f.shortLinkCode ?? "NoSuchCode"}`, redirects: { anonymous: "/events", signedIn: "/events" } },
  "routes/me.notifications": { load: "signed-in", post: "signed-in" },
  "routes/me.privacy": { load: "signed-in", post: "signed-in" },
  // The emailed token is the key: a parent or guardian has no account.
  "routes/guardian-consent.$token": { load: "anyone", post: "anyone", url: (f) => `/guardian-consent/${f.guardianConsentToken ?? "no-such-token"}` },
  "routes/admin.privacy.guardians": { load: ORGANISERS, post: ORGANISERS },
  // Download my data: asking needs no fields. The emailed link and its file open for their owner only
  // (the permissions target, none of the actors); anyone else signed in gets a 404.
  "routes/me.privacy_.download": { load: "signed-in", post: "signed-in", acceptsEmptyForm: true },
  "routes/me.privacy_.download_.$token": { load: "signed-in", post: "no-action", url: (f) => `/me/privacy/download/${f.dataExportToken ?? "no-such-download"}`, othersGetNotFound: true },
  "routes/me.privacy_.download_.$token[.zip]": { load: "signed-in", post: "no-action", url: (f) => `/me/privacy/download/${f.dataExportToken ?? "no-such-download"}.zip`, othersGetNotFound: true },
  // Delete my account: the form needs the password (an empty one is refused); erasing on request and
  // the retention periods are the organisers'.
  "routes/me.privacy_.delete": { load: "signed-in", post: "signed-in" },
  "routes/admin.people.$id_.erase": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/people/${f.personId}/erase` },
  "routes/admin.privacy.retention": { load: ORGANISERS, post: ORGANISERS },

  "routes/me._index": { load: "signed-in", post: "signed-in" },
  "routes/me.account": { load: "signed-in", post: "signed-in" },
  // The log-in's second step opens only for a browser carrying a pending log-in; without one it goes back.
  "routes/login_.code": { load: "anyone", post: "anyone", redirects: { anonymous: "/login", signedIn: "/me" } },
  "routes/me.two-factor": { load: "signed-in", post: "signed-in" },
  // Asking for a fresh code needs an authenticator app: the actors have none, so they are sent to set one up.
  "routes/me.step-up": { load: "signed-in", post: "signed-in", redirects: { signedIn: "/me/two-factor?redirectTo=%2Fme" } },

  "routes/admin._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.journey": { load: ORGANISERS, post: "no-action" },
  "routes/admin.journey[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/journey.csv?period=year" },
  "routes/admin.charts.$chart[.csv]": { load: ORGANISERS, post: "no-action", url: () => "/admin/charts/registrations.csv?period=year" },
  "routes/admin.audit": { load: ORGANISERS, post: "no-action" },
  "routes/admin.invitations": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.outbox._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.outbox.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/outbox/${f.outboxMessageId}` },
  "routes/admin.people._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.people.$id": {
    load: ORGANISERS,
    post: ORGANISERS,
    url: (f) => `/admin/people/${f.personId}`,
    acceptsEmptyForm: true,
  },
  "routes/admin.settings": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.messages._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.messages.new": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.messages.$id": { load: ORGANISERS, post: ORGANISERS, url: (f) => `/admin/messages/${f.broadcastId ?? "no-such-message"}` },

  // The SMS and WhatsApp providers' callbacks. Termii's are checked by signature: a missing one is a 401.
  "routes/webhooks.termii": { load: "no-loader", post: "anyone", signed: true },
  // Africa's Talking signs nothing: the secret in the address is the check, and any other address is a 404.
  "routes/webhooks.africastalking.$secret": { load: "no-loader", post: "anyone", url: () => "/webhooks/africastalking/not-the-secret" },
  // Meta's subscription handshake is a GET answered for our verify token (the e2e server's); its deliveries are signed POSTs.
  "routes/webhooks.whatsapp": {
    load: "anyone",
    post: "anyone",
    signed: true,
    url: () => `/webhooks/whatsapp?${new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": WHATSAPP_TEST_VERIFY_TOKEN, "hub.challenge": "1158201444" })}`,
  },
  "routes/admin.settings_.messages": { load: ORGANISERS, post: ORGANISERS },

  "routes/events._index": { load: "anyone", post: "no-action" },
  "routes/events[.ics]": { load: "anyone", post: "no-action" },
  "routes/events.$slug": { load: "anyone", post: "anyone", url: (f) => publicEventUrl(f) },
  "routes/events.$slug[.ics]": { load: "anyone", post: "no-action", url: (f) => publicEventUrl(f, ".ics") },
  "routes/events.$slug[.png]": { load: "anyone", post: "no-action", url: (f) => publicEventUrl(f, ".png") },
  // The emailed link's token is the key (here: someone who was not checked in, so the page says so).
  "routes/events.$slug_.feedback": { load: "anyone", post: "anyone", url: feedbackUrl },
  // The unguessable token is the key to a person's feed.
  "routes/calendar.$token[.ics]": { load: "anyone", post: "no-action", url: (f) => `/calendar/${f.calendarToken ?? "no-such-feed"}.ics` },
  // A ticket is its owner's only: for anyone else it does not exist.
  "routes/me.tickets.$id": {
    load: "signed-in",
    post: "signed-in",
    url: (f) => `/me/tickets/${f.registrationId ?? "no-such-ticket"}`,
    othersGetNotFound: true,
  },

  "routes/admin.events._index": { load: ORGANISERS, post: "no-action" },
  "routes/admin.events.new": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.events.$id._index": { load: ORGANISERS, post: ORGANISERS, url: (f) => eventUrl(f) },
  "routes/admin.events.$id.edit": { load: ORGANISERS, post: ORGANISERS, url: (f) => eventUrl(f, "/edit") },
  "routes/admin.events.$id.cancel": { load: ORGANISERS, post: ORGANISERS, url: (f) => eventUrl(f, "/cancel") },
  "routes/admin.events.$id.attendees[.csv]": { load: ORGANISERS, post: "no-action", url: (f) => eventUrl(f, "/attendees.csv") },
  "routes/admin.events.$id.check-in._index": { load: ORGANISERS, post: ORGANISERS, url: (f) => eventUrl(f, "/check-in") },
  // The address in a ticket's QR code: a GET only shows the person; marking present is a POST.
  "routes/admin.events.$id.check-in.$token": {
    load: ORGANISERS,
    post: ORGANISERS,
    url: (f) => eventUrl(f, `/check-in/${f.checkInToken ?? "no-such-ticket"}`),
  },
  "routes/admin.events.$id.door-team": { load: ORGANISERS, post: ORGANISERS, url: (f) => eventUrl(f, "/door-team") },

  // The door: check-in for the door team (assigned to the fixtures' event) and organisers, outside the console.
  "routes/door._index": { load: DOOR_TEAM, post: "no-action" },
  "routes/door.$eventId._index": { load: DOOR_TEAM, post: DOOR_TEAM, url: (f) => `/door/${f.eventId ?? "no-such-event"}` },
  // The address in a ticket's QR code.
  // The door list a phone keeps offline, and where the phone sends its queue (ADR 0036): the same team.
  "routes/door.$eventId.list[.json]": { load: DOOR_TEAM, post: "no-action", url: (f) => `/door/${f.eventId ?? "no-such-event"}/list.json` },
  "routes/door.$eventId.sync": { load: "no-loader", post: DOOR_TEAM, url: (f) => `/door/${f.eventId ?? "no-such-event"}/sync` },
  "routes/door.$eventId.$token": { load: DOOR_TEAM, post: DOOR_TEAM, url: (f) => `/door/${f.eventId ?? "no-such-event"}/${f.checkInToken ?? "no-such-ticket"}` },
  // An invitation to the door team (ADR 0034): the token is the key; anyone may see it, and join with an account or a new one.
  "routes/door-invitations.$token": { load: "anyone", post: "anyone", url: (f) => `/door-invitations/${f.doorInvitationToken ?? "no-such-token"}` },

  // The programme
  "routes/programme": { load: "anyone", post: "no-action" },
  "routes/join._index": { load: "anyone", post: "no-action" },
  "routes/join.$code": { load: "anyone", post: "signed-in", url: (f) => `/join/${f.joinCode ?? "NOSUCHCODE"}` },
  "routes/certificates.$id": { load: "anyone", post: "no-action", url: (f) => `/certificates/${f.certificateId ?? "no-such-certificate"}` },
  "routes/me.programme._index": { load: "signed-in", post: "no-action" },
  "routes/me.applications": { load: "signed-in", post: "signed-in" },
  // A cohort's steps are its members' only: the fixtures' cohort has the participant actor as its one member.
  "routes/me.programme.$cohortId.steps.$position": { load: ["participant"], post: ["participant"], url: (f) => `/me/programme/${f.cohortId ?? "no-such-cohort"}/steps/1` },
  "routes/admin.curricula._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.curricula.$id._index": { load: ORGANISERS, post: ORGANISERS, url: (f) => curriculumUrl(f) },
  "routes/admin.curricula.$id.steps.$stepId._index": { load: ORGANISERS, post: ORGANISERS, url: (f) => curriculumUrl(f, `/steps/${f.stepId ?? "no-such-step"}`) },
  "routes/admin.curricula.$id.steps.$stepId.preview": { load: ORGANISERS, post: "no-action", url: (f) => curriculumUrl(f, `/steps/${f.stepId ?? "no-such-step"}/preview`) },
  "routes/admin.cohorts._index": { load: ORGANISERS, post: ORGANISERS },
  "routes/admin.cohorts.$id._index": { load: ORGANISERS, post: ORGANISERS, url: (f) => cohortUrl(f) },
  "routes/admin.cohorts.$id.settings": { load: ORGANISERS, post: ORGANISERS, url: (f) => cohortUrl(f, "/settings") },
  "routes/admin.cohorts.$id.members[.csv]": { load: ORGANISERS, post: "no-action", url: (f) => cohortUrl(f, "/members.csv") },

  ...SPONSORSHIP_POLICY,
  ...MENTORING_POLICY,
  ...PRIVACY_REPORTING_POLICY,
  ...IMPACT_POLICY,
  ...JOURNEY_OUTCOMES_POLICY,
};

export function mayAccess(access: Access, actor: Actor): boolean {
  if (access === "anyone") return true;
  if (actor === "anonymous") return false;
  if (access === "signed-in") return true;
  return access.includes(actor);
}

/** A route as the production build's route config describes it. */
export type BuiltRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  hasLoader: boolean;
  hasAction: boolean;
};

type BuildRoutes = Record<
  string,
  { id: string; parentId?: string; path?: string; index?: boolean; module: { loader?: unknown; action?: unknown } }
>;

let built: Promise<Map<string, BuiltRoute>> | undefined;

/** The app's routes, read from the production build the server under test runs. */
export function builtRoutes(): Promise<Map<string, BuiltRoute>> {
  const root = process.env.E2E_BUILD_ROOT ?? process.cwd();
  built ??= import(pathToFileURL(path.join(root, "build/server/index.js")).href).then((build: { routes: BuildRoutes }) => {
    const routes = new Map<string, BuiltRoute>();
    for (const route of Object.values(build.routes)) {
      routes.set(route.id, {
        id: route.id,
        parentId: route.parentId,
        path: route.path,
        index: route.index,
        hasLoader: typeof route.module.loader === "function",
        hasAction: typeof route.module.action === "function",
      });
    }
    return routes;
  });
  return built;
}

/** The route's URL path from the root, as the route config composes it (params left as `:name`). */
export function routePath(routes: Map<string, BuiltRoute>, id: string): string {
  const segments: string[] = [];
  for (let route = routes.get(id); route; route = route.parentId ? routes.get(route.parentId) : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  return `/${segments.join("/")}`;
}

/** Where to GET and where to POST for a route (a POST to an index route needs `?index`). */
export function routeUrls(routes: Map<string, BuiltRoute>, id: string, fixtures: PolicyFixtures) {
  const policy = ROUTE_POLICY[id];
  const page = policy.url ? policy.url(fixtures) : routePath(routes, id);
  if (page.includes(":")) throw new Error(`Route ${id} has params: give its policy entry a url()`);
  const action = routes.get(id)?.index ? `${page}${page.includes("?") ? "&" : "?"}index` : page;
  return { page, action };
}
