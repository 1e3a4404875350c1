import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { mentorships } from "~db/schema";
import { awaitsGuardian } from "~/modules/auth/index.server";
import { verifiedPhoneOf } from "~/modules/outbox/index.server";
import { refuse, type Outcome } from "~/utils/refusal";
import { clock } from "~/utils/clock.server";
import { mentorshipForViewer, type Mentorship, type ViewerMentorship } from "./mentorships.server";

type Side = "mentor" | "mentee";

const HELD_FOR_GUARDIAN = "You can share your number once your parent or guardian has agreed to your account.";

function sharesAt(mentorship: Mentorship, side: Side): number | null {
  return side === "mentor" ? mentorship.mentorSharesWhatsappAt : mentorship.menteeSharesWhatsappAt;
}

function sharesSet(side: Side, at: number | null) {
  return side === "mentor" ? { mentorSharesWhatsappAt: at } : { menteeSharesWhatsappAt: at };
}

function userOf(mentorship: Mentorship, side: Side): string {
  return side === "mentor" ? mentorship.mentorId : mentorship.menteeId;
}

/** A young person whose account waits for a guardian shares nothing, whatever was ticked before (ADR 0023). */
function agreed(mentorship: Mentorship, side: Side): boolean {
  return sharesAt(mentorship, side) !== null && !awaitsGuardian(userOf(mentorship, side));
}

/** The tap-to-chat address for an E.164 number: wa.me takes the digits alone. */
const chatUrlFor = (phone: string) => `https://wa.me/${phone.replace(/\D/g, "")}`;

/**
 * The WhatsApp choice as one of the pair sees it. The other person's number is read only when
 * the mentorship is active and both have agreed, so a number not shared never reaches the page.
 */
export function whatsAppContactFor(pair: ViewerMentorship) {
  const { mentorship, role } = pair;
  const otherRole: Side = role === "mentor" ? "mentee" : "mentor";
  const active = mentorship.status === "active";
  const viewerId = userOf(mentorship, role);
  const heldForGuardian = awaitsGuardian(viewerId);
  const iShare = sharesAt(mentorship, role) !== null && !heldForGuardian;
  const otherShares = agreed(mentorship, otherRole);
  const myNumber = verifiedPhoneOf(viewerId);
  const otherNumber = active && iShare && otherShares && myNumber ? verifiedPhoneOf(userOf(mentorship, otherRole)) : null;
  return {
    canChoose: active && !heldForGuardian,
    heldForGuardian,
    iShare,
    otherShares,
    myNumberVerified: myNumber !== null,
    chatUrl: otherNumber ? chatUrlFor(otherNumber) : null,
  };
}

export type WhatsAppContact = ReturnType<typeof whatsAppContactFor>;

/**
 * One of the pair ticks or unticks "Show my WhatsApp number". Unticking is always possible and
 * hides the link from both at once; ticking needs an active mentorship and no guardian hold.
 */
export function setWhatsAppSharing({ mentorshipId, userId, share }: { mentorshipId: string; userId: string; share: boolean }): Outcome<{ message: string }> {
  return db.transaction(
    (tx) => {
      const pair = mentorshipForViewer(mentorshipId, userId);
      const other = pair.role === "mentor" ? pair.mentee : pair.mentor;
      if (!share) {
        tx.update(mentorships).set(sharesSet(pair.role, null)).where(eq(mentorships.id, mentorshipId)).run();
        return { ok: true, message: `${other.name} no longer sees your WhatsApp number.` };
      }
      if (pair.mentorship.status !== "active") return refuse("This mentorship is not active, so numbers cannot be shared.", { status: 409 });
      if (awaitsGuardian(userId)) return refuse(HELD_FOR_GUARDIAN, { status: 403, code: "awaiting-guardian" });
      tx.update(mentorships)
        .set(sharesSet(pair.role, sharesAt(pair.mentorship, pair.role) ?? clock.now()))
        .where(eq(mentorships.id, mentorshipId))
        .run();
      return { ok: true, message: `Saved. Once you and ${other.name} both share a verified number, each of you sees a WhatsApp link to the other.` };
    },
    { behavior: "immediate" },
  );
}
