import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { registrationAnswers } from "~db/schema";
import { registerForEvent } from "~/modules/events/index.server";
import { action as ticketAction, loader as ticketLoader } from "~/routes/me.tickets.$id";
import { addQuestion, createTestEvent } from "../support/event-factories";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn } from "../support/factories";
import { accepted } from "../support/outcomes";
import { runRoute } from "../support/route-results";

// Rectification (NDPA s.35) of what a person answered when they booked: on their ticket page.

async function bookedWithAnswers() {
  const event = createTestEvent();
  const diet = addQuestion(event.id, { label: "Any dietary needs?", kind: "text" });
  const shirt = addQuestion(event.id, { label: "T-shirt size", kind: "choice", options: ["S", "M", "L"], required: true });
  const person = await createUser();
  const { registrationId } = accepted(registerForEvent(person.id, event.id, { [diet.id]: "Vegetarin", [shirt.id]: "S" }));
  return { person, cookie: signIn(person.id).cookieHeader, registrationId, diet, shirt };
}

const post = (id: string, cookie: string, fields: Record<string, string>) =>
  runRoute(() => ticketAction(routeArgs({ request: formRequest(`/me/tickets/${id}`, fields, { cookie }), params: { id }, context: loadContext() })));
const answersOf = (registrationId: string) =>
  Object.fromEntries(db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, registrationId)).all().map((row) => [row.questionId, row.value]));

describe("correcting booking answers", () => {
  it("shows the answers on the ticket and saves corrected ones", async () => {
    const { cookie, registrationId, diet, shirt } = await bookedWithAnswers();
    const page = await runRoute(() => ticketLoader(routeArgs({ request: getRequest(`/me/tickets/${registrationId}`, { cookie }), params: { id: registrationId }, context: loadContext() })));
    expect(page.data).toMatchObject({ own: { answers: { [diet.id]: "Vegetarin", [shirt.id]: "S" } } });
    const saved = await post(registrationId, cookie, { intent: "change-answers", [`answers.${diet.id}`]: "Vegetarian", [`answers.${shirt.id}`]: "M" });
    expect(saved.status).toBe(302);
    expect(answersOf(registrationId)).toEqual({ [diet.id]: "Vegetarian", [shirt.id]: "M" });
  });

  it("refuses an answer the question does not allow, at the question, and keeps the old answers", async () => {
    const { cookie, registrationId, diet, shirt } = await bookedWithAnswers();
    const refused = await post(registrationId, cookie, { intent: "change-answers", [`answers.${diet.id}`]: "None", [`answers.${shirt.id}`]: "XXL" });
    expect(refused.status).toBe(400);
    expect((refused.data as { error: Record<string, string[]> }).error[`answers.${shirt.id}`]).toEqual(['Choose one of the answers to "T-shirt size"']);
    expect(answersOf(registrationId)).toEqual({ [diet.id]: "Vegetarin", [shirt.id]: "S" });
  });

  it("gives someone else's registration the same 404 as one that does not exist", async () => {
    const { registrationId, shirt } = await bookedWithAnswers();
    const stranger = await createUser();
    const tried = await post(registrationId, signIn(stranger.id).cookieHeader, { intent: "change-answers", [`answers.${shirt.id}`]: "L" });
    expect(tried.status).toBe(404);
    expect(Object.values(answersOf(registrationId))).toContain("S");
  });
});
