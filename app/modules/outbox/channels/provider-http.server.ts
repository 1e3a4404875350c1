// A provider that has not answered in this time is treated as down; the outbox tries again later.
const REQUEST_TIMEOUT_MS = 15_000;

export type ProviderAnswer = { status: number; text: string; json: unknown };

/**
 * One request to a messaging provider. A network failure, a timeout or a 5xx is thrown as a plain
 * error, which the outbox retries on the same channel; any other answer is returned for the
 * provider's client to read.
 */
export async function callProvider(provider: string, url: string, init: RequestInit): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`${provider} could not be reached: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text().catch(() => "");
  if (response.status >= 500) throw new Error(`${provider} answered ${response.status}: ${text.slice(0, 200)}`);
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Left null: the client says what it expected.
  }
  return { status: response.status, text, json };
}

/** The digits of an E.164 number, as providers that take no plus want it. */
export function digitsOf(e164: string): string {
  return e164.replace(/\D/g, "");
}
