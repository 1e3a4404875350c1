import type { DeviceItemResult, DevicePerson } from "~/modules/events/door-device";
import type { Verdict } from "./door-state";

// Drawing the door page's live parts. Text only through textContent: names come from people.

const STATUS_WORDS: Record<DevicePerson["status"], string> = {
  confirmed: "has a seat",
  offered: "has been offered a seat but has not accepted it",
  waitlisted: "is on the waitlist and has no seat",
  cancelled: "cancelled their registration",
};

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class DoorView {
  private time: Intl.DateTimeFormat;

  constructor(
    private nodes: { status: HTMLElement; result: HTMLElement; problems: HTMLElement; people: HTMLElement },
    timeZone: string,
  ) {
    this.time = new Intl.DateTimeFormat("en-NG", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
  }

  clock(at: number): string {
    return this.time.format(at);
  }

  status(input: { people: number; savedAt: number | null; waiting: number; online: boolean; syncing: boolean; signedOut: boolean; present: number; expected: number }) {
    const parts = [
      input.savedAt === null ? "No door list on this phone yet." : `Door list on this phone: ${input.people} ${input.people === 1 ? "person" : "people"}, updated ${this.clock(input.savedAt)}.`,
      `${input.present} of ${input.expected} here.`,
      input.waiting ? `${input.waiting} ${input.waiting === 1 ? "check-in is" : "check-ins are"} waiting to sync.` : "Everything is synced.",
      input.signedOut ? "Sign in again to sync." : input.online ? (input.syncing ? "Syncing…" : "Online.") : "Offline: check-ins are kept on this phone.",
    ];
    this.nodes.status.textContent = parts.join(" ");
    this.nodes.status.dataset.waiting = String(input.waiting);
    this.nodes.status.classList.toggle("door-status--offline", !input.online || input.signedOut);
  }

  verdict(verdict: Verdict) {
    const box = this.nodes.result;
    box.replaceChildren();
    const [tone, title, detail] = this.describe(verdict);
    box.className = `door-result door-result--${tone}`;
    box.dataset.verdict = verdict.kind;
    box.append(element("p", "door-result__title", title));
    if ("name" in verdict) box.append(element("p", "door-result__name", verdict.name));
    if (detail) box.append(element("p", "door-result__detail", detail));
    if ("answers" in verdict && verdict.answers.length) {
      const list = element("dl", "door-result__answers");
      for (const answer of verdict.answers) list.append(element("dt", null, answer.label), element("dd", null, answer.answer));
      box.append(list);
    }
  }

  private describe(verdict: Verdict): ["success" | "warning" | "error", string, string | null] {
    switch (verdict.kind) {
      case "checked-in":
        return ["success", "Checked in", verdict.waiting ? `At ${this.clock(verdict.at)}. Waiting to sync.` : `At ${this.clock(verdict.at)}.`];
      case "already":
        return ["warning", "Already checked in", `At ${this.clock(verdict.at)}${verdict.by ? ` by ${verdict.by}` : " (on this phone, or waiting to sync)"}.`];
      case "no-seat":
        return ["error", "No seat", `This person ${STATUS_WORDS[verdict.status]}. Only people with a confirmed seat can be checked in.`];
      case "other-event":
        return ["error", "Not for this event", "This ticket is for another event."];
      case "not-a-ticket":
        return ["error", "Not a ticket", "This QR code is not one of our tickets. Ask for the code printed under it."];
      case "unknown":
        return verdict.online
          ? ["warning", "Checking with the server…", null]
          : ["warning", "Not on this phone's list", "Registered in the last minutes, or for another event. It is kept and checked when the phone is back online; meanwhile, search by name or add them as a walk-in."];
    }
  }

  message(tone: "success" | "warning" | "error", title: string, detail: string | null = null) {
    const box = this.nodes.result;
    box.className = `door-result door-result--${tone}`;
    box.dataset.verdict = tone;
    box.replaceChildren(element("p", "door-result__title", title));
    if (detail) box.append(element("p", "door-result__detail", detail));
  }

  /** What the server refused when the queue synced: shown until the volunteer has seen it. */
  problems(refused: Extract<DeviceItemResult, { outcome: "refused" }>[]) {
    for (const problem of refused) {
      const item = element("p", "notice notice--error", `Not recorded${problem.name ? ` for ${problem.name}` : ""}: ${problem.message}`);
      this.nodes.problems.append(item);
    }
  }

  /** The list of people, from the phone's copy: a "Mark present" button each, or where they stand. */
  people(people: DevicePerson[], query: string, isWaiting: (id: string) => boolean) {
    const container = this.nodes.people;
    container.replaceChildren(element("h2", null, query ? "Search results" : "People registered"));
    if (!people.length) {
      container.append(element("p", null, query ? `Nobody registered matches “${query}”.` : "Nobody has registered yet."));
      return;
    }
    const list = element("ul", "door-list");
    list.setAttribute("aria-label", query ? `People matching “${query}”` : "People registered");
    for (const person of people) {
      const row = element("li", "door-list__row");
      const who = element("div", "door-list__who");
      who.append(element("strong", null, person.name), element("span", "muted", `Code ${person.shortCode}`));
      row.append(who);
      if (person.checkedInAt !== null) {
        row.append(element("span", "tag tag--success", `Present at ${this.clock(person.checkedInAt)}${isWaiting(person.registrationId) ? " (waiting to sync)" : ""}`));
      } else if (person.status === "confirmed") {
        const button = element("button", "button button--primary button--big", "Mark present");
        button.type = "button";
        button.dataset.registrationId = person.registrationId;
        button.append(element("span", "visually-hidden", ` for ${person.name}`));
        row.append(button);
      } else {
        row.append(element("span", "tag", `${person.status[0].toUpperCase()}${person.status.slice(1)}: no seat`));
      }
      list.append(row);
    }
    container.append(list);
  }
}
