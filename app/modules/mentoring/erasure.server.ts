import { and, eq, gt, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "~db/client.server";
import { menteeProfiles, mentorProfiles, mentoringSessions, mentorshipNotes, mentorships, sharedStepAnswers } from "~db/schema";
import { mayMention, redactText, type ErasedPerson } from "~/utils/redact.server";

/**
 * The person's profiles and the notes they wrote go. The other side keeps their own notes, with
 * every mention of the person replaced by "[removed]". Mentorships, sessions and check-ins stay
 * for the programme's counts, without their free text (messages, reasons, agendas, places,
 * comments); a mentorship still open ends, and sessions still to come are cancelled.
 */
export function eraseMentoringData(tx: Tx, person: ErasedPerson, at: number): void {
  const { userId } = person;
  tx.delete(mentorProfiles).where(eq(mentorProfiles.userId, userId)).run();
  tx.delete(menteeProfiles).where(eq(menteeProfiles.userId, userId)).run();
  tx.delete(mentorshipNotes).where(eq(mentorshipNotes.authorId, userId)).run();
  const pairs = tx
    .select({ id: mentorships.id, status: mentorships.status })
    .from(mentorships)
    .where(or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId)))
    .all();
  const ids = pairs.map((pair) => pair.id);
  // In their own mentorships a first name alone means them; elsewhere only their full name does.
  const notesWhere = (condition: SQL | undefined) =>
    tx.select({ id: mentorshipNotes.id, mentorshipId: mentorshipNotes.mentorshipId, body: mentorshipNotes.body }).from(mentorshipNotes).where(condition).all();
  const candidates = [
    ...notesWhere(and(inArray(mentorshipNotes.mentorshipId, ids), mayMention([mentorshipNotes.body], person, { nameParts: true }))),
    ...notesWhere(and(notInArray(mentorshipNotes.mentorshipId, ids), mayMention([mentorshipNotes.body], person))),
  ];
  for (const note of candidates) {
    const body = redactText(note.body, person, { nameParts: ids.includes(note.mentorshipId) });
    if (body !== note.body) tx.update(mentorshipNotes).set({ body, updatedAt: at }).where(eq(mentorshipNotes.id, note.id)).run();
  }
  if (!pairs.length) return;
  // The pair ends, so neither side's WhatsApp choice has anything left to show.
  tx.update(mentorships)
    .set({ requestMessage: "", declineReason: "", endReason: "", mentorSharesWhatsappAt: null, menteeSharesWhatsappAt: null })
    .where(inArray(mentorships.id, ids))
    .run();
  for (const pair of pairs) {
    if (pair.status === "proposed") tx.update(mentorships).set({ status: "withdrawn", respondedAt: at }).where(eq(mentorships.id, pair.id)).run();
    if (pair.status === "active") tx.update(mentorships).set({ status: "ended", endedAt: at, endedBy: null }).where(eq(mentorships.id, pair.id)).run();
  }
  tx.update(mentoringSessions).set({ location: "", agenda: "", menteeComment: "", updatedAt: at }).where(inArray(mentoringSessions.mentorshipId, ids)).run();
  tx.update(mentoringSessions)
    // A new sequence, so the other side's calendar drops the session.
    .set({ status: "cancelled", sequence: sql`${mentoringSessions.sequence} + 1` })
    .where(and(inArray(mentoringSessions.mentorshipId, ids), inArray(mentoringSessions.status, ["proposed", "confirmed"]), gt(mentoringSessions.startsAt, at)))
    .run();
  tx.delete(sharedStepAnswers).where(inArray(sharedStepAnswers.mentorshipId, ids)).run();
}
