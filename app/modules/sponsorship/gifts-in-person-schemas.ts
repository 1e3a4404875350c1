import { z } from "zod";
import type { PaymentMethod } from "~db/schema";
import { RECOGNITION_OPTIONS } from "./donate-schemas";

// Shared by the server and the browser: nothing here may import server code (types only).

export const GIFT_IN_PERSON_KINDS = ["cash", "in_kind"] as const satisfies readonly PaymentMethod[];

export const GIFT_IN_PERSON_CHOICES: Record<(typeof GIFT_IN_PERSON_KINDS)[number], { label: string; hint: string }> = {
  cash: { label: "Cash", hint: "Notes and coins handed over, for example at an event." },
  in_kind: { label: "In kind", hint: "Goods or services: laptops, a venue, printing. The receipt says what was given and its fair value." },
};

const DESCRIPTION_MAX = 300;

/** The organisers' form for a gift handed over in person; the amount is read in the campaign's currency on the server. */
export const giftInPersonSchema = z
  .object({
    // Made when the form is drawn: the same form posted twice records one gift.
    formKey: z.string({ error: "Open the form again and re-enter the gift" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "Open the form again and re-enter the gift"),
    campaignId: z.string({ error: "Choose the campaign the gift is for" }).trim().min(1).max(64),
    kind: z.enum(GIFT_IN_PERSON_KINDS, { error: "Choose cash or in kind" }),
    amount: z.string({ error: "Enter the amount, like 5000 or 5,000.50" }).trim().max(30, "Enter the amount, like 5000 or 5,000.50"),
    description: z.string().trim().max(DESCRIPTION_MAX, `Say what was given in at most ${DESCRIPTION_MAX} characters`).optional(),
    name: z.string({ error: "Enter the donor's name" }).trim().min(1, "Enter the donor's name").max(100, "The name is at most 100 characters"),
    email: z
      .email({ error: "Enter an email address, like name@example.com, or leave it empty" })
      .trim()
      .toLowerCase()
      .max(254, "Email addresses are at most 254 characters")
      .optional(),
    receivedOn: z.string({ error: "Enter the date the gift was received" }).regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the gift was received, like 12 March 2027"),
    recognition: z.enum(RECOGNITION_OPTIONS, { error: "Choose how the donor is thanked on the sponsor wall" }),
    message: z.string().trim().max(500, "The message is at most 500 characters").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "in_kind" && (value.description ?? "").length < 3) {
      ctx.addIssue({ code: "custom", path: ["description"], message: "Say what was given, like “10 laptops” or “the venue for the 12 March workshop”" });
    }
  });

export type GiftInPersonValues = z.output<typeof giftInPersonSchema>;
