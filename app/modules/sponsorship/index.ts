// The sponsorship area's front door for code that also runs in the browser: schemas, labels, types.
export { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_OPTIONS, INTERVAL_LABELS, INTERVAL_OPTIONS, addTierSchema, campaignDetailsSchema, editTierSchema, newCampaignSchema, tierActionSchema } from "./campaign-schemas";
export { CUSTOM_GIFT, METHOD_LABELS, METHOD_OPTIONS, RECOGNITION_CHOICES, RECOGNITION_OPTIONS, donateSchema, type DonateBounds, type GivingChoices } from "./donate-schemas";
export { DONATION_STATUS_LABELS, DONATION_STATUS_OPTIONS, RECOGNITION_LABELS, markReceivedSchema, refundSchema } from "./donations-admin-schemas";
export { cardFeesSchema, feeFieldNames, feeRateTitle, type EditableFeeRate } from "./fee-schemas";
export { EDITABLE_FEE_RATES } from "./fees";
export { GIFT_IN_PERSON_CHOICES, GIFT_IN_PERSON_KINDS, giftInPersonSchema } from "./gifts-in-person-schemas";
export { DATE_ORDER_LABELS, DATE_ORDERS, STATEMENT_MAX_BYTES, statementLineActionSchema, statementMappingSchema, statementUploadSchema } from "./bank-statements/schemas";
export { HONEYPOT_FIELD, PARTNER_KIND_LABELS, PARTNER_KIND_OPTIONS, PARTNER_STAGE_LABELS, PARTNER_STAGE_OPTIONS, partnerEnquirySchema, partnerStageSchema } from "./partner-schemas";
export type { DonationStatus, PaymentMethod } from "~db/schema";
