import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "~db/client.server";
import { cohortMembers, curriculumSteps, matchProposals, menteeProfiles, mentoringSessions, mentorProfiles, mentorshipCheckIns, mentorshipNotes, mentorships, sharedStepAnswers, users } from "~db/schema";
import { instantFor, jsonText, listText, type DataSubject, type PersonalDataRow, type PersonalDataSection } from "~/utils/personal-data";

type Pair = { id: string; role: "mentor" | "mentee"; otherName: string };

const mentorUser = alias(users, "mentor_user");
const menteeUser = alias(users, "mentee_user");

function pairsOf(userId: string) {
  return db
    .select({ mentorship: mentorships, mentorName: mentorUser.name, menteeName: menteeUser.name })
    .from(mentorships)
    .innerJoin(mentorUser, eq(mentorUser.id, mentorships.mentorId))
    .innerJoin(menteeUser, eq(menteeUser.id, mentorships.menteeId))
    .where(or(eq(mentorships.mentorId, userId), eq(mentorships.menteeId, userId)))
    .orderBy(asc(mentorships.createdAt))
    .all();
}

function profileRows(subject: DataSubject): PersonalDataRow[] {
  const at = (instant: number | null) => instantFor(subject, instant);
  const mentor = db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, subject.userId)).get();
  const mentee = db.select().from(menteeProfiles).where(eq(menteeProfiles.userId, subject.userId)).get();
  const rows: PersonalDataRow[] = [];
  if (mentor) {
    rows.push({
      profile: "mentor",
      headline: mentor.headline,
      bioOrGoals: mentor.bio,
      industries: listText(mentor.industries),
      skillsOrRoles: listText(mentor.skills),
      languages: listText(mentor.languages),
      city: mentor.city,
      formats: listText(mentor.formats),
      availability: jsonText(mentor.availability),
      timeZone: mentor.timeZone,
      placesOrRemote: `${mentor.capacity} places${mentor.remote ? ", remote too" : ""}${mentor.accepting ? "" : ", not accepting"}`,
      status: mentor.status,
      createdAt: at(mentor.createdAt),
      updatedAt: at(mentor.updatedAt),
    });
  }
  if (mentee) {
    rows.push({
      profile: "mentee",
      headline: null,
      bioOrGoals: mentee.goals,
      industries: listText(mentee.industries),
      skillsOrRoles: listText(mentee.targetRoles),
      languages: listText(mentee.languages),
      city: mentee.city,
      formats: listText(mentee.formats),
      availability: jsonText(mentee.availability),
      timeZone: mentee.timeZone,
      placesOrRemote: null,
      status: null,
      createdAt: at(mentee.createdAt),
      updatedAt: at(mentee.updatedAt),
    });
  }
  return rows;
}

/**
 * The person's mentoring: profiles, mentorships (the other person by the name the app shows them),
 * sessions, check-ins, the notes they wrote and the shared notes of their pairs, and the steps they
 * shared. A mentor's private notes are the mentor's (ADR 0016): a mentee learns only how many exist.
 */
