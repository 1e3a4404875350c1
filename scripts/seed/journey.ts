import { DAY, HOUR } from "~/utils/clock.server";
import { recordOutcomeFor, recordOwnOutcome, saveStory, setStoryFeatured, storyOf } from "~/modules/journey/index.server";
import { accepted, idOf, type DemoContext } from "./timeline";

// Where the demo's people say they are now (ADR 0040): the participant is still searching and
// shared what helped her, featured by the organiser; a few classmates found work, study or their
// own business, one told the organiser by phone. Enough for the dashboard and reports to show.

const PARTICIPANT = "participant@example.org";
const ORGANISER = "organiser@example.org";

const CLASSMATE_OUTCOMES = [
  { email: "cohort-member-1@example.org", daysAgo: 6, values: { kind: "job", employer: "Konga", sector: "Retail", hours: "full_time", startedOn: undefined } },
  { email: "cohort-member-2@example.org", daysAgo: 5, values: { kind: "internship", employer: "Interswitch", sector: "Fintech", hours: undefined, startedOn: undefined } },
  { email: "cohort-member-3@example.org", daysAgo: 4, values: { kind: "study", employer: "Yaba College of Technology", sector: "Education", hours: undefined, startedOn: undefined } },
  { email: "cohort-member-4@example.org", daysAgo: 3, values: { kind: "searching", employer: "", sector: "", hours: undefined, startedOn: undefined } },
  { email: "cohort-member-5@example.org", daysAgo: 2, byOrganiser: true, values: { kind: "business", employer: "", sector: "Fashion", hours: undefined, startedOn: undefined } },
] as const;

export function planDemoOutcomes({ now, timeline }: DemoContext) {
  for (const classmate of CLASSMATE_OUTCOMES) {
    const values = { ...classmate.values, fromTracker: false };
    timeline.add(now - classmate.daysAgo * DAY, () => {
      if ("byOrganiser" in classmate) accepted(recordOutcomeFor({ actorId: idOf(ORGANISER), userId: idOf(classmate.email), values }), `an outcome for ${classmate.email}`);
      else recordOwnOutcome(idOf(classmate.email), values);
    });
  }
  timeline.add(now - 5 * DAY, () => recordOwnOutcome(idOf(PARTICIPANT), { kind: "searching", employer: "", sector: "", fromTracker: false }));
  timeline.add(now - 2 * DAY, () =>
    saveStory(idOf(PARTICIPANT), {
      story: "Step 3 taught me to ask for feedback after a rejection. The answer I got helped me fix my CV, and I have an interview next week.",
      mayQuote: true,
      byName: true,
    }),
  );
  timeline.add(now - 2 * DAY + 3 * HOUR, () => {
    const story = storyOf(idOf(PARTICIPANT))!;
    accepted(setStoryFeatured({ actorId: idOf(ORGANISER), storyId: story.id, featured: true }), "featuring the participant's story");
  });
}
