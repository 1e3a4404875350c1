import type { Role } from "~db/schema";
import { createAccount, expect, mailbox, uniqueEmail, type TestAccount } from "./fixtures";
import type { PolicyFixtures } from "./route-policy";
import { eventPolicyFixtures } from "./event-helpers";
import { mentoringPolicyFixtures } from "./mentoring-policy";
import { programmePolicyFixtures } from "./programme-helpers";
import { sponsorshipPolicyFixtures } from "./sponsorship-policy";

export type PolicyWorld = { accounts: Record<Role, TestAccount>; person: TestAccount; fixtures: PolicyFixtures };

/**
 * One actor per role, and real rows behind every route of the route table (an outbox message, an
 * invitation, an event with a booking, a cohort, campaigns and gifts, a mentorship), made for
 * `person`, who is none of the actors.
 */
export async function buildPolicyWorld(personName: string): Promise<PolicyWorld> {
  const accounts = {
    participant: await createAccount({ roles: ["participant"] }),
    mentor: await createAccount({ roles: ["mentor"] }),
    sponsor: await createAccount({ roles: ["sponsor"] }),
    organiser: await createAccount({ roles: ["organiser"] }),
  };
  const person = await createAccount({ roles: ["participant"], name: personName });
  const { db } = await import("~db/client.server");
  const { enqueueEmail } = await import("~/modules/outbox/outbox.server");
  const { createInvitation } = await import("~/modules/auth/invitations.server");
  const outboxMessageId = db.transaction((tx) => enqueueEmail(tx, person.email, "password-changed", { name: person.name }));
  const invitee = uniqueEmail("invitee");
  expect(createInvitation({ inviter: accounts.organiser, email: invitee, role: "mentor" }).ok).toBe(true);
  const link = mailbox.link(await mailbox.waitFor(invitee, /invited you/), "/invitations/");
  const fixtures: PolicyFixtures = {
    personId: person.id,
    outboxMessageId,
    invitationToken: new URL(link).pathname.split("/").pop()!,
    ...(await eventPolicyFixtures(accounts.organiser, person)),
    ...(await programmePolicyFixtures(accounts.organiser, accounts.participant)),
    calendarToken: (await import("~/modules/events/calendars/calendar.server")).feedTokenFor(person.id),
    preferencesToken: (await import("~/modules/outbox/preferences.server")).preferencesTokenFor(person.email),
    ...(await sponsorshipPolicyFixtures(accounts.sponsor)),
    ...(await mentoringPolicyFixtures()),
  };
  return { accounts, person, fixtures };
}
