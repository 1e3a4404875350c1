import { describe, expect, it } from "vitest";
import { isCrossSite } from "~/utils/http-security.server";
import { parseEnv } from "~/utils/env.server";
import { messagingEnv } from "../support/messaging-env";

const production = { NODE_ENV: "production", APP_URL: "https://steppingstone.example" };

describe("SMS and WhatsApp providers in production", () => {
  it("talk to the providers' own https hosts by default", () => {
    const env = parseEnv({ ...production, TERMII_API_KEY: "TLlive", AT_USERNAME: "steppingstone", WHATSAPP_TOKEN: "EAAlive" });
    expect([env.TERMII_API_URL, env.AT_API_URL, env.WHATSAPP_API_URL]).toEqual(["https://v3.api.termii.com", "https://api.africastalking.com", "https://graph.facebook.com"]);
    // Termii gives each account its own base URL under termii.com.
    expect(parseEnv({ ...production, TERMII_API_URL: "https://api.ng.termii.com" }).TERMII_API_URL).toBe("https://api.ng.termii.com");
  });

  it("refuse any other host, and the providers' own over plain http or another port", () => {
    const cases: [string, string][] = [
      ["TERMII_API_URL", "https://termii.com.evil.example"],
      ["TERMII_API_URL", "http://v3.api.termii.com"],
      ["TERMII_API_URL", "https://v3.api.termii.com:8443"],
      ["AT_API_URL", "https://api.sandbox.africastalking.com"],
      ["AT_API_URL", "http://api.africastalking.com"],
      ["AT_API_URL", "https://10.0.0.5"],
      ["WHATSAPP_API_URL", "https://graph.facebook.com.evil.example"],
      ["WHATSAPP_API_URL", "http://graph.facebook.com"],
    ];
    for (const [name, url] of cases) {
      expect(() => parseEnv({ ...production, TERMII_API_KEY: "test_x", AT_USERNAME: "sandbox", WHATSAPP_TOKEN: "test_x", [name]: url }), url).toThrow(name);
    }
  });

  it("allow a stand-in on this machine only with a plainly test credential", () => {
    const local = "http://127.0.0.1:4545";
    expect(parseEnv({ ...production, TERMII_API_KEY: "test_local", TERMII_API_URL: local }).TERMII_API_URL).toBe(local);
    expect(parseEnv({ ...production, AT_USERNAME: "sandbox", AT_API_URL: local }).AT_API_URL).toBe(local);
    expect(parseEnv({ ...production, WHATSAPP_TOKEN: "test_local", WHATSAPP_API_URL: "http://[::1]:4545" }).WHATSAPP_API_URL).toBe("http://[::1]:4545");
    expect(() => parseEnv({ ...production, TERMII_API_KEY: "TLlive", TERMII_API_URL: local })).toThrow(/TERMII_API_URL/);
    expect(() => parseEnv({ ...production, AT_USERNAME: "steppingstone", AT_API_URL: local })).toThrow(/AT_API_URL/);
    expect(() => parseEnv({ ...production, WHATSAPP_API_URL: "http://localhost:4545" })).toThrow(/WHATSAPP_API_URL/);
  });

  it("take the end-to-end tests' stand-ins, which the production build runs against", () => {
    const urls = { termii: "http://127.0.0.1:4001", africasTalking: "http://127.0.0.1:4002", whatsapp: "http://127.0.0.1:4003" };
    const env = parseEnv({ ...production, ...messagingEnv(urls) });
    expect([env.TERMII_API_URL, env.AT_API_URL, env.WHATSAPP_API_URL]).toEqual([urls.termii, urls.africasTalking, urls.whatsapp]);
  });

  it("let development point anywhere, and check the values' shapes", () => {
    expect(parseEnv({ NODE_ENV: "development", TERMII_API_URL: "http://termii-mock.internal" }).TERMII_API_URL).toBe("http://termii-mock.internal");
    expect(() => parseEnv({ NODE_ENV: "development", AT_CALLBACK_SECRET: "short" })).toThrow(/AT_CALLBACK_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "development", AT_CALLBACK_SECRET: "a/b".repeat(20) })).toThrow(/AT_CALLBACK_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "development", TERMII_SENDER_ID: "Far too long a name" })).toThrow(/TERMII_SENDER_ID/);
    expect(() => parseEnv({ NODE_ENV: "development", WHATSAPP_API_VERSION: "latest" })).toThrow(/WHATSAPP_API_VERSION/);
    expect(parseEnv({ NODE_ENV: "development" }).WHATSAPP_API_VERSION).toBe("v25.0");
  });
});

describe("the providers' callback addresses", () => {
  const post = (path: string) => {
    const headers: Record<string, string> = { origin: "https://evil.example", host: "localhost" };
    return { method: "POST", path, protocol: "http", get: (name: string) => headers[name.toLowerCase()] };
  };

  it("are checked by signature or secret address, not by origin", () => {
    for (const path of ["/webhooks/termii", "/webhooks/whatsapp", "/webhooks/africastalking/any-secret_01"]) {
      expect(isCrossSite(post(path) as never), path).toBe(false);
    }
  });

  it("exempt nothing else under those names", () => {
    for (const path of ["/webhooks/africastalking", "/webhooks/africastalking/a/b", "/webhooks/africastalking/x.data", "/webhooks/termii.data", "/webhooks/whatsapp/x"]) {
      expect(isCrossSite(post(path) as never), path).toBe(true);
    }
  });
});