export function personalDataInMentoring(subject: DataSubject): PersonalDataSection {
  const { userId } = subject;
  const at = (instant: number | null) => instantFor(subject, instant);
  const rows = pairsOf(userId);
  const pairs = new Map<string, Pair>(
    rows.map(({ mentorship, mentorName, menteeName }) => {
      const role = mentorship.mentorId === userId ? "mentor" : "mentee";
      return [mentorship.id, { id: mentorship.id, role, otherName: role === "mentor" ? menteeName : mentorName }];
    }),
  );
  const pairIds = [...pairs.keys()];
  const inPairs = <T>(query: (ids: string[]) => T[]): T[] => (pairIds.length ? query(pairIds) : []);
  const sessions = inPairs((ids) => db.select().from(mentoringSessions).where(inArray(mentoringSessions.mentorshipId, ids)).orderBy(asc(mentoringSessions.startsAt)).all());
  const notes = inPairs((ids) =>
    db
      .select()
      .from(mentorshipNotes)
      .where(and(inArray(mentorshipNotes.mentorshipId, ids), or(eq(mentorshipNotes.authorId, userId), eq(mentorshipNotes.visibility, "shared"))))
      .orderBy(asc(mentorshipNotes.createdAt))
      .all(),
  );
  const othersPrivateNotes = inPairs((ids) =>
    db
      .select({ id: mentorshipNotes.id })
      .from(mentorshipNotes)
      .where(and(inArray(mentorshipNotes.mentorshipId, ids), eq(mentorshipNotes.visibility, "private"), ne(mentorshipNotes.authorId, userId)))
      .all(),
  ).length;
  const shared = db
    .select({ mentorshipId: sharedStepAnswers.mentorshipId, step: curriculumSteps.title, sharedAt: sharedStepAnswers.sharedAt })
    .from(sharedStepAnswers)
    .innerJoin(cohortMembers, eq(cohortMembers.id, sharedStepAnswers.memberId))
    .innerJoin(curriculumSteps, eq(curriculumSteps.id, sharedStepAnswers.stepId))
    .where(eq(cohortMembers.userId, userId))
    .all();
  const proposals = db
    .select()
    .from(matchProposals)
    .where(or(eq(matchProposals.menteeId, userId), eq(matchProposals.mentorId, userId)))
    .all();
  const checkIns = db.select().from(mentorshipCheckIns).where(eq(mentorshipCheckIns.userId, userId)).orderBy(asc(mentorshipCheckIns.dueAt)).all();
  const withWhom = (mentorshipId: string) => pairs.get(mentorshipId)?.otherName ?? "";
  return {
    area: "mentoring",
    title: "Mentoring",
    description: "Your mentoring profiles, your mentorships and their sessions, your check-in answers, your notes and the shared notes of your pairs, and the programme steps you shared.",
    tables: [
      { name: "mentoring-profiles", title: "Your profiles", sources: ["mentor_profiles", "mentee_profiles"], rows: profileRows(subject) },
      {
        name: "mentorships",
        title: "Mentorships",
        sources: ["mentorships"],
        rows: rows.map(({ mentorship }) => {
          const pair = pairs.get(mentorship.id)!;
          return {
            youAre: pair.role,
            with: pair.otherName,
            how: mentorship.source,
            status: mentorship.status,
            requestMessage: mentorship.requestMessage,
            askedAt: at(mentorship.createdAt),
            answeredAt: at(mentorship.respondedAt),
            declineReason: mentorship.declineReason,
            startedAt: at(mentorship.startedAt),
            endedAt: at(mentorship.endedAt),
            endedBy: mentorship.endedBy === null ? null : mentorship.endedBy === userId ? "you" : pair.otherName,
            endReason: mentorship.endReason,
            yourRating: pair.role === "mentor" ? mentorship.mentorEndRating : mentorship.menteeEndRating,
            // Each side's choice is theirs: the other person's appears in their own download.
            youShowYourWhatsappSince: at(pair.role === "mentor" ? mentorship.mentorSharesWhatsappAt : mentorship.menteeSharesWhatsappAt),
          };
        }),
      },
      {
        name: "mentoring-sessions",
        title: "Sessions",
        sources: ["mentoring_sessions"],
        rows: sessions.map((session) => {
          const role = pairs.get(session.mentorshipId)!.role;
          return {
            with: withWhom(session.mentorshipId),
            startsAt: at(session.startsAt),
            minutes: session.durationMinutes,
            format: session.format,
            location: session.location,
            agenda: session.agenda,
            status: session.status,
            proposedBy: session.proposedBy === userId ? "you" : withWhom(session.mentorshipId),
            yourOutcome: role === "mentor" ? session.mentorOutcome : session.menteeOutcome,
            yourRating: role === "mentee" ? session.menteeRating : null,
            yourComment: role === "mentee" ? session.menteeComment : "",
          };
        }),
      },
      {
        name: "mentoring-notes",
        title: "Notes",
        sources: ["mentorship_notes"],
        rows: notes.map((note) => ({
          mentorshipWith: withWhom(note.mentorshipId),
          writtenBy: note.authorId === userId ? "you" : withWhom(note.mentorshipId),
          visibility: note.visibility,
          kind: note.kind,
          body: note.body,
          doneAt: at(note.doneAt),
          writtenAt: at(note.createdAt),
          updatedAt: at(note.updatedAt),
        })),
      },
      {
        name: "shared-steps",
        title: "Programme steps you shared with a mentor",
        sources: ["shared_step_answers"],
        rows: shared.map((row) => ({ mentor: withWhom(row.mentorshipId), step: row.step, sharedAt: at(row.sharedAt) })),
      },
      {
        name: "mentoring-check-ins",
        title: "Check-ins",
        sources: ["mentorship_check_ins"],
        rows: checkIns.map((row) => ({ mentorshipWith: withWhom(row.mentorshipId), dueAt: at(row.dueAt), sentAt: at(row.sentAt), yourRating: row.rating, ratedAt: at(row.ratedAt) })),
      },
      {
        name: "match-proposals",
        title: "Group matching",
        sources: ["match_proposals"],
        rows: proposals.map((row) => ({ youWereProposedAs: row.menteeId === userId ? "mentee" : "mentor", score: row.score, reasons: listText(row.reasons), outcome: row.outcome })),
      },
    ],
    notes: [
      ...(othersPrivateNotes
        ? [
            `${othersPrivateNotes === 1 ? "1 private note exists" : `${othersPrivateNotes} private notes exist`}, kept by their author, your mentor: a mentor's private notes are theirs alone, so their words are not in this download.`,
          ]
        : []),
      "Your answers to the programme's exercises are in the programme section; here are only the steps you chose to show a mentor.",
    ],
  };
}
