import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Link, useActionData, useLoaderData } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { CampaignProgressBar } from "~/components/sponsorship/campaign-progress";
import { DonateForm } from "~/components/sponsorship/donate-form";
import { SponsorWall } from "~/components/sponsorship/sponsor-wall";
import { SharePanel } from "~/components/share-links";
import { notFound } from "~/utils/http.server";
import { staticPage } from "~/utils/hydration";
import { logger } from "~/utils/logger.server";
import { getUser } from "~/routes/helpers/session.server";
import { refusalReply } from "~/routes/helpers/replies.server";
import { assertCardCheckoutAllowed, assertEmailSendAllowed, hasRole } from "~/modules/auth/index.server";
import { givingClosedReason, publicCampaignBySlug, donatePageData, createDonation, givingOptionsFor, startGiftPayment, coverFeeOffer, tiersOf } from "~/modules/sponsorship/index.server";
import { donateSchema } from "~/modules/sponsorship";
import { shareMeta, siteShareOf } from "~/utils/share-meta";
import { shareLinks } from "~/utils/share-links";
import { absoluteUrl } from "~/utils/urls.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  if (!data) return [{ title: "Campaign not found" }];
  return shareMeta(siteShareOf(matches), {
    path: location.pathname,
    title: `Give to ${data.campaign.title}: ${data.organisationName}`,
    shareTitle: data.campaign.title,
    description: data.campaign.summary || `Support ${data.organisationName}: ${data.campaign.title}.`,
    image: data.shareImage ?? undefined,
  });
};

export const handle = staticPage;

const NO_CAMPAIGN = "We could not find that campaign. It may have been taken down.";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = getUser(request);
  const campaign = publicCampaignBySlug(params.slug ?? "", { includeDrafts: hasRole(user, "organiser") }) ?? notFound(NO_CAMPAIGN);
  const cancelled = new URL(request.url).searchParams.get("cancelled") === "1";
  return {
    ...donatePageData(campaign),
    giving: givingOptionsFor(campaign),
    coverFee: coverFeeOffer(campaign, tiersOf(campaign.id)),
    cancelled,
    prefill: { name: user?.name ?? "", email: user?.email ?? "" },
    // A draft's page is only the organisers': there is nothing to pass on yet.
    share: campaign.status === "draft" ? null : shareLinks(`Give to ${campaign.title}`, absoluteUrl(`/donate/${campaign.slug}`)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = publicCampaignBySlug(params.slug ?? "") ?? notFound(NO_CAMPAIGN);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: donateSchema(campaign) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const closed = givingClosedReason(campaign);
  if (closed) return data(submission.reply({ formErrors: [closed] }), { status: 409 });
  const value = submission.value;
  const giving = givingOptionsFor(campaign);
  if (value.method === "card" && !giving.card) {
    return data(submission.reply({ fieldErrors: { method: ["Card giving is not available at the moment: please choose bank transfer"] } }), { status: 400 });
  }
  if (value.method === "card" && value.interval === "monthly" && !giving.monthly) {
    return data(submission.reply({ fieldErrors: { interval: ["Monthly gifts are not available for this campaign at the moment: please choose one-off"] } }), { status: 400 });
  }
  if (value.method === "bank_transfer" && !giving.bankTransfer) {
    return data(submission.reply({ fieldErrors: { method: ["Bank transfers are not taken at the moment: please choose card"] } }), { status: 400 });
  }
  // A pledge emails the address typed in: the same per-address and per-IP allowance as other emails.
  if (value.method === "bank_transfer") await assertEmailSendAllowed(value.email, context.clientIp);
  else await assertCardCheckoutAllowed(context.clientIp);

  const user = getUser(request);
  const created = createDonation({
      campaignId: campaign.id,
      tierId: value.tierId,
      amount: value.amount,
      interval: value.interval,
      method: value.method,
      donorName: value.name,
      donorEmail: value.email,
      userId: user?.id ?? null,
      recognition: value.recognition,
      message: value.message,
      coverFee: value.coverFee,
  });
  if (!created.ok) return refusalReply(submission, created);

  try {
    return redirect(await startGiftPayment(created.id), 303);
  } catch (error) {
    logger.warn({ err: error, donationId: created.id }, "could not start card checkout");
    return data(
      submission.reply({ formErrors: ["We could not reach the card payment service. Nothing was charged: please try again in a moment, or give by bank transfer."] }),
      { status: 502 },
    );
  }
}

export default function DonatePage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { campaign } = page;
  return (
    <article className="donate-page">
      <p className="muted">
        <Link to="/donate">All campaigns</Link> · <Link to="/sponsors">Sponsor wall</Link>
      </p>
      <PageHeader title={campaign.title} lead={campaign.summary || undefined} />
      {page.cancelled ? (
        <div className="notice" role="status">
          <p>You left the card payment page, so your card was not charged. You can try again below, or choose a bank transfer.</p>
        </div>
      ) : null}
      {campaign.status === "draft" ? (
        <div className="notice" role="note">
          <p>This campaign is a draft: only organisers can see this page.</p>
        </div>
      ) : null}
      <CampaignProgressBar progress={page.progress} id="campaign-progress" />
      {campaign.endsOn ? <p className="muted">Open until {campaign.endsOn}.</p> : null}
      {campaign.storyHtml ? (
        <section aria-labelledby="story-title">
          <h2 id="story-title">Why we are raising this</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: campaign.storyHtml }} />
        </section>
      ) : null}
      <section aria-labelledby="give-title" className="donate-page__give">
        <h2 id="give-title">Give</h2>
        {page.closedReason ? (
          <p>{page.closedReason}</p>
        ) : (
          <DonateForm
            bounds={page.bounds}
            tiers={page.tiers}
            prefill={page.prefill}
            giving={page.giving}
            coverFee={page.coverFee}
            lastResult={lastResult}
          />
        )}
      </section>
      {page.share ? <SharePanel share={page.share} title="Ask a friend to give" /> : null}
      <section aria-labelledby="wall-title">
        <h2 id="wall-title">Sponsor wall</h2>
        {page.wall.length ? <SponsorWall entries={page.wall} /> : <p>Be the first to give to this campaign.</p>}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
