import { db, type Tx } from "~db/client.server";
import { clock, DAY } from "~/utils/clock.server";
import { eventIn } from "../booking/seats.server";
import type { DeviceCheckIn, DeviceItemResult, DeviceSync, DeviceSyncReply } from "../door-device";
import { checkIn, type CheckInResult } from "./check-in.server";
import { doorListForDevice } from "./door-list.server";
import { addWalkIn } from "./walk-ins.server";

// A door phone's queue arriving (ADR 0036): check-ins and walk-ins recorded offline, or online a
// moment ago, from any number of phones, in any order, any number of times.

/** A queue older than this is a phone whose clock is wrong, not one that was offline that long. */
const OFFLINE_AT_MOST = 3 * DAY;

/** A phone's time, kept between three days ago and now: its clock may be off, ours is the rule. */
function doorTime(at: number, now: number): number {
  return Math.min(now, Math.max(now - OFFLINE_AT_MOST, at));
}

function itemResult(key: string, result: CheckInResult): DeviceItemResult {
  if (result.ok) {
    return {
      key,
      outcome: "done",
      registrationId: result.person.registrationId,
      name: result.person.name,
      checkedInAt: result.checkedInAt,
      byName: result.status === "already" ? result.byName : null,
      already: result.status === "already",
    };
  }
  return { key, outcome: "refused", message: result.message, name: result.person?.name ?? null };
}

function syncCheckIn(tx: Tx, input: { eventId: string; by: string; item: DeviceCheckIn; at: number }): DeviceItemResult {
  const { item } = input;
  const which = item.registrationId ? { registrationId: item.registrationId } : item.token ? { token: item.token } : { shortCode: item.shortCode };
  return itemResult(item.key, checkIn(tx, { eventId: input.eventId, by: input.by, at: input.at, ...which }));
}

/**
 * Applies a phone's queue in one transaction and answers with what became of each item and the
 * fresh door list. A check-in is once per registration; two phones' check-ins of one person keep
 * the earliest time. Returns null when the event is gone.
 */
export function syncDoor(input: { eventId: string; by: string; sync: DeviceSync }): DeviceSyncReply | null {
  const replies = db.transaction(
    (tx) => {
      const event = eventIn(input.eventId);
      if (!event) return null;
      const now = clock.now();
      const at = (time: number) => doorTime(time, now);
      return {
        checkIns: input.sync.checkIns.map((item) => syncCheckIn(tx, { eventId: event.id, by: input.by, item, at: at(item.at) })),
        walkIns: input.sync.walkIns.map((walkIn) => itemResult(walkIn.key, addWalkIn(tx, { eventId: event.id, by: input.by, walkIn: { ...walkIn, at: at(walkIn.at) } }))),
      };
    },
    { behavior: "immediate" },
  );
  const list = replies ? doorListForDevice(input.eventId) : null;
  return replies && list ? { ...replies, list } : null;
}
