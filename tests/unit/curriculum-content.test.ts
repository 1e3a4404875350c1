import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { loadCurriculum } from "~/modules/curriculum/content.server";

const FOLDER = "content/curriculum/bounce-back";

const SLUGS = [
  "accept-the-outcome",
  "ask-for-feedback",
  "reflect-on-the-interview",
  "know-your-strengths",
  "build-your-skills",
  "widen-your-search",
  "build-your-support",
  "send-a-thank-you",
  "reassess-your-goals",
  "keep-applying",
  "celebrate-small-wins",
  "look-after-yourself",
  "learn-from-others",
  "focus-on-what-you-control",
  "look-ahead",
];

const KINDS = ["reflection", "email_draft", "reflection", "list", "list", "list", "list", "email_draft", "rating_text", "application_tracker", "journal", "journal", "reflection", "reflection", "future_note"];

describe("the shipped curriculum content", () => {
  it("loads to 15 steps, in the order of their file numbers, with every kind of exercise", () => {
    const curriculum = loadCurriculum(FOLDER, { stepCount: 15 });
    expect(curriculum).toMatchObject({ slug: "bounce-back", title: "Bounce back after a job rejection" });
    expect(curriculum.steps.map((step) => step.slug)).toEqual(SLUGS);
    expect(curriculum.steps.map((step) => step.exercise.kind)).toEqual(KINDS);
    for (const step of curriculum.steps) {
      expect(step.body, step.slug).not.toMatch(/^\s|\s$/);
      expect(step.readingMinutes, step.slug).toBeGreaterThan(0);
    }
  });
});

describe("a broken copy of the content", () => {
  // A copy under a temporary working directory, so messages name files as they would in the repository.
  let cwd: string;
  let cwdSpy: MockInstance<() => string>;
  const file = (name: string) => path.join(cwd, FOLDER, name);
  const edit = (name: string, change: (text: string) => string) => fs.writeFileSync(file(name), change(fs.readFileSync(file(name), "utf8")));
  const load = () => loadCurriculum(FOLDER, { stepCount: 15 });

  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), "steppingstone-content-"));
    fs.cpSync(path.resolve(FOLDER), path.join(cwd, FOLDER), { recursive: true });
    cwdSpy = vi.spyOn(process, "cwd").mockReturnValue(cwd);
  });

  afterEach(() => {
    cwdSpy.mockRestore();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it("refuses a step without a title", () => {
    edit("01-accept-the-outcome.md", (text) => text.replace(/^title: .*\n/m, ""));
    expect(load).toThrow(new Error(`${FOLDER}/01-accept-the-outcome.md: title: Invalid input: expected string, received undefined`));
  });

  it("refuses a misspelt key, in the front matter and deep in the exercise", () => {
    edit("03-reflect-on-the-interview.md", (text) => text.replace("readingMinutes:", "readingMinuets:"));
    edit("01-accept-the-outcome.md", (text) => text.replace("      hint:", "      hnit:"));
    expect(load).toThrow(
      new Error(
        [
          `${FOLDER}/01-accept-the-outcome.md: exercise.prompts.0.hnit: Unrecognized key`,
          `${FOLDER}/03-reflect-on-the-interview.md: readingMinutes: Invalid input: expected number, received undefined`,
          `${FOLDER}/03-reflect-on-the-interview.md: readingMinuets: Unrecognized key`,
        ].join("\n"),
      ),
    );
  });

  it("refuses an exercise of a kind that does not exist, or with a field of the wrong type", () => {
    edit("01-accept-the-outcome.md", (text) => text.replace("kind: reflection", "kind: quiz"));
    edit("13-learn-from-others.md", (text) => text.replace(/(prompts:\n\s+- key: \w+\n\s+)label: .*/, "$1label: 42"));
    const message = errorOf(load);
    expect(message).toContain(`${FOLDER}/01-accept-the-outcome.md: exercise.kind: Invalid discriminator value. Expected 'reflection' | 'list'`);
    expect(message).toContain(`${FOLDER}/13-learn-from-others.md: exercise.prompts.0.label: Invalid input: expected string, received number`);
  });

  it("refuses a gap in the numbering, a repeated number and a missing step", () => {
    fs.renameSync(file("03-reflect-on-the-interview.md"), file("04-reflect-on-the-interview.md"));
    expect(errorOf(load).split("\n")).toEqual([
      `${FOLDER}/04-know-your-strengths.md: file number: expected 3, found 4: steps are numbered from 1 without gaps`,
      `${FOLDER}/04-reflect-on-the-interview.md: file number: 4 is also the number of 04-know-your-strengths.md`,
    ]);
    fs.rmSync(file("04-reflect-on-the-interview.md"));
    expect(errorOf(load).split("\n")).toEqual([
      `${FOLDER}/04-know-your-strengths.md: file number: expected 3, found 4: steps are numbered from 1 without gaps`,
      `${FOLDER}: step files: expected 15, found 14`,
    ]);
  });

  it("refuses two steps with the same slug, and a slug that differs from its file name", () => {
    edit("02-ask-for-feedback.md", (text) => text.replace("slug: ask-for-feedback", "slug: accept-the-outcome"));
    expect(load).toThrow(new Error(`${FOLDER}/02-ask-for-feedback.md: slug: "accept-the-outcome" does not match the file name, which has "ask-for-feedback"`));
    fs.renameSync(file("02-ask-for-feedback.md"), file("02-accept-the-outcome.md"));
    expect(load).toThrow(new Error(`${FOLDER}/02-accept-the-outcome.md: slug: "accept-the-outcome" is also the slug of 01-accept-the-outcome.md`));
  });

  it("refuses front matter that is not valid YAML, with the line in the file", () => {
    edit("05-build-your-skills.md", (text) => text.replace(/^title: (.*)$/m, "title: [$1"));
    expect(errorOf(load)).toMatch(new RegExp(`^${FOLDER}/05-build-your-skills\\.md: front matter: .+ \\(line \\d+, column \\d+\\)$`));
  });

  it("refuses a step without front matter or without a body, and a curriculum.yaml without a title", () => {
    edit("06-widen-your-search.md", (text) => text.replace(/^---\n/, ""));
    edit("07-build-your-support.md", (text) => text.slice(0, text.indexOf("\n---\n") + 5));
    edit("curriculum.yaml", (text) => text.replace(/^title: .*\n/m, ""));
    expect(errorOf(load).split("\n")).toEqual([
      `${FOLDER}/curriculum.yaml: title: Invalid input: expected string, received undefined`,
      `${FOLDER}/06-widen-your-search.md: front matter: missing; the file must start with a line "---" and the front matter end with another`,
      `${FOLDER}/07-build-your-support.md: body: empty; write the step's Markdown after the front matter`,
    ]);
  });

  it("refuses a file whose name is not a numbered step", () => {
    fs.writeFileSync(file("notes.md"), "# Notes\n");
    expect(load).toThrow(new Error(`${FOLDER}/notes.md: file name: expected curriculum.yaml or NN-<step-slug>.md`));
  });
});

function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the curriculum to be refused");
}
