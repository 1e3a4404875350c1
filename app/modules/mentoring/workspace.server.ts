import type { SessionOutcome } from "~db/schema";
import { formatDateTime, instantToLocalInput } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { mentorshipForViewer } from "./mentorships.server";
import { notesFor } from "./notes.server";
import { FORMAT_LABELS } from "./options";
import { personTimeZone } from "./profiles.server";
import { durationLabel, sessionWhen, zoneLabel, type SessionRow } from "./session-calendar.server";
import { OUTCOME_LABELS, SESSION_STATUS_LABELS } from "./session-schemas";
import { sessionsOf } from "./sessions.server";
import { shareableStepsFor, sharedAnswersForMentor } from "./shared-answers.server";
import { whatsAppContactFor } from "./whatsapp-contact.server";
import { clock } from "~/utils/clock.server";

type Role = "mentor" | "mentee";

function outcomeText(outcome: SessionOutcome | null): string | null {
  return outcome ? OUTCOME_LABELS[outcome] : null;
}

function sessionView(session: SessionRow, ctx: { viewerId: string; role: Role; timeZone: string; now: number; active: boolean }) {
  const { viewerId, role, timeZone, now, active } = ctx;
  const ahead = session.startsAt > now;
  const mine = session.proposedBy === viewerId;
  const open = session.status === "proposed" || session.status === "confirmed";
  const started = session.status === "confirmed" && !ahead;
  const myOutcome = role === "mentor" ? session.mentorOutcome : session.menteeOutcome;
  const otherOutcome = role === "mentor" ? session.menteeOutcome : session.mentorOutcome;
  return {
    id: session.id,
    when: sessionWhen(session, timeZone),
    duration: durationLabel(session.durationMinutes),
    format: FORMAT_LABELS[session.format],
    location: session.location,
    agenda: session.agenda,
    status: session.status,
    statusLabel: session.status === "proposed" && !ahead ? "Not answered in time" : SESSION_STATUS_LABELS[session.status],
    proposedByMe: mine,
    upcoming: open && ahead,
    canAnswer: active && ahead && session.status === "proposed" && !mine,
    canCancel: active && ahead && (session.status === "confirmed" || (session.status === "proposed" && mine)),
    canDownload: session.status === "confirmed",
    canMarkOutcome: started,
    myOutcome: outcomeText(myOutcome),
    otherOutcome: outcomeText(otherOutcome),
    // The rating is the mentee's word to the programme: the mentor does not see it.
    canRate: started && role === "mentee" && myOutcome !== "missed",
    rating: role === "mentee" ? session.menteeRating : null,
    comment: role === "mentee" ? session.menteeComment : "",
  };
}

export type WorkspaceSession = ReturnType<typeof sessionView>;

/**
 * Everything the pair's page shows, for one of its two people (a 404 for anyone else). Private
 * notes reach the mentor's page only; shared step answers only the mentor's, while active.
 */
export function workspaceFor(mentorshipId: string, viewerId: string) {
  const now = clock.now();
  const pair = mentorshipForViewer(mentorshipId, viewerId);
  const { mentorship, role } = pair;
  if (mentorship.status !== "active" && mentorship.status !== "ended") notFound("This mentorship has not started.");
  const active = mentorship.status === "active";
  const timeZone = personTimeZone(viewerId);
  const other = role === "mentor" ? pair.mentee : pair.mentor;
  const sessions = sessionsOf(mentorship.id).map((s) => sessionView(s, { viewerId, role, timeZone, now, active }));
  const notes = notesFor(pair, viewerId).map((n) => ({
    id: n.id,
    kind: n.kind,
    visibility: n.visibility,
    body: n.body,
    written: formatDateTime(n.createdAt, timeZone),
    byMe: n.authorId === viewerId,
    author: n.authorId === pair.mentor.id ? pair.mentor.name : pair.mentee.name,
    done: n.doneAt !== null,
  }));
  return {
    id: mentorship.id,
    role,
    active,
    otherName: other.name,
    mentorName: pair.mentor.name,
    menteeName: pair.mentee.name,
    startedAt: mentorship.startedAt ? formatDateTime(mentorship.startedAt, timeZone) : null,
    endedAt: mentorship.endedAt ? formatDateTime(mentorship.endedAt, timeZone) : null,
    timeZone,
    zone: zoneLabel(timeZone, now),
    today: instantToLocalInput(now, timeZone).slice(0, 10),
    upcoming: sessions.filter((s) => s.upcoming),
    past: sessions.filter((s) => !s.upcoming).reverse(),
    privateNotes: role === "mentor" ? notes.filter((n) => n.visibility === "private") : [],
    sharedNotes: notes.filter((n) => n.visibility === "shared" && n.kind === "note"),
    actions: notes.filter((n) => n.visibility === "shared" && n.kind === "action"),
    shareable: role === "mentee" && active ? shareableStepsFor(pair) : [],
    sharedAnswers: sharedAnswersForMentor(pair, viewerId, timeZone),
    whatsApp: whatsAppContactFor(pair),
  };
}

export type Workspace = ReturnType<typeof workspaceFor>;
