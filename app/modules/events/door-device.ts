import { z } from "zod";
import type { RegistrationStatus } from "~db/schema";
import { phoneField } from "~/modules/auth";
import { answersSchema, questionsKey, type FormQuestion } from "./booking/schemas";
import { memoized } from "~/utils/memo";

// What travels between the door server and a volunteer's phone (ADR 0036): the door list the phone
// keeps for working offline, and what the phone sends back when it syncs. Shared with the door page's
// script, which imports only the types.

export type DeviceQuestion = FormQuestion;

export type DevicePerson = {
  registrationId: string;
  name: string;
  shortCode: string;
  /** SHA-256 (hex) of the ticket's QR token: the phone matches a scan without holding the tickets themselves. */
  tokenHash: string;
  status: RegistrationStatus;
  checkedInAt: number | null;
  checkedInBy: string | null;
  /** Answers to the questions the organiser marked as needed at the door. */
  doorAnswers: { label: string; answer: string }[];
};

export type DoorListForDevice = {
  event: {
    id: string;
    title: string;
    startsAt: number;
    endsAt: number;
    capacity: number;
    seatsHeld: number;
    walkInsOverCapacity: boolean;
    /** The questions a walk-in answers: the event's required ones. */
    questions: DeviceQuestion[];
  };
  people: DevicePerson[];
  /** The server's clock when the list was made, to say how fresh it is. */
  generatedAt: number;
};

export const DEVICE_SYNC_LIMIT = 1000;

const deviceTime = z.number().int().nonnegative();

export const deviceCheckInSchema = z
  .object({
    /** The phone's own id for this check-in, echoed back so it can drop it from its queue. */
    key: z.string().min(1).max(64),
    registrationId: z.string().max(64).optional(),
    /** A ticket's QR token the phone's list did not know. */
    token: z.string().max(100).optional(),
    shortCode: z.string().max(20).optional(),
    at: deviceTime,
  })
  .refine((value) => value.registrationId || value.token || value.shortCode, "A check-in names a registration, a ticket or a code");

export const deviceWalkInSchema = z.object({
  key: z.string().min(8).max(64),
  name: z.string().max(200),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  answers: z.record(z.string().max(64), z.string().max(2000)).default({}),
  at: deviceTime,
});

export const deviceSyncSchema = z.object({
  checkIns: z.array(deviceCheckInSchema).max(DEVICE_SYNC_LIMIT).default([]),
  walkIns: z.array(deviceWalkInSchema).max(DEVICE_SYNC_LIMIT).default([]),
});

export type DeviceCheckIn = z.infer<typeof deviceCheckInSchema>;
export type DeviceWalkIn = z.infer<typeof deviceWalkInSchema>;
export type DeviceSync = z.infer<typeof deviceSyncSchema>;

/** What became of one queued item: `done` items leave the phone's queue; `refused` ones are shown, then leave it too. */
export type DeviceItemResult =
  | { key: string; outcome: "done"; registrationId: string; name: string; checkedInAt: number; byName: string | null; already: boolean }
  | { key: string; outcome: "refused"; message: string; name: string | null };

export type DeviceSyncReply = { checkIns: DeviceItemResult[]; walkIns: DeviceItemResult[]; list: DoorListForDevice };

export const WALK_IN_CONTACT_MESSAGE = "Enter an email address or a mobile number, so they can claim their account";

/** The walk-in form (the page's, and each walk-in a phone sends): a name, an email or a number, the required answers. */
export const walkInSchema = memoized(questionsKey, (questions: readonly FormQuestion[]) =>
  z
    .object({
      key: z.string({ error: "Reload the page and add the person again" }).min(8).max(64),
      name: z.string({ error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(100, "A name is at most 100 characters"),
      email: z.email({ error: "Enter an email address like name@example.com" }).trim().max(254).optional(),
      phone: phoneField.optional(),
      answers: answersSchema(questions),
    })
    .superRefine((value, ctx) => {
      if (!value.email && !value.phone) ctx.addIssue({ code: "custom", path: ["email"], message: WALK_IN_CONTACT_MESSAGE });
    }),
);
