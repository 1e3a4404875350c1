/** Request bodies no page of ours sends, for the "no 5xx from junk" test. */
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
// Far over every field's limit, while the whole form stays under the body limit (so it reaches the action).
const LONG = "x".repeat(10_000);
const FIELDS = ["name", "email", "password", "currentPassword", "newPassword", "newEmail", "token", "redirectTo", "id"];
const MORE_FIELDS = ["roles", "role", "tagline", "mission", "timeZone", "currency", "bankTransferDetails", "contactEmail", "website"];
const INTENTS = [null, LONG, "change-password", "change-email", "invite", "revoke", "accept", "create", "resend-verification"];
const longForm = (intent: string | null) =>
  new URLSearchParams([...[...FIELDS, ...MORE_FIELDS].map((f) => [f, LONG]), ...(intent ? [["intent", intent]] : [])]).toString();

/** Bodies no form of ours sends: refused with a 4xx (the exact one where it is known). */
const MALFORMED: [string, Record<string, string>, string | Buffer, number?][] = [
  ["random bytes as a form", FORM, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ["broken percent-encoding", FORM, "email=%E0%A4%A&password=%%%&intent=%FF%FE&token=%00"],
  ["an oversized body", FORM, `email=${"a".repeat(1_100_000)}`, 413],
  ["JSON", { "Content-Type": "application/json" }, JSON.stringify({ email: "a@example.org", password: "x" }), 415],
  ["plain text", { "Content-Type": "text/plain" }, "email=a@example.org", 415],
  ["an unknown type", { "Content-Type": "application/octet-stream" }, Buffer.from([0, 1, 2, 3]), 415],
  ["broken multipart", { "Content-Type": "multipart/form-data; boundary=xyz" }, '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nab', 415],
  ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, "email=a", 415],
];
/** Well-formed but odd: refused, or (when the fields that matter are fine) a redirect; never a 5xx. */
const ODD: [string, string][] = [
  ["repeated fields", "email=a&email=b&intent=x&intent=y&roles=organiser&roles=nobody&token=a&token=b"],
  ...INTENTS.map((intent): [string, string] => [`very long strings (intent ${intent === LONG ? "very long" : intent})`, longForm(intent)]),
];
export const JUNK_CASES = [
  ...MALFORMED.map(([name, headers, data, expected]) => ({ name, headers, data, expected, odd: false })),
  ...ODD.map(([name, data]) => ({ name, headers: FORM as Record<string, string>, data: data as string | Buffer, expected: undefined, odd: true })),
];
