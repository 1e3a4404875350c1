import { and, desc, eq, or } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorships } from "~db/schema";
import { notFound } from "~/utils/http.server";
import { peopleIn, personIn, requireOwnMentorship, type Mentorship, type Person } from "./mentorships.server";
import { cancelSessionsOfEndedMentorship } from "./sessions.server";
import { absoluteUrl } from "~/utils/urls.server";
import { enqueueMessage } from "~/modules/outbox/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";

const endPath = (id: string) => `/me/mentoring/${id}/end`;

type Side = "mentor" | "mentee";
type EndOutcome = Outcome;

function ownMentorship(userId: string, id: string): { row: Mentorship; side: Side } {
  const row = requireOwnMentorship(id, userId);
  // Requests never accepted have no ending to rate.
  if (!(row.status === "active" || row.status === "ended")) notFound("We could not find that mentorship.");
  return { row, side: row.mentorId === userId ? "mentor" : "mentee" };
}

const ratingColumn = (side: Side): "mentorEndRating" | "menteeEndRating" => (side === "mentor" ? "mentorEndRating" : "menteeEndRating");

type EndPage = {
  id: string;
  status: "active" | "ended";
  side: Side;
  other: Person;
  myRating: number | null;
  endedByMe: boolean;
  endedAt: number | null;
};

/** The end page for one of the pair; a 404 for anyone else and for requests never accepted. */
export function endPageFor(userId: string, id: string): EndPage {
  const { row, side } = ownMentorship(userId, id);
  return {
    id: row.id,
    status: row.status as "active" | "ended",
    side,
    other: personIn(db, side === "mentor" ? row.menteeId : row.mentorId),
    myRating: row[ratingColumn(side)],
    endedByMe: row.endedBy === userId,
    endedAt: row.endedAt,
  };
}

/** Either side ends an active mentorship, with a reason and their rating; the other is asked for theirs. */
export function endMentorship(userId: string, id: string, input: { reason: string; rating: number }): EndOutcome {
  const now = clock.now();
  ownMentorship(userId, id);
  return db.transaction(
    (tx): EndOutcome => {
      const row = tx.select().from(mentorships).where(eq(mentorships.id, id)).get()!;
      if (row.status !== "active") return refuse("This mentorship has already ended.");
      const side: Side = row.mentorId === userId ? "mentor" : "mentee";
      tx.update(mentorships)
        .set({ status: "ended", endedAt: now, endedBy: userId, endReason: input.reason, [ratingColumn(side)]: input.rating })
        .where(and(eq(mentorships.id, id), eq(mentorships.status, "active")))
        .run();
      cancelSessionsOfEndedMentorship(tx, id, now);
      const me = personIn(tx, userId);
      const other = personIn(tx, side === "mentor" ? row.menteeId : row.mentorId);
      enqueueMessage(tx, other.email, "mentorship-ended", { name: other.name, otherName: me.name, url: absoluteUrl(endPath(id)) });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** Records (or replaces) the viewer's own rating of an ended mentorship. */
export function rateEndedMentorship(userId: string, id: string, rating: number): EndOutcome {
  const { row, side } = ownMentorship(userId, id);
  if (row.status !== "ended") return refuse("You can rate the mentorship once it has ended.");
  db.update(mentorships)
    .set({ [ratingColumn(side)]: rating })
    .where(eq(mentorships.id, id))
    .run();
  return { ok: true };
}

export type MentorshipListItem = {
  id: string;
  status: Mentorship["status"];
  side: Side;
  other: Person;
  createdAt: number;
  respondBy: number | null;
  startedAt: number | null;
  endedAt: number | null;
  requestMessage: string;
  declineReason: string;
  myEndRating: number | null;
};

/** Every request and mentorship the person is part of, on either side, newest first. */
export function mentorshipsOf(userId: string): MentorshipListItem[] {
  const rows = db
    .select()
    .from(mentorships)
    .where(or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId)))
    .orderBy(desc(mentorships.createdAt), desc(mentorships.id))
    .all();
  const person = peopleIn(db, rows.map((row) => (row.mentorId === userId ? row.menteeId : row.mentorId)));
  return rows.map((row) => {
    const side: Side = row.mentorId === userId ? "mentor" : "mentee";
    return {
      id: row.id,
      status: row.status,
      side,
      other: person(side === "mentor" ? row.menteeId : row.mentorId),
      createdAt: row.createdAt,
      respondBy: row.respondBy,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      requestMessage: row.requestMessage,
      declineReason: row.declineReason,
      myEndRating: row[ratingColumn(side)],
    };
  });
}
