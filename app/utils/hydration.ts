import { useMatches } from "react-router";

/**
 * Public pages ship no JavaScript: they are server-rendered HTML with plain forms, which
 * keeps them light on paid mobile data (see docs/decisions/0004-public-pages-without-javascript.md).
 * A route opts out with `export const handle = staticPage;`.
 */
export const staticPage = { hydrate: false } as const;

export function useShouldHydrate(): boolean {
  return !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}
