import { test, expect } from "./fixtures";
import { examples, organisation } from "../support/email-examples";

// Every email, as a phone's mail app shows it: nothing wider than a 360 px screen.
test("every email fits a 360 px screen", async ({ page }) => {
  const { renderEmail, templates } = await import("~emails/registry");
  await page.setViewportSize({ width: 360, height: 740 });
  for (const name of Object.keys(templates) as (keyof typeof templates)[]) {
    const { html } = await renderEmail(name, examples[name] as never, organisation, { unsubscribeUrl: "https://steppingstone.example/email/unsubscribe?t=abc&k=step-nudges" });
    await page.setContent(html);
    const widest = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll("body *")].map((element) => Math.ceil(element.getBoundingClientRect().right))));
    expect(widest, name).toBeLessThanOrEqual(360);
  }
});
