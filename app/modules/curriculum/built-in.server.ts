import { loadCurriculum } from "./content.server";
import { findInstalledCurriculum, installCurriculum } from "./curricula.server";
import type { CurriculumSource } from "./exercise-types";

const FOLDER = "content/curriculum/bounce-back";

let loaded: CurriculumSource | undefined;

// Read on first use, not on import: at start-up that is ensureBuiltInCurriculum() in server.ts,
// where a broken content file is logged and stops the server.
const load = () => (loaded ??= loadCurriculum(FOLDER, { stepCount: 15 }));

/** The curriculum every installation starts with, read from `content/curriculum/bounce-back/`. */
export const BUILT_IN_CURRICULUM: CurriculumSource = {
  get slug() {
    return load().slug;
  },
  get title() {
    return load().title;
  },
  get summary() {
    return load().summary;
  },
  get steps() {
    return load().steps;
  },
};

/**
 * Creates the 15-step curriculum when this installation does not have it; leaves an installed
 * copy (and every edit organisers made to it) alone. Runs at start-up and in the seed.
 */
export function ensureBuiltInCurriculum(source: CurriculumSource = load()) {
  return installCurriculum(source);
}

/** The installed built-in curriculum's id, if it is installed. */
export function builtInCurriculumId(): string | null {
  return findInstalledCurriculum(load().slug)?.id ?? null;
}
