import { z } from "zod";
import { agreementFields, signupSchema } from "~/modules/auth";

// The door team's invitations (ADR 0034): the organiser's forms and the volunteer's, checked in the
// browser and on the server alike (the server adds the common-password check).

const id = z.string().min(1).max(64);

export const withdrawDoorInvitationSchema = z.object({ intent: z.literal("withdraw"), id });

export const createDoorLinkSchema = z.object({ intent: z.literal("create-link"), everyEvent: z.boolean().default(false) });

export const endDoorLinkSchema = z.object({ intent: z.literal("end-link"), id });

export const acceptDoorInvitationSchema = z.object({ intent: z.literal("accept") });

/** A new account through an emailed invitation: the address is the one invited. */
export const joinDoorTeamSchema = signupSchema.pick({ name: true, password: true }).extend({ intent: z.literal("create"), ...agreementFields });

/** A new account through the link shown at the door: the volunteer types their address. */
export const joinDoorTeamWithEmailSchema = joinDoorTeamSchema.extend({ email: signupSchema.shape.email });
