import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { securityEvent } from "~/utils/logger.server";
import { tooManyRequests } from "~/utils/http.server";
import { singleton } from "~/utils/singleton.server";
import { refuse, type Refusal } from "~/utils/refusal";
import { normaliseEmail } from "./users.server";

/*
 * Counters live in this process's memory (RateLimiterMemory). The app runs as one Node process
 * next to one SQLite file, so every request passes through these same counters and nothing needs
 * sharing. Counters are lost on restart, which only ever loosens a limit for a while. Running
 * several processes would need a shared store instead (the library offers SQLite and others).
 * The library measures time with Date.now(), not the app clock.
 */

const EMAIL_SENDS = { points: 3, duration: 10 * 60 };
// A ceiling per network, not a limit per person: a workshop's Wi-Fi or a carrier's NAT puts dozens
// of people behind one address, so each destination and each account carries its own limit and
// this only stops a flood (ADR 0008, 2026 section).
const SIGNUPS_PER_IP = { points: 60, duration: 60 * 60 };
// Texts cost money: the same kind of ceiling for SMS codes, beside the limits per number and per
// account kept with the codes themselves (phone-codes.server.ts).
const PHONE_CODES_PER_IP = { points: 60, duration: 60 * 60 };
// Each card gift opens a Stripe Checkout Session: generous enough for a fundraiser on one Wi-Fi.
const CARD_CHECKOUTS_PER_IP = { points: 30, duration: 10 * 60 };

type Lockout = {
  /** Failures allowed before the first block. */
  freeFailures: number;
  /** Length of the first block; each further failure doubles it. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
  /** A quiet spell this long forgets the failures. */
  forgetAfterSeconds: number;
};

// Per account: after 5 failures in a row, 1 minute, then 2, 4, 8... up to a day; success resets.
const ACCOUNT_LOCKOUT: Lockout = {
  freeFailures: 5,
  baseBlockSeconds: 60,
  maxBlockSeconds: 24 * 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};
// Per IP: 50 failures without a 15-minute pause, then 15 minutes, 30, 60... up to a day.
// A success from the IP does not reset it, or one real account would unlock guessing at others.
const IP_LOCKOUT: Lockout = {
  freeFailures: 50,
  baseBlockSeconds: 15 * 60,
  maxBlockSeconds: 24 * 60 * 60,
  forgetAfterSeconds: 15 * 60,
};

// Second-factor codes, per account: a six-digit code falls to guessing far sooner than a
// password, so 5 wrong codes block for 1 minute, then 2, 4... up to a day; a right one resets.
const CODE_LOCKOUT: Lockout = {
  freeFailures: 5,
  baseBlockSeconds: 60,
  maxBlockSeconds: 24 * 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

function createLimiters() {
  const counter = (keyPrefix: string, forgetAfterSeconds: number) =>
    new RateLimiterMemory({ keyPrefix, points: 1_000_000, duration: forgetAfterSeconds });
  const blocker = (keyPrefix: string) => new RateLimiterMemory({ keyPrefix, points: 1, duration: 1 });
  return {
    emailByAddress: new RateLimiterMemory({ keyPrefix: "email-address", ...EMAIL_SENDS }),
    emailByIp: new RateLimiterMemory({ keyPrefix: "email-ip", ...EMAIL_SENDS }),
    signupByIp: new RateLimiterMemory({ keyPrefix: "signup-ip", ...SIGNUPS_PER_IP }),
    phoneCodesByIp: new RateLimiterMemory({ keyPrefix: "phone-code-ip", ...PHONE_CODES_PER_IP }),
    cardCheckoutByIp: new RateLimiterMemory({ keyPrefix: "card-checkout-ip", ...CARD_CHECKOUTS_PER_IP }),
    accountFailures: counter("login-fail-account", ACCOUNT_LOCKOUT.forgetAfterSeconds),
    accountBlock: blocker("login-block-account"),
    ipFailures: counter("login-fail-ip", IP_LOCKOUT.forgetAfterSeconds),
    ipBlock: blocker("login-block-ip"),
    codeFailures: counter("code-fail-account", CODE_LOCKOUT.forgetAfterSeconds),
    codeBlock: blocker("code-block-account"),
  };
}

const limiters = singleton("auth-rate-limiters", createLimiters);

/** Empties every counter (used between test cases and by an operator after an incident). */
export function resetRateLimits(): void {
  Object.assign(limiters, createLimiters());
}

/** "2 minutes", "1 hour": how long someone must wait, in words. */
export function describeWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? "1 second" : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

function throttle(seconds: number, what: string): never {
  tooManyRequests(seconds, `${what} Please try again in ${describeWait(seconds)}.`);
}

function isRateLimiterRes(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && "msBeforeNext" in value;
}

/** Consumes one point; returns the seconds to wait when the limit is spent, else null. */
async function spend(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (isRateLimiterRes(error)) return error.msBeforeNext / 1000;
    throw error;
  }
}

