import { z } from "zod";
import { EXERCISE_KINDS } from "./exercise-defaults";

// Organisers' curriculum forms. Shared by the server and the page.

const title = z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(120, "The title can be at most 120 characters");
const summary = z.string().trim().max(1000, "The summary can be at most 1,000 characters").default("");

export const createCurriculumSchema = z.object({
  intent: z.literal("create"),
  title,
  summary,
  copyFromId: z.string().trim().optional(),
});

export const curriculumDetailsSchema = z.object({ intent: z.literal("details"), title, summary });

export const stepChangeSchema = z.object({
  intent: z.enum(["move-up", "move-down", "remove"], { error: "Choose what to do with the step" }),
  stepId: z.string({ error: "Choose a step" }).min(1),
});

export const addStepSchema = z.object({ intent: z.literal("add-step") });

export const changeKindSchema = z.object({
  intent: z.literal("change-kind"),
  kind: z.enum(EXERCISE_KINDS, { error: "Choose a kind of exercise" }),
});
