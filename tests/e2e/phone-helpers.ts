import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { agreeOnSignupForm } from "./account-helpers";

// Phone sign-up and log-in (ADR 0032): numbers for one test each, and the codes as the SMS
// provider's stand-in received them from the outbox worker.

let sequence = 0;

/** A Nigerian mobile number no other test of the run uses: as typed, and as Termii is given it. */
export function uniquePhone(): { typed: string; international: string } {
  sequence += 1;
  const digits = String((Date.now() * 17 + process.pid * 7919 + sequence) % 10_000_000).padStart(7, "0");
  return { typed: `0803 ${digits.slice(0, 3)} ${digits.slice(3)}`, international: `234803${digits}` };
}

type TermiiSent = { to: string; sms: string };

async function textsTo(international: string): Promise<string[]> {
  const response = await fetch(`${process.env.E2E_TERMII_URL}/_test/sent`);
  const sent = (await response.json()) as TermiiSent[];
  return sent.filter((message) => message.to === international).map((message) => message.sms);
}

/**
 * Waits for the `count`-th text to the number, really sent by the worker through the Termii
 * stand-in, and returns the six-digit code at its start.
 */
export async function textedCode(international: string, count: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await textsTo(international);
    if (texts.length >= count) {
      const code = /^(\d{6}) /.exec(texts[count - 1]!)?.[1];
      if (!code) throw new Error(`No code at the start of: ${texts[count - 1]}`);
      return code;
    }
    if (Date.now() > deadline) throw new Error(`No text number ${count} to ${international} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Fills in /signup/phone's first step for an adult, as a person would. */
export async function fillPhoneSignup(page: Page, name: string, phone: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign up with your mobile number" })).toBeVisible();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Mobile number").fill(phone);
  await agreeOnSignupForm(page, { birthDate: "1996-05-14" });
}

/** Logs in through /login/phone's first step. */
export async function askForLoginCode(page: Page, phone: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Log in with your mobile number" }).click();
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter the code we texted you" })).toBeVisible();
}
