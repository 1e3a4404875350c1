import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/urls.server";
import { env } from "~/utils/env.server";

const FALLBACK = "/fallback";

// Each of these, followed by a browser, would leave the site, break the Location header or both.
const HOSTILE = [
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\nSet-Cookie: x=1",
  "/ok\r\nLocation: https://evil.example",
  "/%09/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/%E0%A4%A",
  "/..//evil.example",
  "/./..//evil.example",
  "/\u0000/evil.example",
  "evil.example",
  " /me",
  "",
  `/${"a".repeat(3000)}`,
];

describe("redirect targets taken from input", () => {
  it.each(HOSTILE)("refuses %j and uses the fallback", (value) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses what is not text at all", () => {
    expect(safeRedirectPath(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirectPath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirectPath(new File(["x"], "x.txt"), FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ["/me", "/me"],
    ["/events/resilience-workshop?seat=1#book", "/events/resilience-workshop?seat=1#book"],
    ["/me/programme/abc/steps/2", "/me/programme/abc/steps/2"],
    ["/events/../me", "/me"],
    ["/search?q=%2F%2Fnot-a-host", "/search?q=%2F%2Fnot-a-host"],
  ])("keeps the path %j on this site", (value, expected) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(expected);
  });

  it("resolves every kept target to this site's origin", () => {
    for (const value of ["/me", "/events/../me", "/a?b=c"]) {
      expect(new URL(safeRedirectPath(value, FALLBACK), env.APP_URL).origin).toBe(new URL(env.APP_URL).origin);
    }
  });
});
