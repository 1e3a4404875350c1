// The organisation area's front door for server code (routes, other areas, scripts).
export { auditPage, describeAuditDetails, describeTarget, recordAudit } from "./audit.server";
export { getOrganisation, saveOrganisationSettings, updateOrganisation } from "./settings.server";
export { organisationCardPath, organisationShareCard, siteShare } from "./sharing.server";
export { currentPrivacyNotice, publishPrivacyNotice, type PrivacyNotice } from "./privacy-notice.server";