async function secondsLeft(limiter: RateLimiterMemory, key: string, limit: number): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.msBeforeNext <= 0 || res.consumedPoints < limit) return 0;
  return res.msBeforeNext / 1000;
}

/** Throws a 429 when this address or this IP already caused 3 emails in 10 minutes. */
export async function assertEmailSendAllowed(email: string, ip: string): Promise<void> {
  const address = normaliseEmail(email);
  // Look before spending, so a refused request does not use up the other key's allowance.
  const wait = Math.max(
    await secondsLeft(limiters.emailByAddress, address, EMAIL_SENDS.points),
    await secondsLeft(limiters.emailByIp, ip, EMAIL_SENDS.points),
  );
  if (wait === 0) {
    const byAddress = await spend(limiters.emailByAddress, address);
    const byIp = await spend(limiters.emailByIp, ip);
    if (byAddress === null && byIp === null) return;
  }
  securityEvent("rate.limited", { limit: "email-send", ip });
  throttle(wait || EMAIL_SENDS.duration, "We have sent several emails already.");
}

type Spend = { limiter: RateLimiterMemory; key: string; points: number; refusal: (wait: string) => string; limit: string };

/**
 * Looks at every key first and spends on all of them only when none is spent out, so a refused
 * request costs nothing: the person fixes nothing and simply tries again later.
 */
async function spendAll(spends: Spend[], ip: string): Promise<Refusal | null> {
  for (const item of spends) {
    const wait = await secondsLeft(item.limiter, item.key, item.points);
    if (wait > 0) return throttled(item, wait, ip);
  }
  for (const item of spends) {
    const wait = await spend(item.limiter, item.key);
    if (wait !== null) return throttled(item, wait, ip);
  }
  return null;
}

function throttled(item: Spend, seconds: number, ip: string): Refusal {
  securityEvent("rate.limited", { limit: item.limit, ip });
  return refuse(item.refusal(describeWait(seconds)), { status: 429, code: "rate-limited", retryAfterSeconds: seconds });
}

const NETWORK_BUSY = (wait: string) =>
  `Many people have signed up from this network (the Wi-Fi or mobile network you are on) in the last hour. Please try again in ${wait}, or switch to mobile data. Your answers are still in the form.`;

/**
 * Sign-up limits that fit a venue (ADR 0008): at most 60 sign-ups an hour from one network, and
 * each email address given (the person's, a guardian's) shares the 3-emails-in-10-minutes limit
 * of every address. A refusal, not a thrown page, so the form comes back with what was typed.
 */
export function signupRefusal(ip: string, emails: readonly (string | null | undefined)[], options: { textsCode?: boolean } = {}): Promise<Refusal | null> {
  const addresses = [...new Set(emails.filter((email): email is string => !!email).map(normaliseEmail))];
  return spendAll(
    [
      { limiter: limiters.signupByIp, key: ip, points: SIGNUPS_PER_IP.points, refusal: NETWORK_BUSY, limit: "signup" },
      ...(options.textsCode ? [phoneCodesFromNetwork(ip)] : []),
      ...addresses.map((address) => ({
        limiter: limiters.emailByAddress,
        key: address,
        points: EMAIL_SENDS.points,
        refusal: (wait: string) => `We have sent several emails to ${address} in the last few minutes. Please try again in ${wait}.`,
        limit: "email-send",
      })),
    ],
    ip,
  );
}

