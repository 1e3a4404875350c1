import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import {
  achievements,
  bankStatements,
  statementLines,
  auditLog,
  calendarFeeds,
  certificates,
  cohortInvitations,
  cohortMembers,
  consentRecords,
  dataSubjectRequests,
  donations,
  emailPreferences,
  emailTokens,
  eventFeedback,
  exerciseAnswers,
  followUps,
  guardianConsents,
  invitations,
  jobApplications,
  matchProposals,
  menteeProfiles,
  mentoringSessions,
  mentorProfiles,
  mentorshipCheckIns,
  mentorshipNotes,
  mentorships,
  outcomes,
  outbox,
  partnerEnquiries,
  recurringGifts,
  registrationAnswers,
  registrations,
  sharedStepAnswers,
  stepNudges,
  stories,
  users,
} from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { stepIdsOf } from "~/modules/curriculum/index.server";
import { addQuestion, createTestEvent } from "./event-factories";
import { createUser, signIn, type TestUser } from "./factories";
import { createMatchRun } from "./mentoring-factories";
import { installTestCurriculum, makeCohort } from "./programme-factories";
import { createOpenCampaign, insertGift } from "./sponsorship-factories";

// Two people with something planted in every table that holds personal data: A, whose download
// is tested, and B (with A's mentor), whose words must never reach A's download. Every free-text
// or identity value is a unique marker, so a test can look for each one in the ZIP.

export type MarkerWorld = {
  a: TestUser;
  b: TestUser;
  mentor: TestUser;
  /** Must be in A's download, each in data.json and in index.html. */
  mine: Map<string, string>;
  /** Must be nowhere in A's download: other people's data, and A's secrets. */
  notMine: Map<string, string>;
};

