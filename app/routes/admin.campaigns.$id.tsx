import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { CampaignProgressBar } from "~/components/sponsorship/campaign-progress";
import { AddTierForm, CampaignDetailsForm, EditTierForm } from "~/components/sponsorship/campaign-forms";
import { instantToLocalInput } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { minorToInput } from "~/utils/money";
import { requireRole } from "~/routes/helpers/session.server";
import { addTierSchema, CAMPAIGN_STATUS_LABELS, campaignDetailsSchema, editTierSchema, tierActionSchema } from "~/modules/sponsorship";
import { addTier, editTier, getCampaign, moveTier, removeTier, tiersOf, updateCampaignDetails, progressView, campaignProgress } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";
import { CampaignFunds } from "~/components/journey/campaign-funds";
import { campaignFundsAction, campaignFundsView } from "~/routes/helpers/campaign-funds.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? "Campaign"} · Organisers' console` }];

export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const campaign = getCampaign(params.id ?? "") ?? notFound("We could not find that campaign.");
  const { timeZone } = getOrganisation();
  const money = (minor: number) => minorToInput(minor, campaign.currency);
  return {
    timeZone,
    campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, status: campaign.status, currency: campaign.currency },
    values: {
      title: campaign.title,
      slug: campaign.slug,
      summary: campaign.summary,
      story: campaign.story,
      currency: campaign.currency,
      goal: money(campaign.goalAmount),
      minAmount: money(campaign.minAmount),
      maxAmount: money(campaign.maxAmount),
      startsAt: campaign.startsAt === null ? "" : instantToLocalInput(campaign.startsAt, timeZone),
      endsAt: campaign.endsAt === null ? "" : instantToLocalInput(campaign.endsAt, timeZone),
      status: campaign.status,
    },
    tiers: tiersOf(campaign.id).map((tier) => ({
      id: tier.id,
      name: tier.name,
      amount: money(tier.amount),
      interval: tier.interval,
      description: tier.description,
      benefitDescription: tier.benefitDescription,
      benefitValue: tier.benefitDescription ? money(tier.benefitValue) : "",
    })),
    progress: progressView(campaignProgress(campaign.id)),
    paidFor: campaignFundsView(campaign.id, timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const campaign = getCampaign(params.id ?? "") ?? notFound("We could not find that campaign.");
  const here = `/admin/campaigns/${campaign.id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const fundReply = campaignFundsAction(actor.id, campaign.id, formData, here);
  if (fundReply) return fundReply;

  if (intent === "details") {
    const submission = parseWithZod(formData, { schema: campaignDetailsSchema });
    if (submission.status !== "success") return data({ form: "details", result: submission.reply() }, { status: 400 });
    const saved = updateCampaignDetails(actor.id, campaign.id, submission.value, getOrganisation().timeZone);
    if (!saved.ok) return data({ form: "details", result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 });
    return redirectWithFlash(here, "Campaign saved.");
  }
  if (intent === "add-tier") {
    const submission = parseWithZod(formData, { schema: addTierSchema(campaign.currency) });
    if (submission.status !== "success") return data({ form: "add-tier", result: submission.reply() }, { status: 400 });
    const saved = addTier(actor.id, campaign.id, submission.value);
    if (!saved.ok) return data({ form: "add-tier", result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 });
    return redirectWithFlash(here, `Tier “${submission.value.name}” added.`);
  }
  if (intent === "edit-tier") {
    const submission = parseWithZod(formData, { schema: editTierSchema(campaign.currency) });
    const tierId = String(formData.get("tierId") ?? "");
    if (submission.status !== "success") return data({ form: `tier-${tierId}`, result: submission.reply() }, { status: 400 });
    const edited = editTier(actor.id, campaign.id, submission.value.tierId, submission.value);
    if (!edited.ok) notFound(edited.message);
    return redirectWithFlash(here, `Tier “${submission.value.name}” saved.`);
  }
  const submission = parseWithZod(formData, { schema: tierActionSchema });
  if (submission.status !== "success") return data({ form: "tiers", result: submission.reply() }, { status: 400 });
  const { tierId, direction } = submission.value;
  if (submission.value.intent === "remove-tier") {
    const removed = removeTier(actor.id, campaign.id, tierId);
    if (!removed.ok) notFound(removed.message);
    return redirectWithFlash(here, "Tier removed. Gifts already made keep their amount.");
  }
  const moved = moveTier(actor.id, campaign.id, tierId, direction ?? "up");
  if (!moved.ok) notFound(moved.message);
  return redirectWithFlash(here, "Tiers reordered.");
}

export default function AdminCampaign() {
  const { campaign, values, tiers, progress, timeZone, paidFor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  return (
    <>
      <p>
        <Link to="/admin/campaigns">Campaigns</Link>
      </p>
      <PageHeader title={campaign.title} lead={`${CAMPAIGN_STATUS_LABELS[campaign.status]} · ${campaign.currency}`}>
        <p>
          <Link to={`/donate/${campaign.slug}`}>Public page</Link> · <Link to={`/admin/donations?campaign=${campaign.id}`}>Its donations</Link> ·{" "}
          <Link to={`/admin/impact/campaign/${campaign.id}`}>Impact report</Link>
        </p>
      </PageHeader>
      <CampaignProgressBar progress={progress} id="campaign-progress" />
      <section aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <CampaignDetailsForm values={values} timeZone={timeZone} lastResult={resultFor("details")} />
      </section>
      <section aria-labelledby="paid-for-title">
        <h2 id="paid-for-title">What it paid for</h2>
        <CampaignFunds funds={paidFor.funds} choices={paidFor.choices} lastResult={resultFor("link-fund")} />
      </section>
      <section aria-labelledby="tiers-title">
        <h2 id="tiers-title">Tiers</h2>
        <p className="muted">Suggested gifts shown first on the donate page, in this order. Donors can also type their own amount.</p>
        {resultFor("tiers")?.error ? (
          <p className="notice notice--error" role="alert">
            That change could not be made. Please reload the page and try again.
          </p>
        ) : null}
        {tiers.length ? (
          <ol className="plain-list tier-list">
            {tiers.map((tier, index) => (
              <EditTierForm
                key={tier.id}
                tier={tier}
                currency={campaign.currency}
                lastResult={resultFor(`tier-${tier.id}`)}
                first={index === 0}
                last={index === tiers.length - 1}
              />
            ))}
          </ol>
        ) : (
          <p>No tiers yet: donors choose their own amount.</p>
        )}
        <h3>Add a tier</h3>
        <AddTierForm currency={campaign.currency} lastResult={resultFor("add-tier")} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
