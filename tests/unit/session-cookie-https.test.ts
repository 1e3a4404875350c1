import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The cookie's name and flags are fixed when the module loads, from APP_URL: load it as an
// https deployment (behind a TLS-terminating proxy) would.
const APP_URL = "https://steppingstone.example.org";

beforeAll(() => {
  vi.resetModules();
  vi.stubEnv("APP_URL", APP_URL);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const attributesOf = (setCookie: string) => setCookie.split(";").map((part) => part.trim());

describe("the session cookie on an https site", () => {
  it("is named with the __Host- prefix and carries Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain", async () => {
    const { SESSION_COOKIE, serializeSessionCookie } = await import("~/utils/session-cookie.server");
    expect(SESSION_COOKIE).toBe("__Host-steppingstone_session");
    const [pair, ...attributes] = attributesOf(serializeSessionCookie("abc.def", 3600));
    expect(pair).toBe("__Host-steppingstone_session=abc.def");
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=3600"]));
    // A __Host- cookie is refused by browsers if it names a Domain.
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
  });

  it("is cleared with the same name and flags, or the browser would keep the old one", async () => {
    const { clearSessionCookie } = await import("~/utils/session-cookie.server");
    const [pair, ...attributes] = attributesOf(clearSessionCookie());
    expect(pair).toBe("__Host-steppingstone_session=");
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "Path=/", "Max-Age=0"]));
  });

  it("is what a real session is issued and read with", async () => {
    const { createUser } = await import("../support/factories");
    const { createSession } = await import("~/modules/auth/session.server");
    const { getUser } = await import("~/routes/helpers/session.server");
    const user = await createUser();
    const { cookie } = createSession(user.id, "Vitest");
    expect(cookie).toMatch(/^__Host-steppingstone_session=[^;]+; /);
    expect(attributesOf(cookie)).toContain("Secure");
    const request = new Request(`${APP_URL}/me`, { headers: { cookie: cookie.split(";")[0] } });
    expect(getUser(request)?.id).toBe(user.id);
    // The unprefixed name an http deployment uses is not read here.
    const plain = cookie.split(";")[0].replace("__Host-", "");
    expect(getUser(new Request(`${APP_URL}/me`, { headers: { cookie: plain } }))).toBeNull();
  });

  it("is same-origin only for the https origin, even when the proxy talks http to the app", async () => {
    const { isCrossSite } = await import("~/utils/http-security.server");
    const request = (headers: Record<string, string>) => ({
      method: "POST",
      path: "/login",
      protocol: "http",
      get: (name: string) => headers[name.toLowerCase()] ?? headers[name],
    });
    expect(isCrossSite(request({ origin: APP_URL, host: "steppingstone.example.org" }) as never)).toBe(false);
    expect(isCrossSite(request({ origin: "http://steppingstone.example.org", host: "internal:3000" }) as never)).toBe(true);
    expect(isCrossSite(request({ origin: "https://evil.example", host: "steppingstone.example.org" }) as never)).toBe(true);
  });
});
