import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

const production = { NODE_ENV: "production", APP_URL: "https://steppingstone.example" };

describe("Stripe settings in production", () => {
  it("talks to api.stripe.com by default or when named", () => {
    expect(parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_live_x" }).STRIPE_API_HOST).toBeUndefined();
    expect(parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_API_HOST: "api.stripe.com" }).STRIPE_API_HOST).toBe("api.stripe.com");
  });

  it("refuses any other host", () => {
    for (const host of ["evil.example", "api.stripe.com.evil.example", "10.0.0.5"]) {
      expect(() => parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_HOST: host })).toThrow(/STRIPE_API_HOST/);
    }
  });

  it("allows a stand-in on this machine only with a test-mode key", () => {
    expect(parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: "4242", STRIPE_API_PROTOCOL: "http" }).STRIPE_API_PORT).toBe(4242);
    expect(() => parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_API_HOST: "127.0.0.1" })).toThrow(/STRIPE_API_HOST/);
    expect(() => parseEnv({ ...production, STRIPE_API_HOST: "localhost" })).toThrow(/STRIPE_API_HOST/);
  });

  it("lets development and tests point anywhere", () => {
    expect(parseEnv({ NODE_ENV: "development", STRIPE_API_HOST: "stripe-mock.internal" }).STRIPE_API_HOST).toBe("stripe-mock.internal");
  });
});
