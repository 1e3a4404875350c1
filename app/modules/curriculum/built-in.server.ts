import { BOUNCE_BACK_CURRICULUM } from "./bounce-back-curriculum";
import { findInstalledCurriculum, installCurriculum } from "./curricula.server";

/** The curriculum every installation starts with. */
export const BUILT_IN_CURRICULUM = BOUNCE_BACK_CURRICULUM;

/**
 * Creates the 15-step curriculum when this installation does not have it; leaves an installed
 * copy (and every edit organisers made to it) alone. Runs at start-up and in the seed.
 */
export function ensureBuiltInCurriculum(source = BUILT_IN_CURRICULUM) {
  return installCurriculum(source);
}

/** The installed built-in curriculum's id, if it is installed. */
export function builtInCurriculumId(): string | null {
  return findInstalledCurriculum(BUILT_IN_CURRICULUM.slug)?.id ?? null;
}
