/** A choice in a filter's list: what is sent, and what is shown. */
export type Choice = { id: string; name: string };

/** A filter's short list, and whether some were left out of it. */
export type ShortList<T extends { id: string } = Choice> = { choices: T[]; more: boolean };

/** How many choices a short list holds before the chosen ones: 30, as the journey's filters hold (ADR 0054). */
export const SHORT_LIST_LENGTH = 30;

/**
 * The first `limit` of `rows` (read with one more, to know whether there are more), then the
 * `chosen` ones not among them, read by `readMissing`: a page offering them stays the same size
 * however many there are, and always shows what was picked.
 */
export function shortList<T extends { id: string }>(rows: T[], limit: number, chosen: string[], readMissing: (ids: string[]) => T[]): ShortList<T> {
  const shown = rows.slice(0, limit);
  const missing = chosen.filter((id) => !shown.some((row) => row.id === id));
  return { choices: [...shown, ...(missing.length ? readMissing(missing) : [])], more: rows.length > limit };
}
