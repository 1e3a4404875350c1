import type { DoorListForDevice } from "~/modules/events/door-device";
import type { Queued } from "./door-state";

// This phone's copy of the door list and its queue, in IndexedDB (ADR 0036): they outlive a reload,
// a closed tab and a flat battery, so nothing recorded at the door is lost before it syncs.

const DATABASE = "steppingstone-door";
const LISTS = "lists";
const QUEUE = "queue";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export type SavedList = { eventId: string; list: DoorListForDevice; savedAt: number };

export class DoorStore {
  private constructor(private db: IDBDatabase) {}

  static async open(): Promise<DoorStore> {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore(LISTS, { keyPath: "eventId" });
      db.createObjectStore(QUEUE, { keyPath: "key" }).createIndex("eventId", "eventId");
    };
    return new DoorStore(await request(opening));
  }

  async list(eventId: string): Promise<SavedList | undefined> {
    return request(this.db.transaction(LISTS).objectStore(LISTS).get(eventId) as IDBRequest<SavedList | undefined>);
  }

  async saveList(saved: SavedList): Promise<void> {
    const tx = this.db.transaction(LISTS, "readwrite");
    tx.objectStore(LISTS).put(saved);
    return done(tx);
  }

  /** Lists of events that ended this long ago leave the phone, unless something still waits to sync for them. */
  async pruneEnded(before: number): Promise<void> {
    const lists = await request(this.db.transaction(LISTS).objectStore(LISTS).getAll() as IDBRequest<SavedList[]>);
    for (const saved of lists) {
      if (saved.list.event.endsAt >= before || (await this.queue(saved.eventId)).length) continue;
      const tx = this.db.transaction(LISTS, "readwrite");
      tx.objectStore(LISTS).delete(saved.eventId);
      await done(tx);
    }
  }

  async queue(eventId: string): Promise<Queued[]> {
    const items = await request(this.db.transaction(QUEUE).objectStore(QUEUE).index("eventId").getAll(eventId) as IDBRequest<Queued[]>);
    return items.sort((a, b) => a.at - b.at);
  }

  async enqueue(item: Queued): Promise<void> {
    const tx = this.db.transaction(QUEUE, "readwrite");
    tx.objectStore(QUEUE).put(item);
    return done(tx);
  }

  async forget(keys: string[]): Promise<void> {
    const tx = this.db.transaction(QUEUE, "readwrite");
    const store = tx.objectStore(QUEUE);
    for (const key of keys) store.delete(key);
    return done(tx);
  }
}
