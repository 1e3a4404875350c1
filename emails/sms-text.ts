// How long an SMS is, by the GSM 7-bit default alphabet of 3GPP TS 23.038: a text that fits it
// travels at 160 characters a message, anything else as UCS-2 at 70. Pure, so it counts the same
// wherever a message is measured.

/** The default alphabet's basic set, one septet each (ESC, 0x1B, is left out: it starts the pairs below). */
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);

/** The extension table: ESC plus one septet, so each counts as two. */
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

const SINGLE = { "GSM-7": 160, "UCS-2": 70 } as const;
// A concatenated message gives up room in every part for the header that joins them.
const CONCATENATED = { "GSM-7": 153, "UCS-2": 67 } as const;

export type SmsEncoding = keyof typeof SINGLE;

export type SmsLength = {
  encoding: SmsEncoding;
  /** Septets in GSM-7 (an extension character counts two), UTF-16 code units in UCS-2. */
  characters: number;
  /** How many messages the provider sends, and charges for. */
  segments: number;
};

export function isGsmCharacter(character: string): boolean {
  return GSM_BASIC.has(character) || GSM_EXTENSION.has(character);
}

/** What each character of `text` costs in the encoding: septets, or UTF-16 code units. */
function unitsOf(text: string, encoding: SmsEncoding): number[] {
  return Array.from(text, (character) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(character) ? 2 : 1) : character.length));
}

/**
 * Fills the parts of a concatenated message. A character is never split between two parts (an
 * escape pair or a surrogate pair moves whole to the next part), so a part may end a unit short.
 */
function partsNeeded(units: number[], perPart: number): number {
  let parts = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > perPart) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}

export function smsSegments(text: string): SmsLength {
  const encoding: SmsEncoding = Array.from(text).every(isGsmCharacter) ? "GSM-7" : "UCS-2";
  const units = unitsOf(text, encoding);
  const characters = units.reduce((sum, size) => sum + size, 0);
  if (characters === 0) return { encoding, characters, segments: 0 };
  const segments = characters <= SINGLE[encoding] ? 1 : partsNeeded(units, CONCATENATED[encoding]);
  return { encoding, characters, segments };
}

// Characters outside GSM-7 that have a plain equivalent inside it. Letters are not among them: a
// name is written as its owner writes it (Ọlámídé, Ṣadé), even when that costs a UCS-2 message.
const PLAIN_EQUIVALENTS: [RegExp, string][] = [
  [/₦[ \u00a0\u202f]*/g, "NGN "],
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
  // No-break, narrow no-break (dates from Intl put one before "pm"), thin and other fixed-width spaces.
  [/[\u00a0\u2000-\u200a\u202f\u205f]/g, " "],
  // Invisible: nothing to replace them with, but each alone would make the message UCS-2.
  [/[\u200b\u2060\ufeff]/g, ""],
];

/** Swaps typographic characters for their GSM-7 equivalents, so an SMS stays at 160 characters a part. */
export function gsmSafe(text: string): string {
  return PLAIN_EQUIVALENTS.reduce((result, [pattern, plain]) => result.replace(pattern, plain), text);
}
