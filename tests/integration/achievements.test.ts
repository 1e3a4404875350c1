import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { achievements, certificates, cohortMembers, curriculumSteps, events, registrations, users } from "~db/schema";
import { findAchievement, issueDueAchievements, myAchievements } from "~/modules/journey/index.server";
import { loader as achievementPage } from "~/routes/achievements.$id";
import { clock, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, getRequest, loadContext, routeArgs, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { createForm, editForm } from "../support/event-forms";
import { createEvent, updateEvent } from "~/modules/events/index.server";

// Certificates that join the slices (ADR 0041): attendance where the organiser switched it on, and
// the journey for someone who attended an event and finished the programme.

const lagos = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - HOUR;

let ada: TestUser;
let bayo: TestUser;
let chika: TestUser;
const ids = { certified: "", plain: "", cohort: "", curriculum: "" };

function register(eventId: string, userId: string, checkedInAt: number | null, status: "confirmed" | "cancelled" = "confirmed") {
  const at = lagos(2026, 2, 1);
  db.insert(registrations).values({ id: randomId(16), eventId, userId, status, checkInToken: randomId(16), shortCode: randomId(3), checkedInAt, createdAt: at, updatedAt: at }).run();
}

function finishProgramme(user: TestUser, completedAt: number) {
  const memberId = randomId(16);
  db.insert(cohortMembers).values({ id: memberId, cohortId: ids.cohort, userId: user.id, joinedAt: lagos(2026, 3, 10), joinedVia: "code" }).run();
  db.insert(certificates)
    .values({ id: randomId(16), memberId, userId: user.id, recipientName: user.name, curriculumTitle: "Back to work", cohortName: "March cohort", organisationName: "O", completedAt })
    .run();
}

beforeAll(async () => {
  clock.set(lagos(2026, 6, 1, 12));
  const organiser = await createUser({ roles: ["organiser"] });
  ada = await createUser({ name: "Ada Obi" });
  bayo = await createUser({ name: "Bayo Ade" });
  chika = await createUser({ name: "Chika Eze" });
  ids.certified = createTestEvent({ title: "CV clinic", startsAt: lagos(2026, 3, 1, 10), attendanceCertificates: true }).id;
  ids.plain = createTestEvent({ title: "Interview practice", startsAt: lagos(2026, 2, 1, 10) }).id;
  ids.curriculum = installTestCurriculum();
  ids.cohort = makeCohort({ actorId: organiser.id, curriculumId: ids.curriculum, startDate: "2026-03-10", name: "March cohort" });

  register(ids.certified, ada.id, lagos(2026, 3, 1, 10));
  register(ids.certified, bayo.id, null);
  register(ids.plain, chika.id, lagos(2026, 2, 1, 10));
  register(ids.certified, chika.id, lagos(2026, 3, 1, 11));
  // Chika finished the programme: the journey certificate names the first event she attended.
  finishProgramme(chika, lagos(2026, 5, 1));
});

describe("attendance and journey certificates", () => {
  it("the sweep issues one to each person checked in where they are switched on, and the journey's", () => {
    expect(issueDueAchievements()).toBe(3);
    const rows = db.select().from(achievements).all();
    const of = (user: TestUser) => rows.filter((row) => row.userId === user.id).map((row) => [row.kind, row.statement]);
    expect(of(ada)).toEqual([["event", "attended “CV clinic”"]]);
    expect(of(bayo)).toEqual([]);
    const steps = db.select().from(curriculumSteps).where(eq(curriculumSteps.curriculumId, ids.curriculum)).all().length;
    expect(of(chika).sort()).toEqual(
      [
        ["event", "attended “CV clinic”"],
        ["journey", `attended “Interview practice” and completed all ${steps} steps of Back to work`],
      ].sort(),
    );
    expect(rows.every((row) => row.id.length >= 22)).toBe(true);
    // Issued once: a second sweep finds nothing new.
    expect(issueDueAchievements()).toBe(0);
  });

  it("a person's page issues theirs at once, keeping the name as it was", () => {
    db.update(registrations).set({ checkedInAt: clock.now() }).where(eq(registrations.userId, bayo.id)).run();
    const mine = myAchievements(bayo.id);
    expect(mine.map((a) => a.statement)).toEqual(["attended “CV clinic”"]);
    db.update(users).set({ name: "Bayo Renamed" }).where(eq(users.id, bayo.id)).run();
    expect(findAchievement(mine[0]!.id)!.recipientName).toBe("Bayo Ade");
  });

  it("a person's page issues their journey certificate, naming their first attended event; a cancelled booking does not count", async () => {
    const dayo = await createUser({ name: "Dayo Bello" });
    finishProgramme(dayo, lagos(2026, 5, 2));
    expect(myAchievements(dayo.id)).toEqual([]);
    register(ids.plain, dayo.id, lagos(2026, 2, 1, 9), "cancelled");
    register(ids.certified, dayo.id, lagos(2026, 3, 1, 12));
    const steps = db.select().from(curriculumSteps).where(eq(curriculumSteps.curriculumId, ids.curriculum)).all().length;
    const journey = myAchievements(dayo.id).find((a) => a.kind === "journey");
    expect(journey).toMatchObject({ statement: `attended “CV clinic” and completed all ${steps} steps of Back to work`, earnedAt: lagos(2026, 5, 2) });
    // Only Dayo's: nobody else's was waiting.
    expect(issueDueAchievements()).toBe(0);
  });

  it("switching certificates off stops new ones; the public page verifies an issued one and 404s a made-up id", async () => {
    db.update(events).set({ attendanceCertificates: false }).where(eq(events.id, ids.certified)).run();
    const late = await createUser({ name: "Late Comer" });
    register(ids.certified, late.id, clock.now());
    expect(myAchievements(late.id)).toEqual([]);

    const [issued] = myAchievements(ada.id);
    const open = (id: string) => runRoute(() => achievementPage(routeArgs({ request: getRequest(`/achievements/${id}`), context: loadContext(), params: { id } })));
    const page = await open(issued!.id);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ heading: "Certificate of attendance", recipientName: "Ada Obi", statement: "attended “CV clinic”" });
    expect((await open("no-such-certificate-id")).status).toBe(404);
  });

  it("organisers switch them on and off on the event form", () => {
    const created = createEvent({ actorId: null, form: createForm({ attendanceCertificates: "on" }) });
    if (!created.ok) throw new Error(created.message);
    const row = () => db.select().from(events).where(eq(events.id, created.eventId)).get()!;
    expect(row().attendanceCertificates).toBe(true);
    expect(updateEvent({ actorId: null, eventId: created.eventId, form: editForm() }).ok).toBe(true);
    expect(row().attendanceCertificates).toBe(false);
  });
});
