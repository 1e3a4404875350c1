import { z } from "zod";

// Forms for requests, answers, endings and check-ins. Shared by the server and the pages.

export const MAX_OPEN_REQUESTS = 3;

export const RATING_LABELS = ["1: poorly", "2: not well", "3: all right", "4: well", "5: very well"] as const;

const rating = z
  .number({ error: "Choose a rating from 1 to 5" })
  .int("Choose a rating from 1 to 5")
  .min(1, "Choose a rating from 1 to 5")
  .max(5, "Choose a rating from 1 to 5");

const mentorshipId = z.string({ error: "Choose a request" }).trim().min(1).max(64);

export const requestMentorSchema = z.object({
  message: z
    .string({ error: "Write a short message to the mentor" })
    .trim()
    .min(20, "Write at least 20 characters: say what you hope to get from mentoring")
    .max(1500, "Your message can be at most 1,500 characters"),
});

const withdrawSchema = z.object({ intent: z.literal("withdraw"), id: mentorshipId });
const acceptSchema = z.object({ intent: z.literal("accept"), id: mentorshipId });
export const declineSchema = z.object({
  intent: z.literal("decline"),
  id: mentorshipId,
  reason: z.string().trim().max(500, "Your reason can be at most 500 characters").default(""),
});

export const myMentoringSchema = z.discriminatedUnion("intent", [withdrawSchema, acceptSchema, declineSchema], {
  error: "Choose what to do",
});

export const endMentorshipSchema = z.object({
  intent: z.literal("end"),
  reason: z
    .string({ error: "Say why the mentorship is ending" })
    .trim()
    .min(3, "Say why the mentorship is ending")
    .max(1000, "The reason can be at most 1,000 characters"),
  rating,
});

export const rateMentorshipSchema = z.object({ intent: z.literal("rate"), rating });

export const endPageSchema = z.discriminatedUnion("intent", [endMentorshipSchema, rateMentorshipSchema], {
  error: "Choose what to do",
});

export const checkInSchema = z.object({ rating });

/** "Show my WhatsApp number to …": an unticked box sends nothing, which means no. */
export const whatsAppSharingSchema = z.object({ intent: z.literal("whatsapp"), share: z.boolean().optional().default(false) });
