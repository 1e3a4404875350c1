import { asc, eq, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { consentRecords, emailTokens, guardianConsents, invitations, pendingLogins, recoveryCodes, sessions, totpFactors, userRoles, users } from "~db/schema";
import { instantFor, listText, type DataSubject, type PersonalDataSection } from "~/utils/personal-data";
import { deviceLabel } from "./device";

/** The account: who the person is, how they sign in, what they agreed to. Secrets are named, never copied. */
export function personalDataInAuth(subject: DataSubject): PersonalDataSection {
  const { userId } = subject;
  const at = (instant: number | null) => instantFor(subject, instant);
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  const totp = db.select().from(totpFactors).where(eq(totpFactors.userId, userId)).get();
  return {
    area: "auth",
    title: "Your account",
    description: "Your name, email address, roles, where you are signed in, your sign-in settings and what you agreed to.",
    tables: [
      {
        name: "account",
        title: "Account",
        sources: ["users"],
        rows: user
          ? [
              {
                name: user.name,
                email: user.email,
                emailConfirmedAt: at(user.emailVerifiedAt),
                birthDate: user.birthDate,
                guardianConsent: user.guardianConsent,
                createdAt: at(user.createdAt),
                updatedAt: at(user.updatedAt),
                lastLoginAt: at(user.lastLoginAt),
              },
            ]
          : [],
      },
      {
        name: "roles",
        title: "Roles",
        sources: ["user_roles"],
        rows: db
          .select()
          .from(userRoles)
          .where(eq(userRoles.userId, userId))
          .all()
          .map((role) => ({ role: role.role, grantedAt: at(role.grantedAt) })),
      },
      {
        name: "sessions",
        title: "Where you are signed in",
        sources: ["sessions", "pending_logins"],
        rows: [
          ...db
            .select()
            .from(sessions)
            .where(eq(sessions.userId, userId))
            .orderBy(asc(sessions.createdAt))
            .all()
            .map((session) => ({
              kind: "session",
              device: deviceLabel(session.userAgent),
              userAgent: session.userAgent,
              startedAt: at(session.createdAt),
              lastSeenAt: at(session.lastSeenAt),
              secondFactorAt: at(session.secondFactorAt),
            })),
          ...db
            .select()
            .from(pendingLogins)
            .where(eq(pendingLogins.userId, userId))
            .all()
            .map((pending) => ({ kind: "log-in waiting for a code", device: "", userAgent: "", startedAt: at(pending.createdAt), lastSeenAt: null, secondFactorAt: null })),
        ],
      },
      {
        name: "second-factors",
        title: "Two-factor sign-in",
        sources: ["totp_factors", "recovery_codes"],
        rows: [
          ...(totp ? [{ factor: "authenticator app", createdAt: at(totp.createdAt), confirmedAt: at(totp.confirmedAt), usedAt: null }] : []),
          ...db
            .select()
            .from(recoveryCodes)
            .where(eq(recoveryCodes.userId, userId))
            .all()
            .map((code) => ({ factor: "recovery code", createdAt: at(code.createdAt), confirmedAt: null, usedAt: at(code.usedAt) })),
        ],
      },
      {
        name: "email-links",
        title: "Links we emailed you",
        sources: ["email_tokens", "invitations"],
        rows: [
          ...db
            .select()
            .from(emailTokens)
            .where(eq(emailTokens.userId, userId))
            .all()
            .map((token) => ({ purpose: token.purpose, sentTo: token.email, sentAt: at(token.createdAt), expiresAt: at(token.expiresAt), usedAt: at(token.usedAt) })),
          ...db
            .select()
            .from(invitations)
            .where(sql`lower(${invitations.email}) = lower(${subject.email})`)
            .all()
            .map((invitation) => ({ purpose: `invitation (${invitation.role})`, sentTo: invitation.email, sentAt: at(invitation.createdAt), expiresAt: at(invitation.expiresAt), usedAt: at(invitation.acceptedAt) })),
        ],
      },
      {
        name: "consents",
        title: "What you agreed to",
        sources: ["consent_records"],
        rows: db
          .select()
          .from(consentRecords)
          .where(eq(consentRecords.userId, userId))
          .orderBy(asc(consentRecords.at))
          .all()
          .map((consent) => ({ purpose: consent.purpose, granted: consent.granted, privacyNoticeVersion: consent.noticeVersion, source: consent.source, at: at(consent.at) })),
      },
      {
        name: "guardian-consent",
        title: "Your parent's or guardian's consent",
        sources: ["guardian_consents"],
        rows: db
          .select()
          .from(guardianConsents)
          .where(eq(guardianConsents.userId, userId))
          .orderBy(asc(guardianConsents.requestedAt))
          .all()
          .map((consent) => ({
            askedAt: at(consent.requestedAt),
            askedAddress: consent.requestedEmail,
            guardianName: consent.guardianName,
            relationship: consent.relationship,
            agreedUses: listText(consent.agreedUses),
            method: consent.method,
            givenAt: at(consent.givenAt),
          })),
      },
    ],
    notes: [
      "Your password is kept only as a one-way hash, and your authenticator app's key, recovery codes and sign-in tokens only in forms that cannot be read back: they exist but are not in this download.",
      "A parent's or guardian's own email address and phone number, given when they consented, are theirs and are not in this download.",
    ],
  };
}
