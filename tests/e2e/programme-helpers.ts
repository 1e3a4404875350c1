import type { TestAccount } from "./fixtures";

// Cohorts made straight through the domain functions (as the organisers' console would), for
// tests whose subject is something else: permissions, the grid.

/** A cohort of the built-in curriculum whose first step is open now (a step every 2 days from today). */
export async function createOpenCohort(organiser: Pick<TestAccount, "id">, options: { name: string; capacity?: number }) {
  const { getOrganisation } = await import("~/modules/organisation/settings.server");
  const { localDateOf } = await import("~/modules/cohorts/schedule");
  const { createCohort, findCohort } = await import("~/modules/cohorts/cohorts.server");
  const { builtInCurriculumId } = await import("~/modules/curriculum/built-in.server");
  const curriculumId = builtInCurriculumId();
  if (!curriculumId) throw new Error("the built-in curriculum is not installed");
  const id = createCohort({
    actorId: organiser.id,
    curriculumId,
    values: {
      intent: "save",
      name: options.name,
      startDate: localDateOf(Date.now(), getOrganisation().timeZone),
      scheduleKind: "interval",
      everyDays: 2,
      hour: 0,
      capacity: options.capacity ?? 30,
      nudgeAfterDays: 0,
    },
  });
  return { ...findCohort(id)!.cohort, curriculumId };
}

/**
 * What the permissions table needs for the programme's pages: a cohort the participant actor is
 * in (so its step page answers them and nobody else), a step, and a certificate.
 */
export async function programmePolicyFixtures(organiser: Pick<TestAccount, "id">, member: Pick<TestAccount, "id" | "email">) {
  const { db } = await import("~db/client.server");
  const { certificates, curriculumSteps } = await import("~db/schema");
  const { eq } = await import("drizzle-orm");
  const { joinCohort } = await import("~/modules/cohorts/membership.server");
  const { randomId } = await import("~/utils/ids.server");
  const cohort = await createOpenCohort(organiser, { name: "Permissions cohort" });
  const joined = joinCohort({ user: member, cohortId: cohort.id });
  if (!joined.ok || joined.status !== "joined") throw new Error(`could not join: ${JSON.stringify(joined)}`);
  const step = db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, cohort.curriculumId)).get()!;
  // A certificate as finishing every step leaves it; only its public page is tried here.
  const certificateId = randomId(16);
  db.insert(certificates)
    .values({ id: certificateId, memberId: null, userId: member.id, recipientName: "Permissions member", curriculumTitle: "Bounce back", cohortName: cohort.name, organisationName: "Test organisation", completedAt: Date.now() })
    .run();
  return { cohortId: cohort.id, joinCode: cohort.joinCode, curriculumId: cohort.curriculumId, stepId: step.id, certificateId };
}
