import type { Role } from "~db/schema";
import { createAccount, expect, mailbox, uniqueEmail, type TestAccount } from "./fixtures";
import type { PolicyFixtures } from "./route-policy";
import { eventPolicyFixtures } from "./event-helpers";
import { mentoringPolicyFixtures } from "./mentoring-policy";
import { programmePolicyFixtures } from "./programme-helpers";
import { sponsorshipPolicyFixtures } from "./sponsorship-policy";
import { privacyReportingPolicyFixtures } from "./privacy-reporting-policy";
import { scheduledMessageFixture } from "./group-messages-helpers";
import { doorLinkToken } from "./door-invitation-helpers";
import { impactPolicyFixtures } from "./impact-policy";
import { journeyOutcomesPolicyFixtures } from "./journey-outcomes-policy";

/** A young person who is none of the actors, waiting for consent: the token of the link emailed to their guardian. */
async function guardianConsentToken(): Promise<string> {
  const { db } = await import("~db/client.server");
  const { clock } = await import("~/utils/clock.server");
  const { createSignupAccount, checkSignupConsent } = await import("~/modules/auth/index.server");
  const { sendGuardianRequest } = await import("~/modules/auth/guardian-consent.server");
  const email = uniqueEmail("young-person");
  const consent = checkSignupConsent({ role: "participant", email, birthDate: "2012-01-01", guardianEmail: uniqueEmail("guardian") }, clock.now());
  if (!consent.ok) throw new Error(consent.message);
  return db.transaction((tx) => {
    const { userId } = createSignupAccount(tx, { email, name: "Young Person", passwordHash: "not-a-hash", role: "participant", consent, now: clock.now() });
    // A second request replaces the first: this one's raw token is the fixture.
    return sendGuardianRequest(tx, { userId, childName: "Young Person", guardianEmail: consent.guardianEmail!, now: clock.now() });
  });
}

/** A short link to the events list, as a text message about `outboxId` would carry it. */
async function shortLinkCode(outboxId: string): Promise<string> {
  const { db } = await import("~db/client.server");
  const { clock, DAY } = await import("~/utils/clock.server");
  const { env } = await import("~/utils/env.server");
  const { shortenLinks } = await import("~/modules/outbox/index.server");
  const text = db.transaction((tx) => shortenLinks(tx, new URL("/events", env.APP_URL).toString(), { outboxId, expiresAt: clock.now() + DAY }), { behavior: "immediate" });
  return text.split("/s/").pop()!;
}

export type PolicyWorld = { accounts: Record<Role, TestAccount>; person: TestAccount; fixtures: PolicyFixtures };

/**
 * One actor per role (the door volunteer on the event's door team), and real rows behind every route of the route table (an outbox message, an
 * invitation, an event with a booking, a cohort, campaigns and gifts, a mentorship), made for
 * `person`, who is none of the actors.
 */
export async function buildPolicyWorld(personName: string): Promise<PolicyWorld> {
  const accounts = {
    participant: await createAccount({ roles: ["participant"] }),
    mentor: await createAccount({ roles: ["mentor"] }),
    sponsor: await createAccount({ roles: ["sponsor"] }),
    organiser: await createAccount({ roles: ["organiser"] }),
    door: await createAccount({ roles: ["door"] }),
  };
  const person = await createAccount({ roles: ["participant"], name: personName });
  const { db } = await import("~db/client.server");
  const { enqueueMessage } = await import("~/modules/outbox/outbox.server");
  const { createInvitation } = await import("~/modules/auth/invitations.server");
  const outboxMessageId = db.transaction((tx) => enqueueMessage(tx, person.email, "password-changed", { name: person.name }));
  const invitee = uniqueEmail("invitee");
  expect(createInvitation({ inviter: accounts.organiser, email: invitee, role: "mentor" }).ok).toBe(true);
  const link = mailbox.link(await mailbox.waitFor(invitee, /invited you/), "/invitations/");
  // A ready download of the person's data, built by the server's worker and emailed to them.
  (await import("~/modules/privacy/export.server")).requestDataExport(person.id);
  const downloadLink = mailbox.link(await mailbox.waitFor(person.email, /is ready to download/), "/me/privacy/download/");
  const fixtures: PolicyFixtures = {
    personId: person.id,
    outboxMessageId,
    invitationToken: new URL(link).pathname.split("/").pop()!,
    ...(await eventPolicyFixtures(accounts.organiser, person)),
    ...(await programmePolicyFixtures(accounts.organiser, accounts.participant)),
    calendarToken: (await import("~/modules/events/calendars/calendar.server")).feedTokenFor(person.id),
    preferencesToken: (await import("~/modules/outbox/preferences.server")).preferencesTokenFor(person.email),
    guardianConsentToken: await guardianConsentToken(),
    dataExportToken: new URL(downloadLink).pathname.split("/").pop()!,
    shortLinkCode: await shortLinkCode(outboxMessageId),
    ...(await sponsorshipPolicyFixtures(accounts.sponsor, accounts.organiser)),
    ...(await mentoringPolicyFixtures()),
    ...(await privacyReportingPolicyFixtures(accounts.organiser.id, person.email)),
    broadcastId: await scheduledMessageFixture(accounts.organiser.id),
  };
  // The door actor checks people in at the target's event and nowhere else.
  const { assignDoorVolunteer } = await import("~/modules/events/door-team.server");
  expect(assignDoorVolunteer(undefined, { userId: accounts.door.id, eventId: fixtures.eventId!, actorId: accounts.organiser.id }).ok).toBe(true);
  fixtures.doorInvitationToken = await doorLinkToken(fixtures.eventId!, accounts.organiser.id);
  Object.assign(fixtures, await impactPolicyFixtures(accounts.organiser.id, fixtures.campaignId!, person.id));
  Object.assign(fixtures, await journeyOutcomesPolicyFixtures(person.id));
  return { accounts, person, fixtures };
}
