import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetRateLimits } from "~/modules/auth/rate-limit.server";
import { getOrganisation, updateOrganisation } from "~/modules/organisation/index.server";
import { clock, HOUR, MINUTE } from "~/utils/clock.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as donationsCsvLoader } from "~/routes/admin.donations[.csv]";
import { action as personAction } from "~/routes/admin.people.$id";
import { action as stepUpAction, loader as stepUpLoader } from "~/routes/me.step-up";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { codeNow, enrolTotp } from "../support/two-factor";

const START = Date.UTC(2026, 11, 3, 9, 0, 10);

beforeEach(() => {
  resetRateLimits();
  clock.set(START);
});
afterEach(() => clock.set(null));

const openConsole = (cookie: string) => runRoute(() => adminLoader(routeArgs({ request: getRequest("/admin", { cookie }), context: loadContext(), params: {} })));
const downloadDonations = (cookie: string) =>
  runRoute(() => donationsCsvLoader(routeArgs({ request: getRequest("/admin/donations.csv?month=2026-11", { cookie }), context: loadContext(), params: {} })));

async function organiserWithTotp(): Promise<TestUser & { key: Uint8Array }> {
  const organiser = await createUser({ roles: ["organiser"] });
  const { key } = await enrolTotp(organiser, signIn(organiser.id, undefined, { secondFactorAt: null }).cookieHeader);
  clock.advance(30_000);
  return { ...organiser, key };
}

describe("a second factor for organisers", () => {
  it("is required by default in a new installation", () => {
    expect(getOrganisation().organiserSecondFactorRequired).toBe(true);
  });

  it("sends an organiser without one to set it up before the console, and back afterwards", async () => {
    const organiser = await createUser({ roles: ["organiser"] });
    const { cookieHeader } = signIn(organiser.id, undefined, { secondFactorAt: null });
    const sent = await openConsole(cookieHeader);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/me/two-factor?redirectTo=%2Fadmin");

    await enrolTotp(organiser, cookieHeader);
    expect((await openConsole(cookieHeader)).status).toBe(200);
  });

  it("asks an organiser with an app, in a session that has not used it, for a code", async () => {
    const organiser = await organiserWithTotp();
    const { cookieHeader } = signIn(organiser.id, "Another browser", { secondFactorAt: null });
    const sent = await openConsole(cookieHeader);
    expect(sent.headers.get("location")).toBe("/me/step-up?redirectTo=%2Fadmin");
  });

  it("lets organisers in on a password alone when the setting is off", async () => {
    updateOrganisation({ organiserSecondFactorRequired: false });
    try {
      const organiser = await createUser({ roles: ["organiser"] });
      expect((await openConsole(signIn(organiser.id, undefined, { secondFactorAt: null }).cookieHeader)).status).toBe(200);
    } finally {
      updateOrganisation({ organiserSecondFactorRequired: true });
    }
  });
});

describe("sensitive actions", () => {
  it("ask again for a code when the session's is over an hour old, then return to the export", async () => {
    const organiser = await organiserWithTotp();
    const { cookieHeader } = signIn(organiser.id, undefined, { secondFactorAt: clock.now() });
    expect((await downloadDonations(cookieHeader)).status).toBe(200);

    clock.advance(HOUR + MINUTE);
    // The console itself still opens: the hour is for sensitive actions only.
    expect((await openConsole(cookieHeader)).status).toBe(200);
    const asked = await downloadDonations(cookieHeader);
    expect(asked.status).toBe(302);
    const location = asked.headers.get("location")!;
    expect(location).toBe(`/me/step-up?redirectTo=${encodeURIComponent("/admin/donations.csv?month=2026-11")}`);

    const page = await runRoute(() => stepUpLoader(routeArgs({ request: getRequest(location, { cookie: cookieHeader }), context: loadContext(), params: {} })));
    expect(page.status).toBe(200);
    const back = await runRoute(() =>
      stepUpAction(
        routeArgs({
          request: formRequest(location, { code: codeNow(organiser.key), redirectTo: "/admin/donations.csv?month=2026-11" }, { cookie: cookieHeader }),
          context: loadContext(),
          params: {},
        }),
      ),
    );
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/admin/donations.csv?month=2026-11");
    expect((await downloadDonations(cookieHeader)).status).toBe(200);
  });

  it("ask again before a role change with an old session, and change nothing", async () => {
    const organiser = await organiserWithTotp();
    const person = await createUser({ roles: ["participant"] });
    const { cookieHeader } = signIn(organiser.id, undefined, { secondFactorAt: clock.now() - 2 * HOUR });
    const request = formRequest(`/admin/people/${person.id}`, { roles: "organiser" }, { cookie: cookieHeader });
    const result = await runRoute(() => personAction(routeArgs({ request, context: loadContext(), params: { id: person.id } })));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe(`/me/step-up?redirectTo=${encodeURIComponent(`/admin/people/${person.id}`)}`);
    const { getPerson } = await import("~/modules/auth/index.server");
    expect(getPerson(person.id)?.roles).toEqual(["participant"]);
  });
});

describe("the setting itself", () => {
  it("asks for a fresh code before an organiser turns two-factor sign-in off", async () => {
    const { action: settingsAction } = await import("~/routes/admin.settings");
    const organiser = await organiserWithTotp();
    const { cookieHeader } = signIn(organiser.id, undefined, { secondFactorAt: clock.now() - 2 * HOUR });
    const fields = { name: getOrganisation().name, timeZone: "Africa/Lagos", currency: "NGN" };
    const request = formRequest("/admin/settings", fields, { cookie: cookieHeader });
    const result = await runRoute(() => settingsAction(routeArgs({ request, context: loadContext(), params: {} })));
    expect(result.headers.get("location")).toBe("/me/step-up?redirectTo=%2Fadmin%2Fsettings");
    expect(getOrganisation().organiserSecondFactorRequired).toBe(true);
  });
});
