import { afterAll, beforeAll } from "vitest";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

/**
 * For a test file whose app sends by SMTP: a sink on loopback, started (and SMTP_URL set) before
 * the file loads the app's modules, which read SMTP_URL once; closed with the mail transport after.
 */
export function smtpSinkForFile(): { readonly sink: SmtpSink } {
  const holder = {} as { sink: SmtpSink };
  beforeAll(async () => {
    holder.sink = await startSmtpSink();
    process.env.SMTP_URL = holder.sink.url;
  });
  afterAll(async () => {
    const { closeMailTransport } = await import("~/modules/outbox/delivery.server");
    closeMailTransport();
    await holder.sink.close();
  });
  return holder;
}
