// Linear scales for server-drawn charts: a "nice" top value and evenly spaced ticks.

/** The smallest 1, 2 or 5 × 10ⁿ step that splits `max` into at most `count` parts. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

/** Ticks from 0 to a nice top at or above `max` (0 to 1 when everything is 0). */
export function ticksFor(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, count);
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** A short label for an axis: 1200 → "1.2k", 3500000 → "3.5m". */
export function shortNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${Number((value / 1_000_000).toFixed(1))}m`;
  if (abs >= 10_000) return `${Number((value / 1000).toFixed(0))}k`;
  if (abs >= 1000) return `${Number((value / 1000).toFixed(1))}k`;
  return String(Number(value.toFixed(1)));
}

/** A category label that fits under a bar. */
export function clip(text: string, length = 14): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
