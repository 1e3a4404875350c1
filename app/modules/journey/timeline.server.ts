import { registrationHistoryOf } from "~/modules/events/index.server";
import { cohortHistoryOf } from "~/modules/cohorts/index.server";
import { mentoringHistoryOf } from "~/modules/mentoring/index.server";
import { followUpsOf } from "./follow-ups.server";
import { outcomesOf } from "./outcomes.server";
import { OUTCOME_KIND_LABELS, JOB_HOURS_LABELS, OUTCOME_SOURCE_LABELS } from "./schemas";

// A person's journey on one dated list, for organisers: each area says what happened through its
// front door, and says only what organisers may see (completion, not answers; sessions, not notes).

export const TIMELINE_KINDS = ["event", "cohort", "mentoring", "outcome", "follow-up"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry = { at: number; kind: TimelineKind; title: string; detail: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function eventEntries(userId: string): TimelineEntry[] {
  return registrationHistoryOf(userId).flatMap((stop) => {
    const entries: TimelineEntry[] = [
      { at: stop.registeredAt, kind: "event", title: `Registered for ${stop.eventTitle}`, detail: stop.status === "confirmed" ? "Place confirmed" : `On the ${stop.status === "offered" ? "waiting list, offered a place" : "waiting list"}` },
    ];
    if (stop.checkedInAt !== null) entries.push({ at: stop.checkedInAt, kind: "event", title: `Attended ${stop.eventTitle}`, detail: "Checked in at the door" });
    return entries;
  });
}

function cohortEntries(userId: string): TimelineEntry[] {
  return cohortHistoryOf(userId).flatMap((stop) => [
    { at: stop.joinedAt, kind: "cohort" as const, title: `Joined ${stop.cohortName}`, detail: `${plural(stop.stepsDone.length, "step")} of ${stop.stepCount} done so far` },
    ...stop.stepsDone.map((step) => ({ at: step.completedAt, kind: "cohort" as const, title: `Completed step ${step.position}: ${step.title}`, detail: stop.cohortName })),
    ...(stop.certificateAt === null ? [] : [{ at: stop.certificateAt, kind: "cohort" as const, title: `Finished ${stop.cohortName}`, detail: "Programme certificate" }]),
  ]);
}

function mentoringEntries(userId: string): TimelineEntry[] {
  return mentoringHistoryOf(userId).flatMap((stop) => {
    const as = stop.role === "mentor" ? `Mentoring ${stop.otherName}` : `Mentored by ${stop.otherName}`;
    return [
      ...(stop.startedAt === null ? [] : [{ at: stop.startedAt, kind: "mentoring" as const, title: as, detail: `Mentorship began; ${plural(stop.sessions.length, "session")} held` }]),
      ...stop.sessions.map((session) => ({ at: session.startsAt, kind: "mentoring" as const, title: `Session with ${stop.otherName}`, detail: `${session.durationMinutes} minutes, ${session.format.replace(/_/g, " ")}` })),
      ...(stop.endedAt === null ? [] : [{ at: stop.endedAt, kind: "mentoring" as const, title: `Mentorship with ${stop.otherName} ended`, detail: "" }]),
    ];
  });
}

function outcomeEntries(userId: string): TimelineEntry[] {
  return outcomesOf(userId).map((outcome) => ({
    at: outcome.recordedAt,
    kind: "outcome",
    title: OUTCOME_KIND_LABELS[outcome.kind],
    detail: [outcome.employer, outcome.sector, outcome.hours ? JOB_HOURS_LABELS[outcome.hours] : "", outcome.startedOn ? `from ${outcome.startedOn}` : "", OUTCOME_SOURCE_LABELS[outcome.source]]
      .filter(Boolean)
      .join(" · "),
  }));
}

function followUpEntries(userId: string): TimelineEntry[] {
  return followUpsOf([userId]).flatMap((row) => {
    const what = `"Where are you now?" ${row.monthsAfter} months after the ${row.trigger === "cohort" ? "cohort" : "mentorship"}`;
    if (row.sentAt === null) return [];
    return [
      { at: row.sentAt, kind: "follow-up" as const, title: `Asked ${what}`, detail: row.remindedAt === null ? "" : "Reminded once" },
      ...(row.answeredAt === null ? [] : [{ at: row.answeredAt, kind: "follow-up" as const, title: "Answered the follow-up", detail: "" }]),
    ];
  });
}

/** Everything on the person's journey, newest first. */
export function journeyOf(userId: string): TimelineEntry[] {
  return [...eventEntries(userId), ...cohortEntries(userId), ...mentoringEntries(userId), ...outcomeEntries(userId), ...followUpEntries(userId)].sort((a, b) => b.at - a.at);
}
