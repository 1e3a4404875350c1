import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { exerciseDefinitionSchema, type CurriculumSource } from "./exercise-types";

// A curriculum kept as content: a folder holding `curriculum.yaml` (its slug, title and summary)
// and one Markdown file per step, `NN-<step-slug>.md`, numbered from 1 without gaps. Each step
// file opens with YAML front matter between two `---` lines (slug, title, summary, readingMinutes,
// exercise); the Markdown body follows.

const CURRICULUM_FILE = "curriculum.yaml";
const STEP_FILE = /^(\d+)-(.+)\.md$/;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");
const text = (max: number) => z.string().trim().min(1).max(max);

const curriculumSchema = z.strictObject({ slug, title: text(120), summary: text(1000) });

const frontMatterSchema = z.strictObject({
  slug,
  title: text(120),
  summary: text(300),
  readingMinutes: z.number().int().min(1).max(60),
  exercise: exerciseDefinitionSchema,
});

type Step = CurriculumSource["steps"][number];
type Report = (file: string, field: string, problem: string) => void;

/**
 * Reads a curriculum folder (absolute, or relative to the working directory) and checks every
 * file. Throws one Error with a line per problem, `<file>: <field>: <problem>`.
 */
export function loadCurriculum(folder: string, options: { stepCount?: number } = {}): CurriculumSource {
  const root = path.resolve(process.cwd(), folder);
  if (!fs.existsSync(root)) throw new Error(`${shown(root)}: no such curriculum folder`);
  const problems: string[] = [];
  const report: Report = (file, field, problem) => problems.push(`${shown(file)}: ${field}: ${problem}`);

  const curriculum = readCurriculumFile(path.join(root, CURRICULUM_FILE), report);
  const steps = stepFiles(root, report).map((file) => readStepFile(file, report));

  if (options.stepCount !== undefined && steps.length !== options.stepCount) {
    report(root, "step files", `expected ${options.stepCount}, found ${steps.length}`);
  } else if (steps.length === 0) {
    report(root, "step files", "none found; name them NN-<step-slug>.md");
  }
  const slugs = new Map<string, string>();
  for (const step of steps) {
    if (!step.value) continue;
    const other = slugs.get(step.value.slug);
    if (other) report(step.file, "slug", `"${step.value.slug}" is also the slug of ${path.basename(other)}`);
    else slugs.set(step.value.slug, step.file);
  }

  if (problems.length > 0 || !curriculum) throw new Error(problems.join("\n"));
  return { ...curriculum, steps: steps.map((step) => step.value!) };
}

function readCurriculumFile(file: string, report: Report) {
  if (!fs.existsSync(file)) {
    report(file, "file", "missing; it holds the curriculum's slug, title and summary");
    return undefined;
  }
  const data = parseYaml(read(file), 1, file, "document", report);
  return data.ok ? validate(curriculumSchema, data.value, file, "document", report) : undefined;
}

/** The step files in order of their numbers, after checking the numbering and the file names. */
function stepFiles(root: string, report: Report): string[] {
  const numbered: { number: number; file: string }[] = [];
  for (const name of fs.readdirSync(root).sort()) {
    if (name === CURRICULUM_FILE || name.startsWith(".")) continue;
    const match = STEP_FILE.exec(name);
    if (match) numbered.push({ number: Number(match[1]), file: path.join(root, name) });
    else report(path.join(root, name), "file name", `expected ${CURRICULUM_FILE} or NN-<step-slug>.md`);
  }
  numbered.sort((a, b) => a.number - b.number);
  let expected = 1;
  numbered.forEach(({ number, file }, index) => {
    const previous = numbered[index - 1];
    if (previous?.number === number) {
      report(file, "file number", `${number} is also the number of ${path.basename(previous.file)}`);
      return;
    }
    if (number !== expected) report(file, "file number", `expected ${expected}, found ${number}: steps are numbered from 1 without gaps`);
    expected = number + 1;
  });
  return numbered.map(({ file }) => file);
}

function readStepFile(file: string, report: Report): { file: string; value?: Step } {
  const parts = splitFrontMatter(read(file));
  if (!parts) {
    report(file, "front matter", 'missing; the file must start with a line "---" and the front matter end with another');
    return { file };
  }
  const data = parseYaml(parts.frontMatter, 2, file, "front matter", report);
  if (!data.ok) return { file };
  const front = validate(frontMatterSchema, data.value, file, "front matter", report);
  if (!front) return { file };

  let ok = true;
  // The shared exercise schema drops keys it does not know; in a content file that is a typo.
  for (const at of droppedKeys(data.value, front)) {
    report(file, fieldName(at), "Unrecognized key");
    ok = false;
  }
  const nameSlug = STEP_FILE.exec(path.basename(file))?.[2];
  if (front.slug !== nameSlug) {
    report(file, "slug", `"${front.slug}" does not match the file name, which has "${nameSlug}"`);
    ok = false;
  }
  if (parts.body === "") {
    report(file, "body", "empty; write the step's Markdown after the front matter");
    ok = false;
  }
  if (!ok) return { file };
  const { exercise, ...details } = front;
  return { file, value: { ...details, body: parts.body, exercise } };
}

/** Front matter and body; blank lines before the body and whitespace after it are not part of it. */
function splitFrontMatter(source: string): { frontMatter: string; body: string } | null {
  const match = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(source);
  if (!match) return null;
  return { frontMatter: match[1] ?? "", body: source.slice(match[0].length).replace(/^\n+/, "").trimEnd() };
}

function parseYaml(source: string, firstLine: number, file: string, field: string, report: Report): { ok: true; value: unknown } | { ok: false } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    report(file, field, `${error.message} (line ${line + firstLine - 1}, column ${col})`);
  }
  return document.errors.length > 0 ? { ok: false } : { ok: true, value: document.toJS() };
}

function validate<T extends z.ZodType>(schema: T, value: unknown, file: string, field: string, report: Report): z.output<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report(file, fieldName([...issue.path, key]), "Unrecognized key");
    } else {
      report(file, issue.path.length > 0 ? fieldName(issue.path) : field, issue.message);
    }
  }
  return undefined;
}

/** Paths of the keys in `raw` that are missing from its parsed form `parsed`. */
function droppedKeys(raw: unknown, parsed: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((item, index) => droppedKeys(item, parsed[index], [...at, index]));
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) => (key in parsed ? droppedKeys(raw[key], parsed[key], [...at, key]) : [[...at, key]]));
}

const fieldName = (at: readonly PropertyKey[]) => at.map(String).join(".");

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// Line endings are normalised so a file saved on Windows reads the same.
const read = (file: string) => fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n");

/** A path as people see it in the repository: relative to the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
