import { describe, expect, it } from "vitest";
import { csrfGuard, isCrossSite } from "~/utils/http-security.server";

// A form on a page served with `Referrer-Policy: no-referrer` is posted with `Origin: null`.
function post(headers: Record<string, string>) {
  return { method: "POST", path: "/verify-email", protocol: "http", headers, get: (name: string) => headers[name.toLowerCase()] };
}

describe("a POST whose Origin is null", () => {
  it("is same-site when the browser says Sec-Fetch-Site: same-origin", () => {
    expect(isCrossSite(post({ origin: "null", "sec-fetch-site": "same-origin", host: "localhost" }) as never)).toBe(false);
  });

  it("is refused when the browser says it came from elsewhere, or says nothing", () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(isCrossSite(post({ origin: "null", "sec-fetch-site": site, host: "localhost" }) as never)).toBe(true);
    }
    expect(isCrossSite(post({ origin: "null", host: "localhost" }) as never)).toBe(true);
  });

  it("reaches the app without the opaque Origin, which React Router would otherwise refuse", () => {
    const request = post({ origin: "null", "sec-fetch-site": "same-origin", host: "localhost" });
    let passed = false;
    csrfGuard(request as never, {} as never, () => (passed = true));
    expect(passed).toBe(true);
    expect(request.headers).not.toHaveProperty("origin");
  });
});
