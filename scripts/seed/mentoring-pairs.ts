import { DAY } from "~/utils/clock.server";
import { acceptRequest, requestMentor } from "~/modules/mentoring/index.server";
import { accepted, idOf, type DemoContext } from "./timeline";

// Demo mentorships, once the profiles exist: the demo participant asked the demo mentor two weeks
// ago and was accepted two days later, so they are an active pair; a classmate asked the same
// mentor two days ago and is still waiting for an answer.

const MENTOR = "mentor@example.org";

export function planDemoMentorships({ now, timeline }: DemoContext) {
  let pairId = "";
  timeline.add(now - 14 * DAY, () => {
    pairId = accepted(
      requestMentor({
        menteeId: idOf("participant@example.org"),
        mentorId: idOf(MENTOR),
        message: "I am aiming for a first analyst role in banking and would love help preparing for interviews.",
      }),
      "the participant's request",
    ).id;
  });
  timeline.add(now - 12 * DAY, () => accepted(acceptRequest(idOf(MENTOR), pairId), "accepting the participant's request"));
  timeline.add(now - 2 * DAY, () => {
    accepted(
      requestMentor({
        menteeId: idOf("cohort-member-1@example.org"),
        mentorId: idOf(MENTOR),
        message: "I was turned down for three graduate schemes this year. Could you help me see what to change?",
      }),
      "a classmate's request",
    );
  });
}
