import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../support/app-server";
import { startSmtpSink } from "../support/smtp-sink";
import { TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "../support/stripe-events";
import { startStripeStandIn } from "../support/stripe-stand-in";
import { PAYSTACK_TEST_KEY, startPaystackStandIn } from "../support/paystack-stand-in";
import { AT_TEST_CALLBACK_SECRET, startAfricasTalkingStandIn } from "../support/africas-talking-stand-in";
import { messagingEnv } from "../support/messaging-env";
import { startTermiiStandIn } from "../support/termii-stand-in";
import { startWhatsAppStandIn } from "../support/whatsapp-stand-in";

/**
 * One production server for the whole run, with its own database and a real SMTP sink on
 * loopback. Test workers inherit the variables set here.
 */
export default async function globalSetup() {
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-mail-"));
  const sink = await startSmtpSink({ dir: mailDir });
  // Card gifts go through a local Stripe stand-in whose pay page signs and sends the webhook.
  const stripe = await startStripeStandIn();
  // Naira gifts go through a local Paystack stand-in, whose pay page likewise signs and sends `charge.success`.
  const paystack = await startPaystackStandIn();
  // SMS and WhatsApp go through local stand-ins of Termii, Africa's Talking and the Cloud API, which record what was sent.
  const [termii, africasTalking, whatsapp] = await Promise.all([startTermiiStandIn(), startAfricasTalkingStandIn(), startWhatsAppStandIn()]);
  const server = await startAppServer({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: "Steppingstone tests <no-reply@example.org>",
      // Tests send X-Forwarded-For so that each one is its own client for per-IP limits.
      TRUST_PROXY: "loopback",
      WORKER_INTERVAL_MS: "100",
      STRIPE_SECRET_KEY: TEST_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(stripe.port),
      STRIPE_API_PROTOCOL: "http",
      PAYSTACK_SECRET_KEY: PAYSTACK_TEST_KEY,
      PAYSTACK_API_URL: paystack.url,
      ...messagingEnv({ termii: termii.url, africasTalking: africasTalking.url, whatsapp: whatsapp.url }),
    },
  });
  termii.setWebhookUrl(`${server.url}/webhooks/termii`);
  africasTalking.setCallbackUrl(`${server.url}/webhooks/africastalking/${AT_TEST_CALLBACK_SECRET}`);
  whatsapp.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  stripe.setWebhookUrl(`${server.url}/webhooks/stripe`);
  paystack.setWebhookUrl(`${server.url}/webhooks/paystack`);
  process.env.E2E_STRIPE_URL = stripe.url;
  process.env.E2E_PAYSTACK_URL = paystack.url;
  // Each lists the messages it took at GET <url>/_test/sent.
  process.env.E2E_TERMII_URL = termii.url;
  process.env.E2E_AFRICAS_TALKING_URL = africasTalking.url;
  process.env.E2E_WHATSAPP_URL = whatsapp.url;
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_MAIL_DIR = mailDir;
  process.env.DATABASE_URL = server.databaseFile;
  process.env.APP_URL = server.url;
  // The build the server runs: tests that read the route config or start a second server use it.
  process.env.E2E_BUILD_ROOT = server.buildRoot;
  process.env.NODE_ENV = "test";

  return async () => {
    await server.stop();
    await sink.close();
    await stripe.close();
    await paystack.close();
    await Promise.all([termii.close(), africasTalking.close(), whatsapp.close()]);
    if (process.env.E2E_KEEP_LOGS) console.log(server.output());
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}
