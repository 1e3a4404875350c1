import type { DevicePerson } from "~/modules/events/door-device";
import { DoorState, type Queued } from "./door-state";
import { DoorStore } from "./store";
import { fetchList, sendQueue, SignedOut, type Endpoints } from "./sync";
import { lookupOf, newKey } from "./tickets";
import { startScanner, type Scanner } from "./scanner";
import { DoorView } from "./view";
import { readWalkIn } from "./walk-in";

// The door page's script (ADRs 0036, 0037): a door list kept on the phone, check-ins recorded on
// the phone first and synced as soon as the network allows, the camera scanner, walk-ins offline.

const LIST_REFRESH_MS = 60_000;
/** A door list stays on the phone this long after its event ends (late syncs, a second look). */
const KEEP_LIST_AFTER_END_MS = 2 * 24 * 60 * 60 * 1000;
const RETRY_MS = 10_000;

const root = document.getElementById("door-app");
if (root) void start(root);

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

async function start(root: HTMLElement) {
  const eventId = root.dataset.eventId!;
  const endpoints: Endpoints = { listUrl: root.dataset.listUrl!, syncUrl: root.dataset.syncUrl! };
  const peopleBox = document.querySelector<HTMLElement>('[data-door="people"]')!;
  const view = new DoorView({ status: byId("door-status"), result: byId("door-result"), problems: byId("door-problems"), people: peopleBox }, root.dataset.timeZone || "Africa/Lagos");
  const store = await DoorStore.open();
  await store.pruneEnded(Date.now() - KEEP_LIST_AFTER_END_MS);
  let saved = await store.list(eventId);
  let state: DoorState | null = saved ? new DoorState(saved.list, await store.queue(eventId)) : null;
  let syncing = false;
  let signedOut = false;
  let query = "";
  root.hidden = false;

  const showStatus = () => {
    const counts = state?.counts() ?? { present: 0, expected: 0 };
    view.status({ people: state?.list.people.length ?? 0, savedAt: saved?.savedAt ?? null, waiting: state?.queue.length ?? 0, online: navigator.onLine, syncing, signedOut, ...counts });
  };
  const showPeople = () => state && view.people(state.search(query), query, (id) => state!.isWaiting(id));

  async function adoptList(list: DoorState["list"]) {
    saved = { eventId, list, savedAt: Date.now() };
    await store.saveList(saved);
    if (state) state.replaceList(list);
    else state = new DoorState(list, await store.queue(eventId));
    showPeople();
  }

  async function refreshList() {
    if (!navigator.onLine) return showStatus();
    try {
      await adoptList(await fetchList(endpoints));
      signedOut = false;
    } catch (error) {
      signedOut = error instanceof SignedOut;
    }
    showStatus();
  }

  async function sync(): Promise<void> {
    if (!state || syncing || !state.queue.length || !navigator.onLine) return;
    syncing = true;
    showStatus();
    const batch = [...state.queue];
    try {
      const reply = await sendQueue(endpoints, batch);
      signedOut = false;
      const refused = state.settle([...reply.checkIns, ...reply.walkIns]);
      await store.forget(batch.map((item) => item.key));
      view.problems(refused);
      await adoptList(reply.list);
      // An unknown ticket sent while online: the server's answer is the verdict.
      const answered = [...reply.checkIns, ...reply.walkIns].find((result) => result.key === pendingVerdictKey);
      if (answered) showServerVerdict(answered);
      syncing = false;
      // Recorded while the batch was on its way: their turn now.
      if (state.queue.length) void sync();
    } catch (error) {
      syncing = false;
      signedOut = error instanceof SignedOut;
      setTimeout(() => void sync(), RETRY_MS);
    }
    showStatus();
  }

  let pendingVerdictKey: string | null = null;
  function showServerVerdict(result: Parameters<DoorState["settle"]>[0][number]) {
    pendingVerdictKey = null;
    if (result.outcome === "refused") view.message("error", result.name ? `Not checked in: ${result.name}` : "Not checked in", result.message);
    else view.verdict(result.already ? { kind: "already", name: result.name, at: result.checkedInAt, by: result.byName, answers: [] } : { kind: "checked-in", name: result.name, at: result.checkedInAt, answers: [], waiting: false });
  }

  async function record(item: Queued | null) {
    if (item) await store.enqueue(item);
    showPeople();
    showStatus();
    if (item && navigator.onLine) void sync();
  }

  async function checkInPerson(person: DevicePerson) {
    const { verdict, queued } = state!.checkIn(person, Date.now(), newKey());
    view.verdict(verdict);
    await record(queued);
  }

  async function handleTicket(text: string, typed: boolean) {
    if (!state) return view.message("warning", "The door list is not on this phone yet", "Connect to the network once to download it.");
    const lookup = await lookupOf(text, eventId, typed);
    if (lookup.kind === "other-event") return view.verdict({ kind: "other-event" });
    if (lookup.kind === "not-a-ticket") return view.verdict({ kind: "not-a-ticket" });
    const person = lookup.kind === "token" ? state.personByTokenHash(lookup.tokenHash) : state.personByCode(lookup.code);
    if (person) return checkInPerson(person);
    if (lookup.kind === "code") return view.message("error", "No ticket with this code", `No ticket for this event has the code ${text.trim().toUpperCase()}. Check it and try again.`);
    const queued = state.queueUnknownTicket(lookup.token, Date.now(), newKey());
    pendingVerdictKey = navigator.onLine ? queued.key : null;
    view.verdict({ kind: "unknown", online: navigator.onLine });
    await record(queued);
  }

  // The camera.
  let scanner: Scanner | null = null;
  const scanButton = byId<HTMLButtonElement>("door-scan");
  const stopButton = byId<HTMLButtonElement>("door-scan-stop");
  const camera = byId("door-camera");
  scanButton.addEventListener("click", async () => {
    try {
      camera.hidden = false;
      scanner = await startScanner(byId<HTMLVideoElement>("door-video"), (text) => void handleTicket(text, false));
      scanButton.hidden = true;
      stopButton.hidden = false;
    } catch {
      camera.hidden = true;
      view.message("error", "The camera did not start", "Allow this page to use the camera, or type the code under the QR code below.");
    }
  });
  stopButton.addEventListener("click", () => {
    scanner?.stop();
    scanner = null;
    camera.hidden = true;
    stopButton.hidden = true;
    scanButton.hidden = false;
  });

  // The code box: a typed code, or a hardware scanner typing the ticket's address and Enter.
  const codeForm = document.querySelector<HTMLFormElement>('form[data-door="code"]');
  codeForm?.addEventListener("submit", (event) => {
    const input = codeForm.querySelector<HTMLInputElement>('input[name="shortCode"]')!;
    if (!state || !input.value.trim()) return;
    event.preventDefault();
    void handleTicket(input.value, true);
    input.value = "";
    input.focus();
  });

  // Search and "Mark present" from the phone's list: instant, online or not.
  const searchForm = document.querySelector<HTMLFormElement>('form[data-door="search"]');
  const searchBox = searchForm?.querySelector<HTMLInputElement>('input[name="q"]');
  const runSearch = () => {
    query = searchBox?.value ?? "";
    showPeople();
  };
  searchForm?.addEventListener("submit", (event) => {
    if (!state) return;
    event.preventDefault();
    runSearch();
  });
  searchBox?.addEventListener("input", () => state && runSearch());
  peopleBox.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-registration-id]");
    const person = button && state?.personById(button.dataset.registrationId!);
    if (person) void checkInPerson(person);
  });

  // Walk-ins: kept on the phone and sent with the queue.
  const walkInForm = document.querySelector<HTMLFormElement>("#door-walk-in");
  walkInForm?.addEventListener("submit", (event) => {
    if (!state) return;
    event.preventDefault();
    const walkIn = readWalkIn(walkInForm, state.list.event.questions, eventId, newKey());
    if (!walkIn) return;
    const refusal = state.walkInRefusal();
    if (refusal) return view.message("error", "Not added", refusal);
    state.addWalkIn(walkIn);
    walkInForm.reset();
    view.message("success", "Added and checked in", `${walkIn.name}${navigator.onLine ? "" : ". Waiting to sync: they get their message when this phone is back online"}.`);
    void record(walkIn);
  });

  // Logging out drops this phone's copy; say so when check-ins have not reached the server yet.
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/logout"]')) {
    form.addEventListener("submit", (event) => {
      const waiting = state?.queue.length ?? 0;
      if (waiting && !confirm(`${waiting} check-ins have not synced yet. Logging out deletes them from this phone. Log out anyway?`)) event.preventDefault();
    });
  }

  window.addEventListener("online", () => {
    showStatus();
    void refreshList().then(sync);
  });
  window.addEventListener("offline", showStatus);
  setInterval(() => navigator.onLine && !syncing && void refreshList().then(sync), LIST_REFRESH_MS);

  showStatus();
  if (state) showPeople();
  await refreshList();
  await sync();
}
