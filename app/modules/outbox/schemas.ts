import { z } from "zod";

/** The organisers' "Try again" button on a message that could not be delivered. */
export const retrySchema = z.object({ id: z.string().trim().min(1).max(64) });
