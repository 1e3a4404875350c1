import type { DeviceSync, DeviceSyncReply, DoorListForDevice } from "~/modules/events/door-device";
import type { Queued } from "./door-state";

// Talking to the server: fetching the door list, sending the queue. Any failure (no network, the
// server away, a signed-out session) leaves everything on the phone for the next try.

export type Endpoints = { listUrl: string; syncUrl: string };

export class SignedOut extends Error {}

async function expectJson<T>(response: Response): Promise<T> {
  // A session that ended sends the sign-in page instead: say so rather than read it as a list.
  if (response.redirected || response.status === 401 || response.status === 403) throw new SignedOut("Sign in again to sync.");
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return (await response.json()) as T;
}

export async function fetchList(endpoints: Endpoints): Promise<DoorListForDevice> {
  return expectJson(await fetch(endpoints.listUrl, { credentials: "same-origin", headers: { Accept: "application/json" } }));
}

export function payloadOf(items: Queued[]): DeviceSync {
  const sync: DeviceSync = { checkIns: [], walkIns: [] };
  for (const item of items) {
    if (item.kind === "check-in") sync.checkIns.push({ key: item.key, registrationId: item.registrationId, token: item.token, at: item.at });
    else sync.walkIns.push({ key: item.key, name: item.name, email: item.email, phone: item.phone, answers: item.answers, at: item.at });
  }
  return sync;
}

export async function sendQueue(endpoints: Endpoints, items: Queued[]): Promise<DeviceSyncReply> {
  const response = await fetch(endpoints.syncUrl, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(payloadOf(items)),
  });
  return expectJson(response);
}
