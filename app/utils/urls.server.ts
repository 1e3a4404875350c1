import { env } from "./env.server";

/** A path of this site as a full address (for emails, calendars and share links). */
export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

const LONGEST_REDIRECT = 2000;
// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/\t/evil" and
// "/\\evil" both reach another host; a CR or LF would also break the Location header.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029\\]/;

/**
 * A redirect target taken from input, as a path on this site (path, query and fragment), or the
 * fallback when it is anything else: another host, a scheme, control characters, backslashes,
 * or a path that normalises to one starting with "//".
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/me"): string {
  if (typeof value !== "string" || value.length > LONGEST_REDIRECT) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTERS.test(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // An encoded tab, newline or backslash is refused too: a later decode must not bring it back.
  if (UNSAFE_CHARACTERS.test(decoded) || decoded.startsWith("//")) return fallback;
  const site = new URL(env.APP_URL);
  const target = new URL(value, site);
  if (target.origin !== site.origin || target.pathname.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
