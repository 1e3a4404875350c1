import { describe, expect, it } from "vitest";
import { withHelpLines } from "~/modules/cohorts/step-view.server";
import { renderMarkdown } from "~/utils/markdown.server";

describe("help lines in a step", () => {
  it("puts the organisation's help lines where the step asks for them, one list item each", () => {
    const html = renderMarkdown(withHelpLines("Call:\n\n{{help_lines}}\n\nThen rest.", "Lagos line: 0800-000-0000\n\n<b>Clinic</b> *9am*"));
    expect(html).toContain("<li>Lagos line: 0800-000-0000</li>");
    expect(html).toContain("<li>&lt;b&gt;Clinic&lt;/b&gt; *9am*</li>");
    expect(html).not.toContain("{{help_lines}}");
  });

  it("says plainly when no help lines are listed, and leaves other steps alone", () => {
    expect(withHelpLines("{{help_lines}}", "  ")).toContain("have not listed help lines yet");
    expect(withHelpLines("No placeholder here.", "Line")).toBe("No placeholder here.");
  });
});
