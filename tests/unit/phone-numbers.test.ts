import { describe, expect, it } from "vitest";
import { displayPhone, parseMobileNumber, phoneSignupServerSchema } from "~/modules/auth/phone-numbers.server";
import { looksLikePhoneNumber, PHONE_FORMAT_MESSAGE } from "~/modules/auth/phone-numbers";

describe("parsing mobile numbers", () => {
  it("reads the ways Nigerians write one number as the same E.164", () => {
    for (const typed of ["0803 123 4567", "08031234567", "0803-123-4567", "(0803) 123 4567", "234 803 123 4567", "2348031234567", "+234 803 123 4567", "+234-803-123-4567", " +2348031234567 "]) {
      expect(parseMobileNumber(typed), typed).toBe("+2348031234567");
    }
  });

  it("takes a mobile number from abroad when it is written with its country code", () => {
    expect(parseMobileNumber("+44 7400 123456")).toBe("+447400123456");
  });

  it("refuses landlines, short or long numbers, extensions and words", () => {
    // 0201 234 5678 is an Abuja landline: valid, but no SMS can reach it.
    for (const typed of ["0201 234 5678", "+234 201 234 5678", "0803 123 456", "0803 123 45678", "+234 803 123 4567 ext 5", "12345", "call me"]) {
      expect(parseMobileNumber(typed), typed).toBeNull();
    }
  });

  it("shows a stored number the way people at home write it, and others internationally", () => {
    expect(displayPhone("+2348031234567")).toBe("0803 123 4567");
    expect(displayPhone("+447400123456")).toBe("+44 7400 123456");
  });
});

describe("the sign-up form's number", () => {
  const form = {
    intent: "send-code",
    name: "Ada Obi",
    birthDate: "1996-05-14",
    privacyNotice: true,
    terms: true,
  };

  it("is stored as E.164 by the server's schema", () => {
    const parsed = phoneSignupServerSchema.safeParse({ ...form, phone: "0803 123 4567" });
    expect(parsed.success && parsed.data.phone).toBe("+2348031234567");
  });

  it("is refused with an example when it is a landline or not a number", () => {
    for (const phone of ["0201 234 5678", "not a number"]) {
      const parsed = phoneSignupServerSchema.safeParse({ ...form, phone });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([PHONE_FORMAT_MESSAGE]);
    }
  });

  it("is checked lightly in the browser: the characters and the count of digits only", () => {
    expect(looksLikePhoneNumber("0803 123 4567")).toBe(true);
    expect(looksLikePhoneNumber("+234 (803) 123-4567")).toBe(true);
    expect(looksLikePhoneNumber("0803")).toBe(false);
    expect(looksLikePhoneNumber("0803 CALL ME")).toBe(false);
  });
});
