import { describe, expect, it } from "vitest";
import { gsmSafe, smsSegments } from "~emails/sms-text";

const reminder = "Rise Again Lagos: see you at Resilience workshop, Thursday 3 December 2026, 2:00 pm to 5:00 pm. Your ticket: https://ral.example/s/Ab3dE6gH9k";

describe("smsSegments", () => {
  it("counts a plain English reminder as one GSM-7 message", () => {
    expect(smsSegments(reminder)).toEqual({ encoding: "GSM-7", characters: reminder.length, segments: 1 });
  });

  it("keeps GSM-7 for the accented letters the alphabet has", () => {
    expect(smsSegments("Rendez-vous au café à 14h, Müller").encoding).toBe("GSM-7");
    expect(smsSegments("Ñandu & Ørsted: 100% £ ¥ § ¿¡ Å").encoding).toBe("GSM-7");
    // Not every accent is there: ë and ú are not, and neither is the lower-case ç.
    expect(smsSegments("Zoë").encoding).toBe("UCS-2");
    expect(smsSegments("Ñandú").encoding).toBe("UCS-2");
    expect(smsSegments("garçon").encoding).toBe("UCS-2");
  });

  it("fits 160 characters in one message and 153 a part after that", () => {
    expect(smsSegments("a".repeat(160)).segments).toBe(1);
    expect(smsSegments("a".repeat(161)).segments).toBe(2);
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts the extension table's characters as two septets", () => {
    expect(smsSegments("Price: €5 [approx]")).toEqual({ encoding: "GSM-7", characters: 21, segments: 1 });
    expect(smsSegments("€".repeat(80)).segments).toBe(1);
    expect(smsSegments("€".repeat(81)).segments).toBe(2);
  });

  it("never splits an escaped character between two parts", () => {
    // 306 septets would fill two parts exactly, but the euro sign cannot straddle the first part's end.
    const text = `${"a".repeat(152)}€${"a".repeat(152)}`;
    expect(smsSegments(text)).toEqual({ encoding: "GSM-7", characters: 306, segments: 3 });
  });

  it("sends a Yoruba name as UCS-2, 70 characters in one message and 67 a part after that", () => {
    const greeting = "Ẹ kú àárọ̀, Ọlámídé";
    expect(smsSegments(greeting)).toEqual({ encoding: "UCS-2", characters: greeting.length, segments: 1 });
    expect(smsSegments(`ọ${"a".repeat(69)}`).segments).toBe(1);
    expect(smsSegments(`ọ${"a".repeat(70)}`).segments).toBe(2);
    expect(smsSegments(`ọ${"a".repeat(133)}`).segments).toBe(2);
    expect(smsSegments(`ọ${"a".repeat(134)}`).segments).toBe(3);
  });

  it("counts an emoji as two UCS-2 units and never splits it", () => {
    expect(smsSegments("Well done 👍")).toEqual({ encoding: "UCS-2", characters: 12, segments: 1 });
    expect(smsSegments(`${"a".repeat(66)}👍${"a".repeat(66)}`)).toEqual({ encoding: "UCS-2", characters: 134, segments: 3 });
  });

  it("counts nothing for an empty text", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0 });
  });
});

describe("gsmSafe", () => {
  it("writes the naira sign as NGN", () => {
    expect(gsmSafe("Thank you for your gift of ₦5,000.")).toBe("Thank you for your gift of NGN 5,000.");
    expect(gsmSafe("₦ 10,000 budget")).toBe("NGN 10,000 budget");
  });

  it("straightens quotes and dashes, spells out the ellipsis and plain-spaces fixed spaces", () => {
    const typed = "Press “Accept my seat” – it’s yours…\u00a0Thursday, 2:00\u202fpm — Yaba";
    const safe = gsmSafe(typed);
    expect(safe).toBe('Press "Accept my seat" - it\'s yours... Thursday, 2:00 pm - Yaba');
    expect(smsSegments(typed).encoding).toBe("UCS-2");
    expect(smsSegments(safe).encoding).toBe("GSM-7");
  });

  it("leaves people's letters as they write them, even when that makes the message UCS-2", () => {
    const text = "Ọlámídé Ṣódípọ̀ and Ẹ̀ṣọ́ Nńnàmdí: see you at 2:00 pm";
    expect(gsmSafe(text)).toBe(text);
    expect(smsSegments(gsmSafe(text)).encoding).toBe("UCS-2");
  });

  it("changes nothing in a text that is already GSM-7", () => {
    expect(gsmSafe(reminder)).toBe(reminder);
  });
});
