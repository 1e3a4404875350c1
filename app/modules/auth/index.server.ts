// The auth area's front door for server code (routes, other areas, scripts).
export { confirmEmailLink, describeEmailLink, requestEmailChange, resendVerification, signUp, type SignupRole } from "./account.server";
export { peopleFigures, type PeopleFigures } from "./figures.server";
export { changePasswordServerSchema, resetPasswordServerSchema, signupServerSchema } from "./form-schemas.server";
export { INVITATION_LIST_LIMIT, acceptInvitationAsUser, acceptInvitationWithNewAccount, accountExistsFor, createInvitation, findInvitation, invitationProblem, listInvitations, revokeInvitation, type AcceptResult } from "./invitations.server";
export { logIn, logOut, mySessions, signOutOtherSessions } from "./login.server";
export { clearPendingLoginCookie, finishPendingLogin, pendingLoginIsValid } from "./pending-login.server";
export { confirmTotpEnrolment, hasSecondFactor, removeSecondFactor, secondFactorStatus, startTotpEnrolment, type SecondFactorStatus } from "./second-factors.server";
export { consoleNeed, sensitiveActionNeed, stepUp, type SecondFactorNeed } from "./step-up.server";
export { createOrganiser } from "./organisers.server";
export { changePassword, requestPasswordReset, resetLinkIsValid, resetPassword } from "./password-change.server";
export { hashPassword } from "./password.server";
export { changeRoles, getPerson, searchPeople, viewPerson } from "./people.server";
export { assertCardCheckoutAllowed, assertEmailSendAllowed, assertSignupAllowed } from "./rate-limit.server";
export { clearSessionCookie, createSession, hasRole, validateSessionToken, type SessionUser } from "./session.server";
export { issueToken, tokenUrl } from "./tokens.server";
export { countUsers, findUserByEmail, insertUser, normaliseEmail, peopleByIds } from "./users.server";
