import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * A step's exercise is JSON whose shape the curriculum module defines and validates before it is
 * written. The schema imports nothing from the app, so the module names that shape by augmenting
 * this interface (`declare module "~db/schema/curriculum"` in app/modules/curriculum/exercise-types.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExerciseStorage {}
export type StoredExercise = ExerciseStorage extends { definition: infer Definition } ? Definition : { kind: string } & Record<string, unknown>;

export const curricula = sqliteTable(
  "curricula",
  {
    id: text("id").primaryKey(),
    // Set for curricula shipped with the software, so start-up can tell whether one is installed.
    sourceSlug: text("source_slug"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("curricula_source_slug_unique").on(t.sourceSlug)],
);

export const curriculumSteps = sqliteTable(
  "curriculum_steps",
  {
    id: text("id").primaryKey(),
    curriculumId: text("curriculum_id")
      .notNull()
      .references(() => curricula.id, { onDelete: "cascade" }),
    // 1-based order within the curriculum; participants' step addresses use it.
    position: integer("position").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    readingMinutes: integer("reading_minutes").notNull().default(5),
    exercise: text("exercise", { mode: "json" }).$type<StoredExercise>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("curriculum_steps_position_unique").on(t.curriculumId, t.position)],
);
