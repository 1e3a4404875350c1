import http from "node:http";
import type { AddressInfo } from "node:net";
import { action as africasTalkingAction } from "~/routes/webhooks.africastalking.$secret";
import { action as termiiAction } from "~/routes/webhooks.termii";
import { action as whatsappAction } from "~/routes/webhooks.whatsapp";
import { AT_TEST_CALLBACK_SECRET, startAfricasTalkingStandIn, type AfricasTalkingStandIn } from "./africas-talking-stand-in";
import { loadContext, routeArgs } from "./factories";
import { messagingEnv } from "./messaging-env";
import { startTermiiStandIn, type TermiiStandIn } from "./termii-stand-in";
import { startWhatsAppStandIn, type WhatsAppStandIn } from "./whatsapp-stand-in";

/** Hands a callback to the route that serves its path, as Express would after its own checks. */
async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const context = loadContext("127.0.0.1");
  if (path === "/webhooks/termii") return (await termiiAction(routeArgs({ request, params: {}, context }))) as Response;
  if (path === "/webhooks/whatsapp") return (await whatsappAction(routeArgs({ request, params: {}, context }))) as Response;
  const secret = /^\/webhooks\/africastalking\/([^/]+)$/.exec(path)?.[1];
  if (secret) return (await africasTalkingAction(routeArgs({ request, params: { secret: decodeURIComponent(secret) }, context }))) as Response;
  return new Response("Not Found", { status: 404 });
}

export type MessagingRig = {
  termii: TermiiStandIn;
  africasTalking: AfricasTalkingStandIn;
  whatsapp: WhatsAppStandIn;
  /** Where the providers' callbacks arrive: `${receiverUrl}/webhooks/…`. */
  receiverUrl: string;
  close(): Promise<void>;
};

/** The three stand-ins, the app pointed at them, and their callbacks delivered to the real routes. */
export async function startMessagingRig(): Promise<MessagingRig> {
  const [termii, africasTalking, whatsapp] = await Promise.all([startTermiiStandIn(), startAfricasTalkingStandIn(), startWhatsAppStandIn()]);
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
      dispatch(new Request(`http://localhost:3000${req.url}`, { method: req.method, headers, body }))
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": "text/plain" });
          res.end(await response.text());
        })
        .catch((error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  termii.setWebhookUrl(`${receiverUrl}/webhooks/termii`);
  africasTalking.setCallbackUrl(`${receiverUrl}/webhooks/africastalking/${AT_TEST_CALLBACK_SECRET}`);
  whatsapp.setWebhookUrl(`${receiverUrl}/webhooks/whatsapp`);
  Object.assign(process.env, messagingEnv({ termii: termii.url, africasTalking: africasTalking.url, whatsapp: whatsapp.url }));
  return {
    termii,
    africasTalking,
    whatsapp,
    receiverUrl,
    close: async () => {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await Promise.all([termii.close(), africasTalking.close(), whatsapp.close()]);
    },
  };
}
