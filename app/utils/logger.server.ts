import pino from "pino";
import { env } from "./env.server";
import { singleton } from "./singleton.server";

// Anything that could carry a secret is removed before a line is written.
const redact = {
  paths: [
    "password",
    "*.password",
    "token",
    "*.token",
    "secret",
    "*.secret",
    "cookie",
    "*.cookie",
    "req.headers.cookie",
    "req.headers.authorization",
  ],
  censor: "[redacted]",
};

export const logger = singleton("logger", () =>
  pino({ level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL, redact, base: { app: "steppingstone" } }),
);

type SecurityEvent =
  | "login.success"
  | "login.failure"
  | "login.throttled"
  | "signup"
  | "logout"
  | "csrf.refused"
  | "rate.limited"
  | "role.changed"
  | "password.changed"
  | "password.reset"
  | "email.changed"
  | "email.verified"
  | "invitation.sent"
  | "invitation.accepted"
  | "sessions.revoked"
  | "login.password-accepted"
  | "second-factor.success"
  | "second-factor.failure"
  | "second-factor.throttled"
  | "second-factor.added"
  | "second-factor.removed"
  | "phone.code-sent"
  | "phone.verified"
  | "phone.removed";

export function securityEvent(event: SecurityEvent, fields: Record<string, unknown> = {}) {
  logger.info({ security: true, event, ...fields }, event);
}
