import { eq, notExists } from "drizzle-orm";
import { consentRecords, users } from "~db/schema";
import { DAY, HOUR } from "~/utils/clock.server";
import { isoDate } from "~/utils/dates";
import { agreeToEverything, checkSignupConsent, createSignupAccount, recordPaperConsent } from "~/modules/auth/index.server";
import { closeBreach, completeRequest, markBreachNotified, recordBreach, recordRequest } from "~/modules/privacy/index.server";
import { accepted, idOf, type DemoContext } from "./timeline";

// The privacy side of the demo: two young participants (one whose mother signed the paper form
// at a workshop, one still waiting for a guardian), a request for a copy of someone's data
// received by email, and a breach found, reported within the 72 hours and closed.

const ORGANISER = "organiser@example.org";

function birthDateAged(years: number, now: number, timeZone: string): string {
  const [year, month, day] = isoDate(now, timeZone).split("-");
  return `${Number(year) - years}-${month}-${month === "02" && day === "29" ? "28" : day}`;
}

function signUpYoungPerson({ db, now, timeZone, passwordHash }: DemoContext, person: { name: string; email: string; age: number; guardianEmail: string }, at: number) {
  const consent = accepted(
    checkSignupConsent({ role: "participant", email: person.email, birthDate: birthDateAged(person.age, now, timeZone), guardianEmail: person.guardianEmail, optionalUses: ["impact_stories"] }, at),
    `${person.name}'s sign-up`,
  );
  db.transaction((tx) => createSignupAccount(tx, { email: person.email, name: person.name, passwordHash, role: "participant", consent, now: at }), { behavior: "immediate" });
}

export function planDemoPrivacy(demo: DemoContext) {
  const { now, timeline } = demo;
  const bisi = { name: "Bisi Ojo", email: "bisi@example.org", age: 16, guardianEmail: "mrs.ojo@example.org" };
  const tobi = { name: "Tobi Adeyemi", email: "tobi@example.org", age: 15, guardianEmail: "adeyemi.family@example.org" };

  // Ids made by one step and used by a later one.
  let breachId = "";
  let requestId = "";
  timeline.add(now - 45 * DAY, () => {
    breachId = accepted(
      recordBreach({
        actorId: idOf(ORGANISER),
        values: {
          summary: "A volunteer emailed the Saturday workshop's attendee list to a wrong address.",
          affected: "Names and email addresses of the workshop's attendees.",
          affectedCount: 23,
          actions: "Asked the recipient to delete it (confirmed the same day); attendee lists now go only to organisers.",
        },
      }),
      "the breach",
    ).id;
  });
  timeline.add(now - 44 * DAY, () => accepted(markBreachNotified({ actorId: idOf(ORGANISER), id: breachId, who: "regulator" }), "telling the NDPC"));
  timeline.add(now - 44 * DAY + 2 * HOUR, () => accepted(markBreachNotified({ actorId: idOf(ORGANISER), id: breachId, who: "people" }), "telling the attendees"));
  timeline.add(now - 30 * DAY, () => accepted(closeBreach({ actorId: idOf(ORGANISER), id: breachId }), "closing the breach"));

  timeline.add(now - 20 * DAY, () => signUpYoungPerson(demo, bisi, now - 20 * DAY));
  timeline.add(now - 18 * DAY, () =>
    accepted(
      recordPaperConsent({ actorId: idOf(ORGANISER), userId: idOf(bisi.email), answer: { guardianName: "Funke Ojo", relationship: "Mother", guardianPhone: "0803 000 0000", optionalUses: ["impact_stories"] } }),
      "Bisi's paper consent",
    ),
  );
  timeline.add(now - 3 * DAY, () => signUpYoungPerson(demo, tobi, now - 3 * DAY));

  timeline.add(now - 12 * DAY, () => {
    requestId = accepted(
      recordRequest({
        actorId: idOf(ORGANISER),
        values: { kind: "access", requesterName: "Emeka Obi", requesterContact: "emeka.obi@example.org", details: "Asked by email for a copy of what we hold from last year's seminar." },
      }),
      "the access request",
    ).id;
  });
  timeline.add(now - 9 * DAY, () => accepted(completeRequest({ actorId: idOf(ORGANISER), id: requestId, outcome: "Sent his registration and feedback as a PDF by email." }), "answering the request"));
  timeline.add(now - 2 * DAY, () =>
    accepted(
      recordRequest({
        actorId: idOf(ORGANISER),
        values: { kind: "rectification", requesterName: "Chiamaka Eze", requesterContact: "participant@example.org", details: "Her surname is misspelt on last month's certificate." },
      }),
      "the correction request",
    ),
  );
}

/** Everyone the demo made before consents were asked agreed when their account was made. */
export function recordDemoConsents({ db }: DemoContext) {
  const people = db
    .select({ id: users.id, createdAt: users.createdAt })
    .from(users)
    .where(notExists(db.select().from(consentRecords).where(eq(consentRecords.userId, users.id))))
    .all();
  db.transaction((tx) => {
    for (const person of people) agreeToEverything(tx, { userId: person.id, optionalUses: [], source: "signup", now: person.createdAt });
  });
}
