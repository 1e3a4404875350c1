// The organisation area's front door for server code (routes, other areas, scripts).
export { auditPage, describeAuditDetails, describeTarget, recordAudit } from "./audit.server";
export { eraseOrganisationData } from "./erasure.server";
export { applyOrganisationRetention } from "./retention.server";
export { retentionCutoffs, retentionSettings, saveRetentionSettings, type RetentionCutoffs } from "./retention-settings.server";
export { getOrganisation, saveOrganisationSettings, updateOrganisation, type Organisation } from "./settings.server";
export { saveCardFeeSettings, type StoredFeeRates } from "./card-fees.server";
export { saveMessageSettings } from "./message-settings.server";
export { saveFollowUpMonths } from "./follow-up-settings.server";
export { organisationCardPath, organisationShareCard, siteShare } from "./sharing.server";
export { currentPrivacyNotice, currentPrivacyNoticeVersion, publishPrivacyNotice, type PrivacyNotice } from "./privacy-notice.server";
export { personalDataInOrganisation } from "./personal-data.server";
