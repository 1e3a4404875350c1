import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { z } from "zod";
import { formatTime } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { checkInFlash, doorList, whenText, attendanceCounts, checkIn, ticketByToken } from "~/modules/events/index.server";
import type { getEventById } from "~/modules/events/index.server";
import { checkInCodeSchema, checkInPersonSchema, QR_CHECK_IN_INTENT, ticketInScan } from "~/modules/events";
import { getOrganisation } from "~/modules/organisation/index.server";

// The check-in desk behind both doors: the organisers' console and the door team's pages. `base`
// is the desk's own address, so each door sends people back to itself.

type DeskEvent = NonNullable<ReturnType<typeof getEventById>>;

export function deskData(request: Request, event: DeskEvent) {
  const { timeZone } = getOrganisation();
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200).trim();
  const { rows, more } = doorList(event.id, q);
  return {
    event: { id: event.id, title: event.title, when: whenText(event, timeZone), status: event.status },
    q,
    counts: attendanceCounts(event.id),
    people: rows.map((row) => ({ ...row, presentAt: row.checkedInAt ? formatTime(row.checkedInAt, timeZone) : null })),
    more,
  };
}

/** Where to go back to: the same search, so the next person is one tap away. */
function backTo(base: string, q: string) {
  return `${base}${q ? `?q=${encodeURIComponent(q)}` : ""}`;
}

export function deskAction(formData: FormData, { eventId, by, base }: { eventId: string; by: string; base: string }) {
  const schema = formData.get("intent") === "registration" ? checkInPersonSchema : checkInCodeSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const scanned = value.intent === "code" ? ticketInScan(value.shortCode) : null;
  const result =
    value.intent === "registration"
      ? checkIn(undefined, { eventId, by, registrationId: value.registrationId })
      : scanned
        ? checkIn(undefined, { eventId, by, token: scanned.token })
        : checkIn(undefined, { eventId, by, shortCode: value.shortCode });
  // A code that matches nobody is an answer, not a malformed form: the page says so and the next person is served.
  if (!result.ok && result.code === "not-found" && value.intent === "code") {
    const message = scanned ? "This ticket is not for this event." : `No ticket for this event has the code ${value.shortCode.toUpperCase()}. Check it and try again.`;
    return redirectWithFlash(backTo(base, value.q), { kind: "error", message });
  }
  return redirectWithFlash(backTo(base, value.q), checkInFlash(result, getOrganisation().timeZone));
}

export const NO_TICKET = "This QR code is not a ticket we know. Ask for the code printed under it and type it on the check-in page.";

export function ticketData(event: DeskEvent, token: string) {
  const ticket = ticketByToken(token);
  if (!ticket) notFound(NO_TICKET);
  const { timeZone } = getOrganisation();
  return {
    event: { id: event.id, title: event.title },
    ticket: {
      name: ticket.name,
      email: ticket.email,
      status: ticket.status,
      shortCode: ticket.shortCode,
      presentAt: ticket.checkedInAt ? formatTime(ticket.checkedInAt, timeZone) : null,
    },
    otherEvent: ticket.eventId === event.id ? null : { id: ticket.eventId, title: ticket.eventTitle },
    counts: attendanceCounts(event.id),
  };
}

const ticketSchema = z.object({ intent: z.literal(QR_CHECK_IN_INTENT, { error: "Press “Mark present” to check the person in" }) });

/** Opening the QR code's address only shows the ticket: marking someone present is this deliberate POST. */
export async function ticketAction(request: Request, { eventId, by, base, token }: { eventId: string; by: string; base: string; token: string }) {
  const submission = parseWithZod(await request.formData(), { schema: ticketSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = checkIn(undefined, { eventId, by, token });
  if (!result.ok && result.code === "not-found") notFound(NO_TICKET);
  return redirectWithFlash(`${base}/${encodeURIComponent(token)}`, checkInFlash(result, getOrganisation().timeZone));
}
