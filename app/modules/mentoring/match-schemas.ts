import { z } from "zod";

// The organisers' group-matching forms, shared by the server and the pages.

export const runMatchSchema = z.object({
  pool: z
    .string({ error: "Choose who to match" })
    .regex(/^(waiting|cohort:[A-Za-z0-9]+)$/, "Choose who to match from the list"),
});

export const changeProposalSchema = z.object({
  intent: z.literal("change"),
  proposalId: z.string({ error: "Choose a proposal" }).min(1),
  mentorId: z.string({ error: "Choose a mentor, or leave this mentee without one" }).min(1, "Choose a mentor, or leave this mentee without one"),
});

export const UNASSIGNED = "none";

export const runDecisionSchema = z.object({ intent: z.enum(["publish", "discard"], { error: "Choose publish or discard" }) });
