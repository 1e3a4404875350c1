// The patched React Router (ADR 0043): a page's loader data is encoded for the browser only when
// the page renders <Scripts> and so sends it. Pages without JavaScript (every public page) used to
// pay for encoding data nobody received.
import { createRequestHandler, Scripts, useLoaderData, type ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { testServerBuild } from "../support/router-build";

function buildWith(withScripts: boolean, onRead: () => void): ServerBuild {
  function Root() {
    const data = useLoaderData<{ shown: string }>();
    return (
      <html lang="en">
        <body>
          <p>{data.shown}</p>
          {withScripts ? <Scripts /> : null}
        </body>
      </html>
    );
  }
  const loader = () => ({
    shown: "Shown on the page",
    get onlyForTheBrowser() {
      onRead();
      return "encoded";
    },
  });
  return testServerBuild([{ id: "root", path: "", module: { default: Root, loader } }]);
}

async function render(withScripts: boolean) {
  let reads = 0;
  const handler = createRequestHandler(buildWith(withScripts, () => reads++), "production");
  const response = await handler(new Request("http://localhost/"));
  return { html: await response.text(), reads };
}

describe("the browser's copy of the loader data", () => {
  it("is not encoded for a page that sends no script", async () => {
    const { html, reads } = await render(false);
    expect(html).toContain("Shown on the page");
    expect(html).not.toContain("encoded");
    expect(reads).toBe(0);
  });

  it("is encoded and sent on a page that hydrates", async () => {
    const { html, reads } = await render(true);
    expect(html).toContain("Shown on the page");
    expect(html).toContain("streamController.enqueue");
    expect(html).toContain("encoded");
    expect(reads).toBe(1);
  });
});
