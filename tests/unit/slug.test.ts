import { describe, expect, it } from "vitest";
import { slugify } from "~/utils/slug";

describe("web addresses from titles", () => {
  it.each([
    ["Ƙungiyar ɗalibai ta Ɓauchi", "kungiyar-dalibai-ta-bauchi"],
    ["Ƴan mata a Kano", "yan-mata-a-kano"],
    ["Ọjọ́ ìbí Ṣadé", "ojo-ibi-sade"],
    ["Ụmụ akwụkwọ na-amụ ihe", "umu-akwukwo-na-amu-ihe"],
    ["Ẹ̀kọ́ iṣẹ́ fún àwọn ọ̀dọ́", "eko-ise-fun-awon-odo"],
    ["Resilience workshop: bounce back!", "resilience-workshop-bounce-back"],
    ["CV & interview clinic", "cv-and-interview-clinic"],
  ])("%s -> %s", (title, slug) => {
    expect(slugify(title, "event")).toBe(slug);
  });

  it("falls back when nothing readable is left, and stays within 60 characters", () => {
    expect(slugify("!!!", "event")).toBe("event");
    expect(slugify("a".repeat(80), "event")).toHaveLength(60);
  });
});
