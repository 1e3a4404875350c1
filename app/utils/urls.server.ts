import { env } from "./env.server";

/** A path of this site as a full address (for emails, calendars and share links). */
export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}
