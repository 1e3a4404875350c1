import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorSummary, FieldError, SubmitButton, TextAreaField } from "~/components/forms";
import { addNoteSchema, NOTE_TYPE_LABELS, NOTE_TYPES, type NoteType } from "~/modules/mentoring";
import type { Workspace } from "~/modules/mentoring";

type Note = Workspace["sharedNotes"][number];
type LastResult = SubmissionResult<string[]> | null | undefined;

function NoteButton({ intent, noteId, label, className = "link-button" }: { intent: string; noteId: string; label: string; className?: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="noteId" value={noteId} />
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  );
}

function NoteList({ notes, empty, label }: { notes: Note[]; empty: string; label: string }) {
  if (!notes.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="comment-list" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className="note">
          <blockquote>{note.body}</blockquote>
          {/* A div, not a p: the delete button is a form, which may not sit inside a paragraph. */}
          <div className="muted">
            {note.byMe ? "You" : note.author}, {note.written}
            {note.byMe ? (
              <>
                {" · "}
                <NoteButton intent="delete-note" noteId={note.id} label="Delete" className="link-button link-button--danger" />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function ActionList({ actions, active }: { actions: Note[]; active: boolean }) {
  if (!actions.length) return <p className="muted">No action items yet.</p>;
  return (
    <ul className="plain-list" aria-label="Action items">
      {actions.map((action) => (
        <li key={action.id} className="note">
          <span className={action.done ? "tag tag--success" : "tag"}>{action.done ? "Done" : "To do"}</span> <span className="pre-line">{action.body}</span>{" "}
          <span className="muted">
            ({action.byMe ? "you" : action.author}, {action.written})
          </span>
          {active ? (
            <>
              {" "}
              <NoteButton intent={action.done ? "action-open" : "action-done"} noteId={action.id} label={action.done ? "Mark as not done" : "Mark as done"} />
            </>
          ) : null}
          {action.byMe ? (
            <>
              {" · "}
              <NoteButton intent="delete-note" noteId={action.id} label="Delete" className="link-button link-button--danger" />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AddNoteForm({ role, lastResult }: { role: "mentor" | "mentee"; lastResult: LastResult }) {
  const types: NoteType[] = role === "mentor" ? [...NOTE_TYPES] : NOTE_TYPES.filter((t) => t !== "private");
  const [form, fields] = useForm({
    id: "add-note",
    lastResult,
    defaultValue: { type: role === "mentor" ? "private" : "shared" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addNoteSchema }),
    shouldValidate: "onBlur",
  });
  const typeError = fields.type.errors?.[0];
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <ErrorSummary form={form} fields={{ type: fields.type, body: fields.body }} />
      <input type="hidden" name="intent" value="add-note" />
      <fieldset className={typeError ? "field field--error" : "field"} aria-describedby={typeError ? fields.type.errorId : undefined}>
        <legend>Kind of note</legend>
        <FieldError meta={fields.type} />
        {types.map((type, index) => {
          const { key, ...props } = getInputProps(fields.type, { type: "radio", value: type });
          const id = index === 0 ? fields.type.id : `${fields.type.id}-${index}`;
          return (
            <div className="radio" key={key ?? type}>
              <input {...props} id={id} />
              <label htmlFor={id}>{NOTE_TYPE_LABELS[type]}</label>
            </div>
          );
        })}
      </fieldset>
      <TextAreaField meta={fields.body} label="Note" rows={4} />
      <SubmitButton>Save note</SubmitButton>
    </Form>
  );
}

/** Private notes (the mentor's alone), shared notes and action items. */
export function NotesPanel({ workspace, lastResult }: { workspace: Workspace; lastResult: LastResult }) {
  return (
    <section aria-labelledby="notes-title" id="notes">
      <h2 id="notes-title">Notes</h2>
      {workspace.role === "mentor" ? (
        <>
          <h3>Your private notes</h3>
          <p className="muted">Only you can read these: not {workspace.otherName}, not the organisers.</p>
          <NoteList notes={workspace.privateNotes} empty="No private notes yet." label="Private notes" />
        </>
      ) : null}
      <h3>Shared notes</h3>
      <p className="muted">You and {workspace.otherName} both read these.</p>
      <NoteList notes={workspace.sharedNotes} empty="No shared notes yet." label="Shared notes" />
      <h3>Action items</h3>
      <ActionList actions={workspace.actions} active={workspace.active} />
      {workspace.active ? (
        <>
          <h3>Add a note</h3>
          {/* A new key after each saved note empties the form, with or without JavaScript. */}
          <AddNoteForm key={workspace.privateNotes.length + workspace.sharedNotes.length + workspace.actions.length} role={workspace.role} lastResult={lastResult} />
        </>
      ) : null}
    </section>
  );
}
