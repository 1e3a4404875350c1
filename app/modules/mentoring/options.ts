import type { AvailabilityWindow, MentoringFormat } from "~db/schema/mentoring";

// Profile vocabulary shared by the pages and the server: nothing server-only here.

export const LANGUAGES = ["English", "Yoruba", "Hausa", "Igbo", "Nigerian Pidgin", "French"] as const;

export const FORMAT_LABELS: Record<MentoringFormat, string> = {
  video: "Video call",
  phone: "Phone call",
  in_person: "In person",
  whatsapp: "WhatsApp",
};

/** The formats in the order forms offer them. */
export const FORMAT_OPTIONS = Object.keys(FORMAT_LABELS) as MentoringFormat[];

export function formatList(formats: readonly MentoringFormat[]): string {
  return formats.map((f) => FORMAT_LABELS[f]).join(", ");
}

export const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Availability is chosen in coarse blocks so the form stays a grid of checkboxes that works without JavaScript. */
export const DAY_PARTS = [
  { key: "morning", label: "Morning (9 am to 12 noon)", start: 9 * 60, end: 12 * 60 },
  { key: "afternoon", label: "Afternoon (12 noon to 5 pm)", start: 12 * 60, end: 17 * 60 },
  { key: "evening", label: "Evening (5 pm to 9 pm)", start: 17 * 60, end: 21 * 60 },
] as const;
type DayPartKey = (typeof DAY_PARTS)[number]["key"];

/** The checkbox value for one block, e.g. "2-evening" for Wednesday evening. */
export function slotValue(day: number, part: DayPartKey): string {
  return `${day}-${part}`;
}

export function windowsFromSlots(slots: readonly string[]): AvailabilityWindow[] {
  const windows: AvailabilityWindow[] = [];
  for (const slot of new Set(slots)) {
    const [dayText, key] = slot.split("-");
    const day = Number(dayText);
    const part = DAY_PARTS.find((p) => p.key === key);
    if (!part || !Number.isInteger(day) || day < 0 || day > 6) continue;
    windows.push({ day, start: part.start, end: part.end });
  }
  return windows.sort((a, b) => a.day - b.day || a.start - b.start);
}

export function slotsFromWindows(windows: readonly AvailabilityWindow[]): string[] {
  const slots: string[] = [];
  for (const w of windows) {
    for (const part of DAY_PARTS) {
      if (w.start <= part.start && w.end >= part.end) slots.push(slotValue(w.day, part.key));
    }
  }
  return slots;
}

/** "Monday evening, Saturday morning": for showing a profile's availability in words. */
export function describeAvailability(windows: readonly AvailabilityWindow[]): string {
  const slots = slotsFromWindows(windows);
  if (!slots.length) return "Not given";
  return slots
    .map((slot) => {
      const [day, key] = slot.split("-");
      return `${DAY_NAMES[Number(day)]} ${key}`;
    })
    .join(", ");
}

/** Splits a typed list ("Banking, data analysis; HR") into trimmed, de-duplicated items. */
export function splitList(value: string | undefined | null): string[] {
  const seen = new Map<string, string>();
  for (const raw of (value ?? "").split(/[,;\n]/)) {
    const item = raw.trim().replace(/\s+/g, " ");
    if (item && !seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  }
  return [...seen.values()];
}
