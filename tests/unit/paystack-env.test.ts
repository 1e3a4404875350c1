import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

const production = { NODE_ENV: "production", APP_URL: "https://steppingstone.example" };

describe("Paystack settings in production", () => {
  it("talks to https://api.paystack.co by default or when named", () => {
    expect(parseEnv({ ...production, PAYSTACK_SECRET_KEY: "sk_live_x" }).PAYSTACK_API_URL).toBe("https://api.paystack.co");
    expect(parseEnv({ ...production, PAYSTACK_SECRET_KEY: "sk_live_x", PAYSTACK_API_URL: "https://api.paystack.co/" }).PAYSTACK_API_URL).toBe("https://api.paystack.co/");
  });

  it("refuses any other host, and Paystack's own host over plain http or another port", () => {
    for (const url of ["https://evil.example", "https://api.paystack.co.evil.example", "http://api.paystack.co", "https://api.paystack.co:8443", "https://10.0.0.5"]) {
      expect(() => parseEnv({ ...production, PAYSTACK_SECRET_KEY: "sk_test_x", PAYSTACK_API_URL: url }), url).toThrow(/PAYSTACK_API_URL/);
    }
  });

  it("allows a stand-in on this machine only with a test key", () => {
    expect(parseEnv({ ...production, PAYSTACK_SECRET_KEY: "sk_test_x", PAYSTACK_API_URL: "http://127.0.0.1:4343" }).PAYSTACK_API_URL).toBe("http://127.0.0.1:4343");
    expect(() => parseEnv({ ...production, PAYSTACK_SECRET_KEY: "sk_live_x", PAYSTACK_API_URL: "http://127.0.0.1:4343" })).toThrow(/PAYSTACK_API_URL/);
    expect(() => parseEnv({ ...production, PAYSTACK_API_URL: "http://localhost:4343" })).toThrow(/PAYSTACK_API_URL/);
  });

  it("lets development and tests point anywhere, and takes no other scheme", () => {
    expect(parseEnv({ NODE_ENV: "development", PAYSTACK_API_URL: "http://paystack-mock.internal" }).PAYSTACK_API_URL).toBe("http://paystack-mock.internal");
    expect(() => parseEnv({ NODE_ENV: "development", PAYSTACK_API_URL: "ftp://paystack.example" })).toThrow(/PAYSTACK_API_URL/);
  });
});
