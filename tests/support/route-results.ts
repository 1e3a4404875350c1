// Loaders and actions return plain values, `data(value, init)` or a `Response` (redirects); these
// helpers read all three the same way, so tests can call route modules directly.

export type RouteResult = { status: number; headers: Headers; data: unknown };

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export function readResult(value: unknown): RouteResult {
  if (value instanceof Response) return { status: value.status, headers: value.headers, data: null };
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data };
  }
  return { status: 200, headers: new Headers(), data: value };
}

/** Runs a loader or action and reads what it returned or threw (redirects and 4xx are thrown). */
export async function runRoute(fn: () => unknown): Promise<RouteResult> {
  try {
    return readResult(await fn());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return readResult(thrown);
    throw thrown;
  }
}

/** Every `Set-Cookie` value of a result. */
export function setCookies(result: RouteResult): string[] {
  return result.headers.getSetCookie();
}
