import { asc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { achievements, consentRecords, curriculumSteps, exerciseAnswers, guardianConsents, mentorshipNotes, partnerEnquiries, registrations } from "~db/schema";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { hashToken, randomId } from "~/utils/ids.server";
import { checkIn, registerForEvent, saveFeedback } from "~/modules/events/index.server";
import { addApplication } from "~/modules/cohorts/index.server";
import { addNote } from "~/modules/mentoring/index.server";
import { recordOwnOutcome, saveStory } from "~/modules/journey/index.server";
import { recordAudit } from "~/modules/organisation/index.server";
import { enqueueMessage, saveNotificationChoices } from "~/modules/outbox/index.server";
import { addQuestion, createTestEvent, runAllDue } from "./event-factories";
import { createUser, signIn, type TestUser } from "./factories";
import { createMentor } from "./mentoring-factories";
import { activeMentorship, insertSession, menteeProfile } from "./mentoring-workspace-factories";
import { installTestCurriculum, join, makeCohort } from "./programme-factories";
import { createOpenCampaign, insertGift, pledgeTransfer } from "./sponsorship-factories";

// A person with something in every area that holds personal data, beside a bystander who must
// keep everything and a mentor who keeps their own notes. The person's name, address and phone
// number are unusual strings, so a search of the database file's bytes finds only them.

export const PHONE = "08031234567";

export type ErasureWorld = {
  person: TestUser;
  bystander: TestUser;
  mentor: TestUser;
  organiser: TestUser;
  eventId: string;
  campaignId: string;
  mentorshipId: string;
  mentorNoteId: string;
  bystanderRegistrationId: string;
  personGiftIds: string[];
};

export async function buildErasureWorld(label: string): Promise<ErasureWorld> {
  const person = await createUser({ name: `Adaeze ${label} Nwankwo-Obi`, email: `adaeze.${label.toLowerCase()}@example.org` });
  const bystander = await createUser({ name: `Grace ${label} Bystander` });
  const mentor = await createMentor({ name: `Tunde ${label} Mentor` });
  const organiser = await createUser({ name: `Bola ${label} Organiser`, roles: ["organiser"] });
  signIn(person.id);

  // Events: a booking with an answer, attendance and a feedback comment.
  const event = createTestEvent({ startsAt: clock.now() + HOUR });
  const question = addQuestion(event.id, { label: "How can we reach you?", kind: "text" });
  for (const [who, answer] of [
    [person, `Call me on ${PHONE}, ${person.name}`],
    [bystander, "By email, thanks"],
  ] as const) {
    const booked = registerForEvent(who.id, event.id, { [question.id]: answer });
    if (!booked.ok) throw new Error(booked.message);
  }
  const byUser = (userId: string) => db.select().from(registrations).where(eq(registrations.userId, userId)).get()!;
  clock.advance(HOUR);
  checkIn({ eventId: event.id, by: organiser.id, registrationId: byUser(person.id).id });
  checkIn({ eventId: event.id, by: organiser.id, registrationId: byUser(bystander.id).id });
  saveFeedback(byUser(person.id).id, { rating: 5, comment: `Loved it, ${person.name}` });

  // Cohorts: a completed answer, a job application.
  const curriculumId = installTestCurriculum();
  const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-01-05" });
  const memberId = join(person, cohortId);
  const firstStep = db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).get()!;
  db.insert(exerciseAnswers)
    .values({ memberId, stepId: firstStep.id, answer: { feeling: `I am ${person.name}, reach me on ${PHONE}` }, completedAt: clock.now(), updatedAt: clock.now() })
    .run();
  addApplication({ userId: person.id, values: { company: "Zenith Bank", role: "Graduate analyst", appliedOn: "2026-11-02", status: "hired" } });

  // Mentoring: a profile, notes on both sides, one by the mentor naming the person, a session.
  menteeProfile(person.id);
  const mentorshipId = activeMentorship(mentor.id, person.id);
  addNote({ mentorshipId, userId: person.id, type: "shared", body: `My own plan, by ${person.name}` });
  addNote({ mentorshipId, userId: mentor.id, type: "shared", body: `Adaeze did well at the mock interview. ${person.name} should apply to banks.` });
  const mentorNoteId = db.select().from(mentorshipNotes).all().find((note) => note.authorId === mentor.id)!.id;
  insertSession({ mentorshipId, proposedBy: person.id, startsAt: clock.now() - DAY, location: `Phone ${PHONE}` });

  // Journey: an outcome, a story that names the person, a certificate in their name.
  recordOwnOutcome(person.id, { kind: "job", employer: `Obi ${label} Holdings`, sector: "Banking", hours: "full_time", startedOn: "2026-11-20", fromTracker: false });
  saveStory(person.id, { story: `The mock interviews helped most. ${person.name}, ${PHONE}`, mayQuote: true, byName: true });
  db.insert(achievements).values({ id: randomId(16), userId: person.id, kind: "event", eventId: event.id, recipientName: person.name, statement: `${person.name} attended`, organisationName: "Org", earnedAt: clock.now() }).run();

  // Sponsorship: paid gifts on the account and as a guest, a pending pledge, a partner enquiry.
  const campaign = createOpenCampaign();
  const personGiftIds = [
    insertGift(campaign, { amount: 20_000_00, name: person.name, email: person.email, userId: person.id }),
    // Given as a guest before signing up: found by the address.
    insertGift(campaign, { amount: 2_500_00, name: person.name, email: person.email }),
  ];
  const pledge = pledgeTransfer(campaign, { name: person.name, email: person.email, message: `From ${person.name} with love` });
  insertGift(campaign, { amount: 7_000_00, name: bystander.name, email: bystander.email });
  db.insert(partnerEnquiries)
    .values({ id: randomId(16), organisationName: "Obi Ventures", contactName: person.name, email: person.email, phone: PHONE, kind: "volunteering", message: "We can help", createdAt: clock.now(), updatedAt: clock.now() })
    .run();

  // Auth: consents and a guardian's details; outbox: a message naming the person sent to the mentor.
  db.insert(consentRecords).values({ id: randomId(16), userId: person.id, purpose: "privacy_notice", granted: true, noticeVersion: 1, source: "signup", at: clock.now() }).run();
  db.insert(guardianConsents)
    .values({ id: randomId(16), userId: person.id, requestedEmail: `guardian.${label.toLowerCase()}@example.org`, tokenHash: hashToken(randomId()), requestedAt: clock.now(), expiresAt: clock.now() + DAY, guardianName: `Mama ${person.name}`, guardianPhone: PHONE })
    .run();
  db.transaction((tx) => {
    enqueueMessage(tx, mentor.email, "mentor-request", { name: mentor.name, menteeName: person.name, respondBy: "Wednesday 2 December 2026", url: "https://steppingstone.example/me/mentoring" });
    recordAudit(tx, { actorId: organiser.id, action: "invitation.created", targetType: "invitation", targetId: "x", details: { email: person.email, name: person.name } });
  });
  saveNotificationChoices(person.email, []);
  await runAllDue();

  return {
    person,
    bystander,
    mentor,
    organiser,
    eventId: event.id,
    campaignId: campaign.id,
    mentorshipId,
    mentorNoteId,
    bystanderRegistrationId: byUser(bystander.id).id,
    personGiftIds: [...personGiftIds, pledge.id],
  };
}
