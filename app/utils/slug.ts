import anyAscii from "any-ascii";

/**
 * "Resilience workshop: bounce back!" -> "resilience-workshop-bounce-back"; `fallback` when
 * nothing is left. Letters are transliterated, not dropped: Hausa's ƙ ɗ ɓ ƴ become k d b y, and
 * Yoruba and Igbo marks come off their letters (ọ ṣ ụ -> o s u).
 */
export function slugify(text: string, fallback: string): string {
  const slug = anyAscii(text)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}
