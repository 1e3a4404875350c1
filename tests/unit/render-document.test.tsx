import { Suspense } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderDocument } from "~/utils/render-document.server";

const CUT_OFF_MS = 60_000;

/** The cut-off timers renderDocument sets during `work`, and whether each was cleared by the end. */
async function cutOffTimers(work: () => Promise<void>): Promise<{ set: number; cleared: number }> {
  const setSpy = vi.spyOn(globalThis, "setTimeout");
  const clearSpy = vi.spyOn(globalThis, "clearTimeout");
  try {
    await work();
    const handles = setSpy.mock.calls.flatMap((call, i) => (call[1] === CUT_OFF_MS ? [setSpy.mock.results[i]!.value] : []));
    const cleared = handles.filter((handle) => clearSpy.mock.calls.some((call) => call[0] === handle));
    return { set: handles.length, cleared: cleared.length };
  } finally {
    setSpy.mockRestore();
    clearSpy.mockRestore();
  }
}

/** Data that arrives later: the component suspends until then (React 18's way). */
type Later = { promise: Promise<void>; text?: string };

function Later({ value }: { value: Later }) {
  if (value.text === undefined) throw value.promise;
  return <p>{value.text}</p>;
}

function page(value: Later) {
  return (
    <html lang="en">
      <body>
        <h1>Shell</h1>
        <Suspense fallback={<p>Loading</p>}>
          <Later value={value} />
        </Suspense>
      </body>
    </html>
  );
}

function settlesIn(ms: number, text: string): Later {
  const later: Later = { promise: new Promise((resolve) => setTimeout(resolve, ms)) };
  later.promise = later.promise.then(() => void (later.text = text));
  return later;
}

describe("renderDocument", () => {
  for (const waitForAll of [false, true]) {
    it(`clears its cut-off timer once the document is done (${waitForAll ? "whole document" : "streamed"})`, async () => {
      const timers = await cutOffTimers(async () => {
        const value = settlesIn(20, "Arrived");
        const response = await renderDocument(page(value), { waitForAll, cutOffAfterMs: CUT_OFF_MS, status: 200, headers: new Headers() });
        const html = await response.text();
        expect(response.status).toBe(200);
        expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
        expect(html).toContain("Shell");
        expect(html).toContain("Arrived");
      });
      expect(timers).toEqual({ set: 1, cleared: 1 });
    });
  }

  it("does not log a reader who leaves mid-page as an error", async () => {
    const value = settlesIn(30, "Arrived");
    const response = await renderDocument(page(value), { waitForAll: false, cutOffAfterMs: 60_000, status: 200, headers: new Headers() });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("Shell");
    await reader.cancel();
    await value.promise;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The test set-up fails any test that logged an error.
  });

  it("cuts a render off that never finishes, ends the stream and logs why", async () => {
    const logged: unknown[] = [];
    vi.mocked(console.error).mockImplementation((error: unknown) => void logged.push(error));
    const never: Later = { promise: new Promise(() => {}) };
    const response = await renderDocument(page(never), { waitForAll: false, cutOffAfterMs: 50, status: 200, headers: new Headers() });
    const html = await response.text();
    expect(html).toContain("Shell");
    expect(html).toContain("Loading");
    expect(html).not.toContain("Arrived");
    expect(String(logged[0])).toMatch(/aborted/);
  });
});
