const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as organisers read it, in the organisation's time zone: "25 Nov 2026, 19:49". */
export function formatInstant(ms: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(ms);
}
