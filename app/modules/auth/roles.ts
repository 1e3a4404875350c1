import { z } from "zod";
import type { Role } from "~db/schema";

// Shared by the server and the browser, so nothing here may import server code.

/** Every role, in the order organisers see them. */
export const ROLE_OPTIONS = ["organiser", "mentor", "participant", "sponsor", "door"] as const satisfies readonly Role[];
// Fails to compile when a role is added to the schema but not listed above.
const _allRolesListed: Exclude<Role, (typeof ROLE_OPTIONS)[number]> extends never ? true : never = true;
void _allRolesListed;

/** The roles given, once each, in the order of `ROLE_OPTIONS`. */
export function sortRoles(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return ROLE_OPTIONS.filter((role) => set.has(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  organiser: "Organiser",
  mentor: "Mentor",
  participant: "Participant",
  sponsor: "Sponsor",
  door: "Door volunteer",
};

export const rolesSchema = z.object({
  roles: z.array(z.enum(ROLE_OPTIONS, { error: "Choose roles from the list" })).default([]),
});

export const INVITABLE_ROLES = ["organiser", "mentor"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: "Enter the email address to invite" })
    .trim()
    .max(254, "Email addresses are at most 254 characters")
    .pipe(z.email({ error: "Enter an email address like name@example.com" })),
  role: z.enum(INVITABLE_ROLES, { error: "Choose organiser or mentor" }),
});

export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  id: z.string({ error: "Choose an invitation" }).min(1),
});
