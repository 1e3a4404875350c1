import { newsAudience } from "~/modules/auth/index.server";
import { cohortMembersAudience, findCohort, recentCohortChoices, stuckOnStepAudience } from "~/modules/cohorts/index.server";
import { eventAudience, eventAudienceChoices, eventScopeFacts, type EventScope } from "~/modules/events/index.server";
import { menteesWithoutMentorAudience, mentorsAudience, quietPairsAudience } from "~/modules/mentoring/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import type { Recipient } from "~/modules/outbox/index.server";
import { campaignSponsorsAudience, getCampaign, recentCampaignChoices } from "~/modules/sponsorship/index.server";
import { SHORT_LIST_LENGTH } from "~/utils/short-list";
import type { Audience, EventGroup } from "./schemas";

// A group is kept as its filters and turned into people when the message goes out (ADR 0033).

const personKey = (recipient: Recipient) => recipient.userId ?? recipient.email.trim().toLowerCase();

/** One entry per person, the first way they were found kept. */
export function distinctPeople(recipients: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const recipient of recipients) if (!seen.has(personKey(recipient))) seen.set(personKey(recipient), recipient);
  return [...seen.values()];
}

function eventScope(audience: Extract<Audience, { kind: "event" | "series" }>): EventScope {
  return audience.kind === "event" ? { eventId: audience.eventId } : { seriesId: audience.seriesId };
}

function peopleIn(audience: Audience): Recipient[] {
  switch (audience.kind) {
    case "event":
    case "series":
      return eventAudience(eventScope(audience), audience.group);
    case "cohort-members":
      return cohortMembersAudience(audience.cohortId);
    case "cohort-stuck":
      return stuckOnStepAudience(audience.cohortId, audience.step, audience.days);
    case "mentors":
      return mentorsAudience();
    case "mentees-without-mentor":
      return menteesWithoutMentorAudience();
    case "quiet-pairs":
      return quietPairsAudience(audience.weeks);
    case "campaign-sponsors":
      return campaignSponsorsAudience(audience.campaignId);
    case "news":
      return newsAudience();
  }
}

/** The people in the group now, each once. */
export function resolveAudience(audience: Audience): Recipient[] {
  return distinctPeople(peopleIn(audience));
}

const EVENT_GROUP_WORDS: Record<EventGroup, string> = {
  registered: "Registered for",
  waitlisted: "Waiting for a seat at",
  "checked-in": "Checked in at",
  "no-show": "Registered but did not come to",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Sat 28 Nov", in the organisation's time zone (a select lists many: one formatter per zone). */
function shortDay(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" })));
  return format.format(instant).replace(",", "");
}

/**
 * The group in words, as organisers read it in the list ("Checked in at Resilience workshop,
 * Sat 28 Nov"); null when the event, cohort or campaign it names no longer exists.
 */
export function describeAudience(audience: Audience): string | null {
  const { timeZone } = getOrganisation();
  switch (audience.kind) {
    case "event":
    case "series": {
      const facts = eventScopeFacts(eventScope(audience));
      if (!facts) return null;
      const what = audience.kind === "event" ? `${facts.title}, ${shortDay(facts.startsAt, timeZone)}` : `any of the ${plural(facts.sessions, "session", "sessions")} of ${facts.title} (from ${shortDay(facts.startsAt, timeZone)})`;
      return `${EVENT_GROUP_WORDS[audience.group]} ${what}`;
    }
    case "cohort-members":
    case "cohort-stuck": {
      const found = findCohort(audience.cohortId);
      if (!found) return null;
      if (audience.kind === "cohort-members") return `Members of ${found.cohort.name}`;
      return `Members of ${found.cohort.name} on step ${audience.step} for ${plural(audience.days, "day", "days")} or more`;
    }
    case "mentors":
      return "All mentors";
    case "mentees-without-mentor":
      return "Mentees without a mentor";
    case "quiet-pairs":
      return `Mentoring pairs with no session in ${plural(audience.weeks, "week", "weeks")}`;
    case "campaign-sponsors": {
      const campaign = getCampaign(audience.campaignId);
      return campaign ? `Sponsors of ${campaign.title}` : null;
    }
    case "news":
      return "Everyone who agreed to news";
  }
}

export type Option = { value: string; label: string };

/** What the message form has chosen already (`event` is `event:<id>` or `series:<id>`), kept in its lists. */
export type ChosenAudience = { event?: string; cohort?: string; campaign?: string };

/**
 * What the message form offers in its selects: short lists (the nearest events and the series
 * they belong to, the cohorts that started last, the campaigns made last), narrowed to names
 * containing `find` when it is given, always with what is `chosen`. `more`: a list left some out.
 */
export function audienceChoices({ find, chosen }: { find: string; chosen: ChosenAudience }): { events: Option[]; cohorts: Option[]; campaigns: Option[]; more: boolean } {
  const { timeZone } = getOrganisation();
  const event = /^(event|series):(.+)$/.exec(chosen.event ?? "");
  const { events, series, more: moreEvents } = eventAudienceChoices({
    find,
    chosen: { eventIds: event?.[1] === "event" ? [event[2]!] : [], seriesIds: event?.[1] === "series" ? [event[2]!] : [] },
    limit: SHORT_LIST_LENGTH,
  });
  const cohorts = recentCohortChoices({ lastDay: null, find, chosen: chosen.cohort ? [chosen.cohort] : [], limit: SHORT_LIST_LENGTH });
  const campaigns = recentCampaignChoices({ find, chosen: chosen.campaign ? [chosen.campaign] : [], limit: SHORT_LIST_LENGTH });
  return {
    events: [
      ...events.map((one) => ({ value: `event:${one.id}`, label: `${one.title}, ${shortDay(one.startsAt, timeZone)}` })),
      ...series.map((one) => ({ value: `series:${one.id}`, label: `Series: ${one.title} (${plural(one.sessions, "session", "sessions")} from ${shortDay(one.firstStartsAt, timeZone)})` })),
    ],
    cohorts: cohorts.choices.map((cohort) => ({ value: cohort.id, label: cohort.name })),
    campaigns: campaigns.choices.map((campaign) => ({ value: campaign.id, label: campaign.name })),
    more: moreEvents || cohorts.more || campaigns.more,
  };
}