export async function plantMarkerWorld(): Promise<MarkerWorld> {
  const mine = new Map<string, string>();
  const notMine = new Map<string, string>();
  const markIn = (list: Map<string, string>) => (label: string) => {
    const value = `${label}-${randomId(5)}`;
    list.set(label, value);
    return value;
  };
  const m = markIn(mine);
  const x = markIn(notMine);
  const now = clock.now();

  // auth
  const a = await createUser({ name: m("a-name"), email: `${m("a-email")}@example.org` });
  const b = await createUser({ name: x("b-name"), email: `${x("b-email")}@example.org` });
  const mentor = await createUser({ name: m("mentor-display-name"), email: `${x("mentor-email")}@example.org`, roles: ["mentor"] });
  const organiser = await createUser({ name: x("organiser-name"), email: `${x("organiser-email")}@example.org`, roles: ["organiser"] });
  db.update(users).set({ birthDate: "2009-02-28", guardianConsent: "given" }).where(eq(users.id, a.id)).run();
  signIn(a.id, m("a-user-agent"));
  signIn(b.id, x("b-user-agent"));
  db.insert(emailTokens).values({ id: randomId(), userId: a.id, purpose: "change_email", tokenHash: hashToken(x("a-email-token")), email: `${m("a-new-email")}@example.org`, createdAt: now, expiresAt: now + HOUR }).run();
  db.insert(invitations).values({ id: randomId(), email: a.email.toUpperCase(), role: "mentor", tokenHash: hashToken(randomId()), invitedBy: organiser.id, createdAt: now, expiresAt: now + DAY }).run();
  db.insert(consentRecords).values({ id: randomId(), userId: a.id, purpose: m("a-consent-purpose"), granted: true, noticeVersion: 1, source: "signup", at: now }).run();
  db.insert(consentRecords).values({ id: randomId(), userId: b.id, purpose: x("b-consent-purpose"), granted: true, noticeVersion: 1, source: "signup", at: now }).run();
  db.insert(guardianConsents)
    .values({
      id: randomId(),
      userId: a.id,
      requestedEmail: `${m("a-guardian-asked")}@example.org`,
      tokenHash: hashToken(randomId()),
      requestedAt: now,
      expiresAt: now + DAY,
      guardianName: m("a-guardian-name"),
      guardianEmail: `${x("guardian-own-email")}@example.org`,
      guardianPhone: x("guardian-own-phone"),
      relationship: m("a-guardian-relationship"),
      agreedUses: [m("a-guardian-use")],
      method: "link",
      givenAt: now,
    })
    .run();

  // outbox
  for (const [person, mark] of [[a, m], [b, x]] as const) {
    db.insert(outbox)
      .values({ id: randomId(), recipient: person.email, template: "password-changed", props: { name: person.name }, subject: mark("subject"), text: mark("text"), status: "sent", nextAttemptAt: now, createdAt: now, sentAt: now })
      .run();
  }
  db.insert(emailPreferences).values({ address: a.email, token: x("a-preferences-token"), turnedOff: ["step-nudges"], updatedAt: now }).run();

  // organisation: an entry about A, and one A made about someone else
  db.insert(auditLog).values({ at: now, actorId: organiser.id, action: m("a-audit-action"), targetType: "user", targetId: a.id, details: { note: x("audit-details-about-a") } }).run();
  db.insert(auditLog).values({ at: now, actorId: a.id, action: m("a-audit-own-action"), targetType: "user", targetId: b.id, details: { note: x("audit-details-about-b") } }).run();

  // events
  const event = createTestEvent({ title: m("event-title") });
  const question = addQuestion(event.id, { label: m("question-label"), kind: "text" }).id;
  for (const [person, mark] of [[a, m], [b, x]] as const) {
    const registrationId = randomId();
    db.insert(registrations)
      .values({ id: registrationId, eventId: event.id, userId: person.id, status: "confirmed", checkInToken: x(`${person === a ? "a" : "b"}-check-in-token`), shortCode: mark("short-code"), checkedInAt: now, createdAt: now, updatedAt: now, confirmedAt: now })
      .run();
    db.insert(registrationAnswers).values({ registrationId, questionId: question, value: mark("booking-answer") }).run();
    db.insert(eventFeedback).values({ registrationId, rating: 4, comment: mark("feedback-comment"), createdAt: now }).run();
  }
  db.insert(calendarFeeds).values({ userId: a.id, token: x("a-feed-token"), createdAt: now }).run();

  // cohorts
  const curriculumId = installTestCurriculum();
  const [stepId] = stepIdsOf(curriculumId);
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-01-05", name: m("cohort-name") });
  const members = { a: randomId(), b: randomId() };
  for (const [person, memberId, mark] of [[a, members.a, m], [b, members.b, x]] as const) {
    db.insert(cohortMembers).values({ id: memberId, cohortId, userId: person.id, joinedAt: now, joinedVia: "code" }).run();
    db.insert(exerciseAnswers).values({ memberId, stepId, answer: { text: mark("exercise-answer") }, completedAt: now, updatedAt: now }).run();
    db.insert(jobApplications).values({ id: randomId(), userId: person.id, company: mark("company"), role: mark("job-role"), appliedOn: "2026-01-10", status: "applied", createdAt: now, updatedAt: now }).run();
    db.insert(certificates).values({ id: randomId(), memberId, userId: person.id, recipientName: mark("certificate-name"), curriculumTitle: "Steps", cohortName: "Cohort", organisationName: "Org", completedAt: now }).run();
  }
  db.insert(stepNudges).values({ memberId: members.a, stepId, sentAt: now }).run();
  db.insert(cohortInvitations).values({ id: randomId(), cohortId, email: a.email, invitedBy: organiser.id, createdAt: now }).run();

  // mentoring
  const profile = { createdAt: now, updatedAt: now };
  db.insert(mentorProfiles).values({ ...profile, userId: a.id, headline: m("a-headline"), bio: m("a-bio"), city: m("a-mentor-city") }).run();
  db.insert(mentorProfiles).values({ ...profile, userId: mentor.id, headline: x("mentor-headline"), bio: x("mentor-bio"), status: "approved" }).run();
  db.insert(menteeProfiles).values({ userId: a.id, targetRoles: [m("a-target-role")], goals: m("a-goals"), city: m("a-mentee-city"), createdAt: now, updatedAt: now }).run();
  const mentorshipId = randomId();
  db.insert(mentorships)
    .values({ id: mentorshipId, mentorId: mentor.id, menteeId: a.id, source: "request", status: "ended", requestMessage: m("request-message"), createdAt: now, respondedAt: now, startedAt: now, endedAt: now, endedBy: a.id, endReason: m("end-reason"), menteeEndRating: 5, mentorEndRating: 2 })
    .run();
  const declinedId = randomId();
  db.insert(mentorships).values({ id: declinedId, mentorId: mentor.id, menteeId: b.id, source: "request", status: "declined", requestMessage: x("b-request-message"), declineReason: x("b-decline-reason"), createdAt: now }).run();
  db.insert(mentoringSessions)
    .values({ id: randomId(), mentorshipId, proposedBy: mentor.id, startsAt: now, durationMinutes: 45, format: "video", location: m("session-location"), agenda: m("session-agenda"), status: "confirmed", menteeRating: 5, menteeComment: m("session-comment"), createdAt: now, updatedAt: now })
    .run();
  const note = (authorId: string, visibility: "private" | "shared", body: string) =>
    db.insert(mentorshipNotes).values({ id: randomId(), mentorshipId, authorId, visibility, body, createdAt: now, updatedAt: now }).run();
  note(a.id, "shared", m("a-shared-note"));
  note(mentor.id, "shared", m("mentor-shared-note"));
  note(mentor.id, "private", x("mentor-private-note"));
  note(mentor.id, "private", x("mentor-second-private-note"));
  db.insert(sharedStepAnswers).values({ mentorshipId, memberId: members.a, stepId, sharedAt: now }).run();
  db.insert(mentorshipCheckIns).values({ id: randomId(), mentorshipId, userId: a.id, dueAt: now, tokenHash: hashToken(randomId()), rating: 4, ratedAt: now }).run();
  db.insert(mentorshipCheckIns).values({ id: randomId(), mentorshipId, userId: mentor.id, dueAt: now, tokenHash: hashToken(randomId()), rating: 1, ratedAt: now }).run();
  const runId = createMatchRun();
  db.insert(matchProposals).values({ id: randomId(), runId, menteeId: a.id, mentorId: mentor.id, score: 80, reasons: [m("match-reason")] }).run();
  db.insert(matchProposals).values({ id: randomId(), runId, menteeId: b.id, mentorId: mentor.id, score: 70, reasons: [x("b-match-reason")] }).run();

  // journey: an outcome, a follow-up, a story and a certificate each, A's and B's
  for (const [person, mark] of [[a, m], [b, x]] as const) {
    const outcomeId = randomId();
    db.insert(outcomes).values({ id: outcomeId, userId: person.id, kind: "job", employer: mark("employer"), sector: mark("sector"), hours: "full_time", startedOn: "2026-03-01", source: "self", recordedAt: now }).run();
    db.insert(followUps).values({ id: randomId(), userId: person.id, trigger: "cohort", subjectId: cohortId, monthsAfter: 3, dueAt: now, tokenHash: hashToken(x(`${person === a ? "a" : "b"}-follow-up-token`)), sentAt: now, answeredAt: now, outcomeId, createdAt: now }).run();
    db.insert(stories).values({ id: randomId(), userId: person.id, text: mark("story-text"), mayQuote: true, byName: true, consentedAt: now, createdAt: now, updatedAt: now }).run();
    db.insert(achievements).values({ id: randomId(), userId: person.id, kind: "event", eventId: event.id, recipientName: mark("achievement-name"), statement: mark("achievement-statement"), organisationName: "Org", earnedAt: now }).run();
  }

  // sponsorship: a gift signed in, one with A's address while signed out, and B's
  const campaign = createOpenCampaign({ title: m("campaign-title") });
  const signedIn = insertGift(campaign, { amount: 500000, userId: a.id, email: a.email, name: m("donor-name") });
  const byAddress = insertGift(campaign, { amount: 250000, email: a.email.toUpperCase(), name: m("guest-donor-name") });
  const bGift = insertGift(campaign, { amount: 100000, userId: b.id, email: b.email, name: x("b-donor-name") });
  db.update(donations).set({ message: m("gift-message"), refundReason: m("refund-reason"), failureReason: m("failure-reason") }).where(eq(donations.id, signedIn)).run();
  db.update(donations).set({ message: m("guest-gift-message"), reference: m("transfer-reference") }).where(eq(donations.id, byAddress)).run();
  db.insert(recurringGifts).values({ subscriptionId: x("subscription-id"), customerId: x("customer-id"), firstDonationId: signedIn, createdAt: now }).run();
  // The bank's words for the transfer that paid A's gift, and for a credit that paid B's.
  const statementId = randomId();
  db.insert(bankStatements).values({ id: statementId, fileName: "november.csv", fileHash: randomId(), layout: "gtbank", importedAt: now, importedBy: organiser.id }).run();
  for (const [donationId, mark] of [[byAddress, m], [bGift, x]] as const) {
    db.insert(statementLines).values({ id: randomId(), statementId, lineKey: randomId(), postedOn: "2026-11-20", amount: 250000, currency: "NGN", narration: mark("bank-narration"), status: "confirmed", donationId, matchedBy: "reference" }).run();
  }
  for (const [email, mark] of [[a.email.toUpperCase(), m], [b.email, x]] as const) {
    db.insert(partnerEnquiries)
      .values({ id: randomId(), organisationName: mark("partner-organisation"), contactName: mark("partner-contact"), email, phone: mark("partner-phone"), kind: "sponsorship", message: mark("partner-message"), createdAt: now, updatedAt: now })
      .run();
  }

  // privacy
  for (const [person, mark] of [[a, m], [b, x]] as const) {
    db.insert(dataSubjectRequests)
      .values({ id: randomId(), userId: person.id, kind: "rectification", status: "completed", requesterName: mark("requester-name"), requesterContact: mark("requester-contact"), details: mark("request-details"), receivedAt: now, dueAt: now + 30 * DAY, closedAt: now, outcome: mark("request-outcome") })
      .run();
  }

  // A's password hash is a secret of A's that never leaves the database.
  notMine.set("a-password-hash", db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, a.id)).get()!.hash);
  return { a, b, mentor, mine, notMine };
}

