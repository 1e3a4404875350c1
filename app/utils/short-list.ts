/** A choice in a filter's list: what is sent, and what is shown. */
export type Choice = { id: string; name: string };

/** A filter's short list, and whether some were left out of it. */
export type ShortList = { choices: Choice[]; more: boolean };

/**
 * The first `limit` of `rows` (read with one more, to know whether there are more), then the
 * `chosen` ones not among them, read by `readMissing`: a page offering them stays the same size
 * however many there are, and always shows what was picked.
 */
export function shortList(rows: Choice[], limit: number, chosen: string[], readMissing: (ids: string[]) => Choice[]): ShortList {
  const shown = rows.slice(0, limit);
  const missing = chosen.filter((id) => !shown.some((row) => row.id === id));
  return { choices: [...shown, ...(missing.length ? readMissing(missing) : [])], more: rows.length > limit };
}
