import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox } from "~db/schema";
import { loader as messageLoader } from "~/routes/admin.outbox.$id";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { deliverDueMessages } from "~/modules/outbox/delivery.server";
import { createUser, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { examples } from "../support/email-examples";
import { runRoute } from "../support/route-results";

// The organisers' message page says what is true of a message in each state, with its real subject
// from the moment it is queued. (No mail server here: delivery is the local mailbox.)

let cookie: string;
beforeAll(async () => {
  cookie = signIn((await createUser({ roles: ["organiser"] })).id).cookieHeader;
});

const queue = (template: "step-nudge" | "verify-email") => db.transaction((tx) => enqueueMessage(tx, "ada@example.org", template, examples[template] as never));

async function page(id: string) {
  const result = await runRoute(() => messageLoader(routeArgs({ request: getRequest(`/admin/outbox/${id}`, { cookie }), params: { id }, context: loadContext() })));
  return result.data as { subject: string; explanation: string; html: string | null };
}

describe("an outbox message's page", () => {
  it("says a queued message is waiting, with its subject and next try, and does not claim it went out", async () => {
    const id = queue("verify-email");
    const shown = await page(id);
    expect(shown.subject).toMatch(/^Please confirm your email address/);
    expect(shown.explanation).toMatch(/^Waiting to be sent: the next try is at /);
    expect(shown.explanation).not.toMatch(/gone out|Sent/);
  });

  it("shows a message delivered to the local mailbox in full", async () => {
    const id = queue("verify-email");
    await deliverDueMessages();
    const shown = await page(id);
    expect(shown.explanation).toMatch(/^In the local mailbox/);
    expect(shown.html).toContain("Confirm");
  });

  it("counts the tries of a message that keeps failing, and says when it was given up", async () => {
    const id = queue("step-nudge");
    db.update(outbox).set({ attempts: 3, lastError: "421 busy" }).where(eq(outbox.id, id)).run();
    expect((await page(id)).explanation).toContain("It failed 3 of 12 tries so far");
    db.update(outbox).set({ status: "dead", attempts: 12 }).where(eq(outbox.id, id)).run();
    expect((await page(id)).explanation).toBe("Not delivered after 12 tries. The last error is below; you can try again.");
  });

  it("says why a message was not sent when its recipient turned that kind off", async () => {
    const id = queue("step-nudge");
    db.update(outbox).set({ status: "skipped", skippedReason: "ada@example.org turned off “Programme nudges”." }).where(eq(outbox.id, id)).run();
    const shown = await page(id);
    expect(shown.explanation).toBe("Not sent: ada@example.org turned off “Programme nudges”.");
    expect(shown.html).toBeNull();
  });
});
