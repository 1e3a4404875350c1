import type { DeviceQuestion } from "~/modules/events/door-device";
import type { QueuedWalkIn } from "./door-state";
import { element } from "./view";

// The walk-in form read on the phone, offline too. The server checks everything again when the
// walk-in syncs; these checks only catch what can be fixed now, next to the field.

const MESSAGES = {
  name: "Enter the person's name",
  contact: "Enter an email address or a mobile number, so they can claim their account",
  email: "Enter an email address like name@example.com",
  phone: "Enter a mobile number like 0803 123 4567",
};

function showError(form: HTMLFormElement, name: string, message: string | null) {
  const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  const field = input?.closest(".field");
  if (!input || !field) return;
  const id = `${input.id || name}-device-error`;
  field.querySelector(`#${CSS.escape(id)}`)?.remove();
  field.classList.toggle("field--error", !!message);
  if (!message) {
    input.removeAttribute("aria-invalid");
    return;
  }
  const error = element("p", "field__error", message);
  error.id = id;
  field.querySelector("label, legend")?.after(error);
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", id);
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
const looksLikePhone = (value: string) => /^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, "").length >= 7 && value.replace(/\D/g, "").length <= 15;

/** The walk-in to queue, or null with the problems shown next to their fields (the first one focused). */
export function readWalkIn(form: HTMLFormElement, questions: DeviceQuestion[], eventId: string, key: string): QueuedWalkIn | null {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const name = text("name");
  const email = text("email");
  const phone = text("phone");
  const problems: [string, string][] = [];
  if (!name) problems.push(["name", MESSAGES.name]);
  if (!email && !phone) problems.push(["email", MESSAGES.contact]);
  if (email && !looksLikeEmail(email)) problems.push(["email", MESSAGES.email]);
  if (phone && !looksLikePhone(phone)) problems.push(["phone", MESSAGES.phone]);
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const answer = text(`answers.${question.id}`);
    if (answer) answers[question.id] = answer;
    else if (question.required) problems.push([`answers.${question.id}`, `${question.kind === "text" ? "Answer the question" : "Choose an answer to"} "${question.label}"`]);
  }
  for (const field of ["name", "email", "phone", ...questions.map((q) => `answers.${q.id}`)]) showError(form, field, problems.find(([f]) => f === field)?.[1] ?? null);
  if (problems.length) {
    form.querySelector<HTMLInputElement>(`[name="${problems[0][0]}"]`)?.focus();
    return null;
  }
  return { kind: "walk-in", key, eventId, name, email: email || undefined, phone: phone || undefined, answers, at: Date.now() };
}
