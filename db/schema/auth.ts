import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["participant", "mentor", "sponsor", "organiser", "door"] as const;
export type Role = (typeof ROLES)[number];

export const GUARDIAN_CONSENT_STATES = ["not_needed", "waiting", "given"] as const;
export type GuardianConsentState = (typeof GUARDIAN_CONSENT_STATES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    emailVerifiedAt: integer("email_verified_at"),
    // A participant's date of birth (YYYY-MM-DD) as they gave it at sign-up; null if not asked.
    birthDate: text("birth_date"),
    // Under the organisation's age of consent: held until a parent or guardian agrees (ADR 0023).
    guardianConsent: text("guardian_consent", { enum: GUARDIAN_CONSENT_STATES }).notNull().default("not_needed"),
    lastLoginAt: integer("last_login_at"),
    // Set when the account's personal data was erased; the row stays so totals still add up.
    erasedAt: integer("erased_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // By creation: the console counts who joined in the last 30 days without reading everyone. By
  // name: the people list's pages, in the order it shows them, without sorting everyone for each.
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_created_idx").on(t.createdAt),
    index("users_name_idx").on(sql`${t.name} collate nocase`, t.id),
    // Young people waiting for a guardian's consent, oldest first: few of everyone, so a partial index.
    index("users_guardian_waiting_idx").on(t.createdAt, t.id).where(sql`${t.guardianConsent} = 'waiting'`),
  ],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    grantedAt: integer("granted_at").notNull(),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
  },
  // Lists of mentors, organisers or door volunteers read one role's rows.
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index("user_roles_role_idx").on(t.role, t.userId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    // When this session last proved a second factor (at log-in or a later step-up); null if never.
    secondFactorAt: integer("second_factor_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const TOKEN_PURPOSES = ["verify_email", "reset_password", "change_email"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Single-use emailed tokens; only the SHA-256 of the token is stored. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("email_tokens_hash_unique").on(t.tokenHash), index("email_tokens_user_idx").on(t.userId)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("invitations_hash_unique").on(t.tokenHash)],
);

/** An authenticator app (TOTP). Unconfirmed until the person types a code from it. */
export const totpFactors = sqliteTable("totp_factors", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  key: blob("key", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at").notNull(),
  confirmedAt: integer("confirmed_at"),
  // The 30-second step of the last accepted code: a code is never accepted twice.
  lastUsedStep: integer("last_used_step"),
});

/** Single-use recovery codes, hashed like passwords. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** A log-in that passed the password and waits for a second factor; not a session. */
export const pendingLogins = sqliteTable(
  "pending_logins",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("pending_logins_user_idx").on(t.userId)],
);

export const CONSENT_SOURCES = ["signup", "settings", "notice_update", "guardian", "paper"] as const;

/**
 * What a person agreed to, and when: the privacy notice version they read, the terms, and each
 * optional use (being quoted, partners' contact). Rows are only added, so the history stays.
 */
export const consentRecords = sqliteTable(
  "consent_records",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    granted: integer("granted", { mode: "boolean" }).notNull(),
    noticeVersion: integer("notice_version").notNull(),
    source: text("source", { enum: CONSENT_SOURCES }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("consent_records_user_idx").on(t.userId, t.purpose, t.at)],
);

/**
 * A parent's or guardian's consent for a young person's account: requested by an emailed link
 * (only the SHA-256 of its token is kept), given through it or recorded from paper by an organiser.
 */
export const guardianConsents = sqliteTable(
  "guardian_consents",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedEmail: text("requested_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    requestedAt: integer("requested_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    guardianName: text("guardian_name"),
    guardianEmail: text("guardian_email"),
    guardianPhone: text("guardian_phone"),
    relationship: text("relationship"),
    agreedUses: text("agreed_uses", { mode: "json" }).$type<string[]>(),
    method: text("method", { enum: ["link", "paper"] }),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    givenAt: integer("given_at"),
  },
  (t) => [uniqueIndex("guardian_consents_token_unique").on(t.tokenHash), index("guardian_consents_user_idx").on(t.userId)],
);

export const PHONE_CODE_PURPOSES = ["verify", "sign_in", "sign_up", "confirm"] as const;
export type PhoneCodePurpose = (typeof PHONE_CODE_PURPOSES)[number];

/**
 * Six-digit codes sent by SMS (ADR 0032): to verify a number on an account, to sign in with it, to
 * finish a sign-up made with it (`pending` holds that sign-up's answers until the code comes back),
 * or to confirm a sensitive change on an account that has no password. Only a hash is stored; each
 * is single-use and short-lived.
 */
export const phoneCodes = sqliteTable(
  "phone_codes",
  {
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: PHONE_CODE_PURPOSES }).notNull(),
    phone: text("phone").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    pending: text("pending", { mode: "json" }).$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("phone_codes_phone_idx").on(t.phone, t.createdAt), index("phone_codes_user_idx").on(t.userId)],
);
