/** A live door team link for the event, made as the organiser's page makes it: the token in its address. */
export async function doorLinkToken(eventId: string, organiserId: string): Promise<string> {
  const { createDoorLink } = await import("~/modules/events/door-invitations.server");
  const made = await createDoorLink({ eventId, actorId: organiserId });
  if (!made.ok) throw new Error(made.message);
  return new URL(made.link.url).pathname.split("/").pop()!;
}
