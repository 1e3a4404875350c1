import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// The app reads SMTP_URL when its modules load, so they are imported after it is set.
async function loadApp() {
  const [{ db }, schema, { clock, MINUTE, HOUR }, outbox, worker, delivery, retry, admin, organisation, drizzle] =
    await Promise.all([
      import("~db/client.server"),
      import("~db/schema"),
      import("~/utils/clock.server"),
      import("~/modules/outbox/outbox.server"),
      import("~/modules/outbox/worker.server"),
      import("~/modules/outbox/delivery.server"),
      import("~/modules/outbox/retry.server"),
      import("~/modules/outbox/outbox-admin.server"),
      import("~/modules/organisation/settings.server"),
      import("drizzle-orm"),
    ]);
  return { db, schema, clock, MINUTE, HOUR, ...outbox, ...worker, ...delivery, ...retry, ...admin, ...organisation, eq: drizzle.eq };
}

let app: Awaited<ReturnType<typeof loadApp>>;
let port: number;
let sink: SmtpSink | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function smtpUp() {
  sink ??= await startSmtpSink({ port });
  return sink;
}

async function smtpDown() {
  await sink?.close();
  sink = null;
}

function row(id: string) {
  return app.db.select().from(app.schema.outbox).where(app.eq(app.schema.outbox.id, id)).get()!;
}

function enqueueVerification(to: string, token = "tok123") {
  return app.db.transaction((tx) =>
    app.enqueueMessage(tx, to, "verify-email", { name: "Chiamaka", url: `https://steppingstone.example/verify-email?token=${token}` }),
  );
}

const T0 = Date.UTC(2026, 10, 25, 9, 0);

beforeAll(async () => {
  port = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = "https://steppingstone.example";
  process.env.MAIL_FROM = "Rise Again <no-reply@steppingstone.example>";
  app = await loadApp();
  app.updateOrganisation({ name: "Rise Again Lagos", contactEmail: "hello@riseagain.example" });
});

beforeEach(async () => {
  app.clock.set(T0);
  app.db.delete(app.schema.outbox).run();
  await smtpDown();
});

afterAll(async () => {
  await smtpDown();
  app.closeMailTransport();
  app.clock.set(null);
});

describe("enqueueMessage", () => {
  it("writes nothing when the transaction that queues the message rolls back", () => {
    expect(() =>
      app.db.transaction((tx) => {
        app.enqueueMessage(tx, "ada@example.com", "password-changed", { name: "Ada" });
        tx.rollback();
      }),
    ).toThrow();
    expect(app.db.select().from(app.schema.outbox).all()).toEqual([]);
  });

  it("writes a pending row when the transaction commits", () => {
    const id = enqueueVerification("ada@example.com");
    expect(row(id)).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: T0, template: "verify-email" });
  });
});

describe("delivery over SMTP", () => {
  it("sends subject, text and HTML with a Message-ID made from the outbox id", async () => {
    const smtp = await smtpUp();
    const id = enqueueVerification("chiamaka@example.com");

    expect(await app.runWorkerOnce()).toEqual({ emails: 1, jobs: 0 });
    const mail = await smtp.waitFor((m) => m.to.includes("chiamaka@example.com"));

    const url = "https://steppingstone.example/verify-email?token=tok123";
    expect(mail.messageId).toBe(`<outbox-${id}@steppingstone.example>`);
    expect(mail.headers["x-steppingstone-outbox-id"]).toBe(id);
    expect(mail.from).toBe("no-reply@steppingstone.example");
    expect(mail.subject).toBe("Please confirm your email address for Rise Again Lagos");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("24 hours");
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain("hello@riseagain.example");

    const sent = row(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, deliveredLocally: false, sentAt: T0, lockedUntil: null });
    expect(sent.subject).toBe(mail.subject);
    // A one-time link that went out by email leaves no usable copy behind in the outbox.
    expect(sent.text).toBeNull();
    expect(sent.html).toBeNull();
    expect(JSON.stringify(sent.props)).not.toContain("tok123");

    // Sent is sent: the next tick does not send it again.
    expect(await app.runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("retries with doubling delays while SMTP is down, then marks the message dead", async () => {
    const id = enqueueVerification("bola@example.com");
    const delays: number[] = [];
    for (let attempt = 1; attempt <= app.MAX_ATTEMPTS; attempt++) {
      expect(await app.runWorkerOnce()).toEqual({ emails: 1, jobs: 0 });
      const after = row(id);
      expect(after.attempts).toBe(attempt);
      expect(after.lastError).toMatch(/ECONNREFUSED|connect/i);
      if (attempt === app.MAX_ATTEMPTS) break;
      expect(after.status).toBe("pending");
      delays.push(after.nextAttemptAt - app.clock.now());
      // Not due yet: a tick a moment before the next attempt leaves it alone.
      app.clock.set(after.nextAttemptAt - 1);
      expect(await app.runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
      app.clock.set(after.nextAttemptAt);
    }
    const expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 720].map((m) => m * app.MINUTE);
    expect(delays).toHaveLength(expected.length);
    delays.forEach((delay, i) => {
      expect(delay).toBeLessThanOrEqual(expected[i]);
      expect(delay).toBeGreaterThanOrEqual(expected[i] * 0.9);
    });
    expect(Math.max(...delays)).toBeLessThanOrEqual(12 * app.HOUR);

    const dead = row(id);
    expect(dead.status).toBe("dead");
    expect(dead.subject).toBe("Please confirm your email address for Rise Again Lagos");
    app.clock.advance(24 * app.HOUR);
    expect(await app.runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    expect(app.countDeadMessages()).toBe(1);

    // An organiser presses "Try again" once SMTP is back: it goes out, with the same Message-ID.
    const smtp = await smtpUp();
    expect(app.retryDeadMessage(id, null)).toBe(true);
    expect(await app.runWorkerOnce()).toEqual({ emails: 1, jobs: 0 });
    const mail = await smtp.waitFor((m) => m.to.includes("bola@example.com"));
    expect(mail.messageId).toBe(app.messageIdFor(id));
    expect(row(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(app.countDeadMessages()).toBe(0);
  });

  it("keeps the Message-ID when the server refuses a message for now and the retry gets through", async () => {
    const smtp = await smtpUp();
    smtp.refuseNext(1);
    const id = enqueueVerification("tunde@example.com", "second");

    await app.runWorkerOnce();
    expect(smtp.refused).toHaveLength(1);
    const failed = row(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toMatch(/451/);

    app.clock.set(failed.nextAttemptAt);
    await app.runWorkerOnce();
    const mail = await smtp.waitFor((m) => m.to.includes("tunde@example.com"));
    expect(mail.messageId).toBe(smtp.refused[0].messageId);
    expect(mail.messageId).toBe(`<outbox-${id}@steppingstone.example>`);
    expect(mail.text).toBe(smtp.refused[0].text);
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2, sentAt: failed.nextAttemptAt });
  });

  it("does not pick up a message another worker has locked until the lock runs out", async () => {
    const smtp = await smtpUp();
    const id = enqueueVerification("locked@example.com");
    app.db
      .update(app.schema.outbox)
      .set({ lockedUntil: T0 + app.LOCK_DURATION })
      .where(app.eq(app.schema.outbox.id, id))
      .run();
    expect(await app.runWorkerOnce()).toEqual({ emails: 0, jobs: 0 });
    app.clock.set(T0 + app.LOCK_DURATION);
    expect(await app.runWorkerOnce()).toEqual({ emails: 1, jobs: 0 });
    await smtp.waitFor((m) => m.to.includes("locked@example.com"));
  });
});