function phoneCodesFromNetwork(ip: string): Spend {
  const refusal = (wait: string) =>
    `Many codes have been sent from this network (the Wi-Fi or mobile network you are on) in the last hour. Please try again in ${wait}, or switch to mobile data. What you typed is still here.`;
  return { limiter: limiters.phoneCodesByIp, key: ip, points: PHONE_CODES_PER_IP.points, refusal, limit: "phone-code" };
}

/** At most 60 SMS codes an hour from one network, whatever the numbers (the limits per number and per account are the codes'). */
export function phoneCodeNetworkRefusal(ip: string): Promise<Refusal | null> {
  return spendAll([phoneCodesFromNetwork(ip)], ip);
}

/** Throws a 429 after 30 card checkouts from one IP in 10 minutes. */
export async function assertCardCheckoutAllowed(ip: string): Promise<void> {
  const wait = await spend(limiters.cardCheckoutByIp, ip);
  if (wait === null) return;
  securityEvent("rate.limited", { limit: "card-checkout", ip });
  throttle(wait, "There have been many card gifts from your network just now.");
}

/** Called before a password is checked: throws a 429 while the account or the IP is blocked. */
export async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  const account = normaliseEmail(email);
  const byAccount = await secondsLeft(limiters.accountBlock, account, 1);
  const byIp = await secondsLeft(limiters.ipBlock, ip, 1);
  const wait = Math.max(byAccount, byIp);
  if (wait === 0) return;
  securityEvent("login.throttled", { ip, by: byAccount >= byIp ? "account" : "ip", retryAfterSeconds: Math.ceil(wait) });
  throttle(wait, "There have been too many attempts to sign in.");
}

async function addFailure(counter: RateLimiterMemory, blocker: RateLimiterMemory, key: string, rule: Lockout) {
  const previous = await counter.get(key);
  const failures = (previous && previous.msBeforeNext > 0 ? previous.consumedPoints : 0) + 1;
  // `set` restarts the forgetting window at every failure, so only real quiet forgets them.
  await counter.set(key, failures, rule.forgetAfterSeconds);
  if (failures < rule.freeFailures) return 0;
  const seconds = Math.min(rule.maxBlockSeconds, rule.baseBlockSeconds * 2 ** (failures - rule.freeFailures));
  await blocker.block(key, seconds);
  return seconds;
}

/** Counts a failed sign-in against the address and the IP; returns the block now in force (seconds). */
export async function recordLoginFailure(email: string, ip: string): Promise<number> {
  const byAccount = await addFailure(limiters.accountFailures, limiters.accountBlock, normaliseEmail(email), ACCOUNT_LOCKOUT);
  const byIp = await addFailure(limiters.ipFailures, limiters.ipBlock, ip, IP_LOCKOUT);
  return Math.max(byAccount, byIp);
}

/** A correct password ends the run of failures for that account (not for the IP). */
export async function recordLoginSuccess(email: string): Promise<void> {
  const account = normaliseEmail(email);
  await limiters.accountFailures.delete(account);
  await limiters.accountBlock.delete(account);
}

/** Called before a second-factor code is checked: throws a 429 while the account is blocked. */
export async function assertCodeAllowed(userId: string, ip: string): Promise<void> {
  const wait = await secondsLeft(limiters.codeBlock, userId, 1);
  if (wait === 0) return;
  securityEvent("second-factor.throttled", { userId, ip, retryAfterSeconds: Math.ceil(wait) });
  throttle(wait, "There have been too many wrong codes.");
}

/** Counts a wrong code against the account; returns the block now in force (seconds). */
export function recordCodeFailure(userId: string): Promise<number> {
  return addFailure(limiters.codeFailures, limiters.codeBlock, userId, CODE_LOCKOUT);
}

export async function recordCodeSuccess(userId: string): Promise<void> {
  await limiters.codeFailures.delete(userId);
  await limiters.codeBlock.delete(userId);
}
