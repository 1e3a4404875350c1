// The curriculum area's front door for server code (routes, other areas, scripts).
export { BUILT_IN_CURRICULUM, builtInCurriculumId, ensureBuiltInCurriculum } from "./built-in.server";
export { createCurriculum, findCurriculum, listCurricula, publicOverview, stepIdsOf, stepsOf, updateCurriculum, type CurriculumStep } from "./curricula.server";
export { appendStep, changeExerciseKind, deleteStep, findStep, shiftStep, updateStep } from "./steps.server";
