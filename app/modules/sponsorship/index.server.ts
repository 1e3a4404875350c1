// The sponsorship area's front door for server code (routes, other areas, scripts).
export { addTier, createCampaign, editTier, getCampaign, givingClosedReason, listCampaigns, moveTier, publicCampaignBySlug, removeTier, tiersOf, updateCampaignDetails } from "./campaigns.server";
export { syncCheckoutSession } from "./checkout.server";
export { donatePageData, openCampaignsView, progressView, wallView } from "./donate-page.server";
export { campaignChoices, donationDetail, donationsForExport, filterParams, listDonations, markTransferReceived, readDonationFilters, refundableOf } from "./donations-admin.server";
export { donationsCsv, donationsFileName } from "./donations-csv.server";
export { createDonation, findTransferPledge } from "./donations.server";
export { givingFigures } from "./figures.server";
export { givingCardData, myGifts, myMonthlyGifts } from "./giving.server";
export { partnerPipeline, setPartnerStage, submitPartnerEnquiry } from "./partners.server";
export { cardPaymentsAvailable, startCardCheckout } from "./payments.server";
export { portalUrlForReceipt } from "./portal.server";
export { campaignProgress, campaignsProgress } from "./progress.server";
export { findReceipt, nextReceiptNumber } from "./receipts.server";
export { registerSponsorshipJobs } from "./jobs.server";
export { refundDonation } from "./refunds.server";
export { parseStatementYear, statementCsv, statementYears, yearStatement } from "./statements.server";
export { overallWall, totalsByCurrency } from "./wall.server";
export { handleStripeWebhook } from "./webhooks.server";
