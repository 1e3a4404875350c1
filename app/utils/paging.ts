/** One page of a list split into pages: which page it is, how many there are, and where its rows start. */
export type PageWindow = { page: number; pageCount: number; offset: number; limit: number };

/**
 * The page to show of `total` rows in pages of `size`: whatever was asked for (not a number, 0,
 * negative, a fraction, past the end) becomes a real page, so a hand-typed `?page=` never errs.
 */
export function pageWindow(asked: number, total: number, size: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(asked) || 1), pageCount);
  return { page, pageCount, offset: (page - 1) * size, limit: size };
}

/** The page number a URL asks for in `name` (`page` unless told): NaN when it is not a number, which `pageWindow` reads as 1. */
export function pageAsked(searchParams: URLSearchParams, name = "page"): number {
  return Number(searchParams.get(name) ?? "1");
}
