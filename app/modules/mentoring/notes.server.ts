import { and, asc, eq, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorshipNotes } from "~db/schema";
import { notFound } from "~/utils/http.server";
import { randomId } from "~/utils/ids.server";
import { mentorshipForViewer, type ViewerMentorship } from "./mentorships.server";
import type { NoteType } from "./session-schemas";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";

type NoteRow = typeof mentorshipNotes.$inferSelect;
type NoteResult = Outcome<{ message: string }>;

/**
 * The notes one side of the pair may read. Private notes belong to the mentor alone: the query
 * itself leaves them out for anyone else, so they never reach the mentee's page or data.
 */
export function notesFor(pair: ViewerMentorship, viewerId: string): NoteRow[] {
  const visible =
    pair.role === "mentor" && viewerId === pair.mentorship.mentorId
      ? or(eq(mentorshipNotes.visibility, "shared"), and(eq(mentorshipNotes.visibility, "private"), eq(mentorshipNotes.authorId, viewerId)))
      : eq(mentorshipNotes.visibility, "shared");
  return db
    .select()
    .from(mentorshipNotes)
    .where(and(eq(mentorshipNotes.mentorshipId, pair.mentorship.id), visible))
    .orderBy(asc(mentorshipNotes.createdAt), asc(mentorshipNotes.id))
    .all();
}

/** Either side writes shared notes and action items; only the mentor writes private notes. */
export function addNote({ mentorshipId, userId, type, body }: { mentorshipId: string; userId: string; type: NoteType; body: string }): NoteResult {
  const now = clock.now();
  const pair = mentorshipForViewer(mentorshipId, userId);
  if (pair.mentorship.status !== "active") return refuse("This mentorship has ended, so no new notes can be added.");
  if (type === "private" && pair.role !== "mentor") return refuse("Only the mentor keeps private notes. Add a shared note instead.");
  db.insert(mentorshipNotes)
    .values({
      id: randomId(16),
      mentorshipId,
      authorId: userId,
      visibility: type === "private" ? "private" : "shared",
      kind: type === "action" ? "action" : "note",
      body,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { ok: true, message: type === "private" ? "Private note saved. Only you can read it." : type === "action" ? "Action item added." : "Shared note saved." };
}

/** A note this viewer can see; a 404 for anything else, a mentor's private note included. */
function visibleNote(pair: ViewerMentorship, viewerId: string, noteId: string): NoteRow {
  const note = notesFor(pair, viewerId).find((n) => n.id === noteId);
  if (!note) notFound("We could not find that note.");
  return note;
}

/** Either side ticks an action item done, or opens it again. */
export function setActionDone({ mentorshipId, userId, noteId, done }: { mentorshipId: string; userId: string; noteId: string; done: boolean }): NoteResult {
  const now = clock.now();
  const pair = mentorshipForViewer(mentorshipId, userId);
  const note = visibleNote(pair, userId, noteId);
  if (note.kind !== "action") return refuse("Only action items can be ticked off.");
  if (pair.mentorship.status !== "active") return refuse("This mentorship has ended, so its action items cannot change.");
  db.update(mentorshipNotes)
    .set({ doneAt: done ? now : null, updatedAt: now })
    .where(eq(mentorshipNotes.id, note.id))
    .run();
  return { ok: true, message: done ? "Ticked off. Well done." : "Opened again." };
}

/** The author removes their own note. */
export function deleteNote({ mentorshipId, userId, noteId }: { mentorshipId: string; userId: string; noteId: string }): NoteResult {
  const pair = mentorshipForViewer(mentorshipId, userId);
  const note = visibleNote(pair, userId, noteId);
  if (note.authorId !== userId) return refuse("Only the person who wrote a note can delete it.");
  db.delete(mentorshipNotes).where(eq(mentorshipNotes.id, note.id)).run();
  return { ok: true, message: "Note deleted." };
}
