import type { SubmissionResult } from "@conform-to/react";
import type { ApplicationRow } from "../cohorts/application-form";
import { ExerciseForm, Intro } from "./exercise-form";
import { EmailDraftResult, JournalSection, TrackerSection } from "./exercise-extras";
import type { ExerciseDefinition } from "~/modules/curriculum";

type StepViewProps = {
  view: {
    title: string;
    readingMinutes: number;
    bodyHtml: string;
    exercise: ExerciseDefinition;
    answer: Record<string, unknown>;
    draft: { subject: string; body: string; mailto: string } | null;
    entries: { id: string; when: string; values: Record<string, string> }[];
    applications: ApplicationRow[];
    completedAt: string | null;
  };
  /** "Step 3 of 15", and the cohort's name when there is one. */
  kicker: string;
  lastResult?: SubmissionResult<string[]> | null;
  preview?: boolean;
};

function resultFor(lastResult: StepViewProps["lastResult"], intent: string) {
  const submitted = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  return submitted === intent ? lastResult : null;
}

/** A step as participants read it: the text, then the exercise. */
export function StepView({ view, kicker, lastResult, preview }: StepViewProps) {
  const { exercise } = view;
  return (
    <article className="step" aria-labelledby="step-title">
      <p className="step__kicker">{kicker}</p>
      <h1 id="step-title">{view.title}</h1>
      <p className="muted">About {view.readingMinutes} minute{view.readingMinutes === 1 ? "" : "s"} to read</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: view.bodyHtml }} />
      <section aria-labelledby="exercise-title" className="exercise">
        <h2 id="exercise-title">Your turn</h2>
        {view.completedAt ? (
          <p className="notice notice--success">
            You completed this step on {view.completedAt}.
            {exercise.kind === "journal" || exercise.kind === "application_tracker" ? " You can keep adding to it." : " You can change your answer and save again."}
          </p>
        ) : null}
        <Intro text={exercise.intro} />
        {exercise.kind === "journal" ? (
          <JournalSection exercise={exercise} entries={view.entries} lastResult={resultFor(lastResult, "add-entry")} preview={preview} />
        ) : exercise.kind === "application_tracker" ? (
          <TrackerSection
            exercise={exercise}
            applications={view.applications}
            lastResult={resultFor(lastResult, "add-application")}
            preview={preview}
            done={!!view.completedAt}
          />
        ) : (
          <ExerciseForm exercise={exercise} answer={view.answer} lastResult={resultFor(lastResult, "save")} preview={preview} done={!!view.completedAt} />
        )}
        {!preview && !view.completedAt ? <p className="muted">Only you can read your answers. Organisers see that you finished a step, not what you wrote.</p> : null}
      </section>
      {view.draft ? <EmailDraftResult {...view.draft} /> : null}
    </article>
  );
}
