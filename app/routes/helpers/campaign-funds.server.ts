import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { linkFundSchema, unlinkFundSchema } from "~/modules/journey";
import { fundChoices, fundsOf, linkFund, unlinkFund } from "~/modules/journey/index.server";
import { refusalResult } from "./replies.server";

// The campaign page's "What it paid for" section: its data, and the link and unlink forms' replies.

export function campaignFundsView(campaignId: string, timeZone: string) {
  return {
    funds: fundsOf(campaignId).map((fund) => ({
      id: fund.id,
      kind: fund.kind,
      title: fund.title,
      when: typeof fund.startsOn === "number" ? formatDate(fund.startsOn, timeZone) : formatDate(Date.parse(`${fund.startsOn}T12:00:00Z`), "UTC"),
      note: fund.note,
    })),
    choices: fundChoices(),
  };
}

/** Handles the "link-fund" and "unlink-fund" intents; null for any other. */
export function campaignFundsAction(actorId: string, campaignId: string, formData: FormData, here: string) {
  const intent = formData.get("intent");
  if (intent === "link-fund") {
    const submission = parseWithZod(formData, { schema: linkFundSchema });
    if (submission.status !== "success") return data({ form: "link-fund", result: submission.reply() }, { status: 400 });
    const linked = linkFund(actorId, campaignId, submission.value);
    if (!linked.ok) return data({ form: "link-fund", result: refusalResult(submission, linked) }, { status: linked.status });
    return redirectWithFlash(here, "Linked: the campaign's impact report now counts whom it reached.");
  }
  if (intent === "unlink-fund") {
    const submission = parseWithZod(formData, { schema: unlinkFundSchema });
    if (submission.status !== "success") notFound("That link was already removed.");
    const unlinked = unlinkFund(actorId, campaignId, submission.value.fundId);
    if (!unlinked.ok) notFound(unlinked.message);
    return redirectWithFlash(here, "Unlinked.");
  }
  return null;
}
