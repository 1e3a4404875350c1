import { test, createAccount, expect, signIn } from "./fixtures";

// A link that tries to send a signed-in person elsewhere after log-in leaves the browser on the site.
test("a signed-in person opening a log-in link with a disguised host stays on the site", async ({ page, context }) => {
  const account = await createAccount({ roles: ["participant"] });
  await signIn(context, account);
  const site = new URL(process.env.E2E_BASE_URL!).origin;
  for (const target of ["/%09/evil.example", "//evil.example", "/\\evil.example", "/%0d%0a/evil.example"]) {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).host));
    await page.goto(`/login?redirectTo=${target}`);
    expect(new URL(page.url()).origin).toBe(site);
    expect(requested).not.toContain("evil.example");
    page.removeAllListeners("request");
  }
});
