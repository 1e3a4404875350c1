import { describe, expect, it } from "vitest";
import { assignMentees, greedyAssign, type AssignmentInput } from "~/modules/mentoring/assignment";

/** Every feasible assignment, tried one by one: the yardstick for small cases. */
function bruteForce({ menteeCount, capacities, edges }: AssignmentInput) {
  const options = Array.from({ length: menteeCount }, (_, i) => edges.filter((e) => e.mentee === i));
  let best = { assigned: -1, totalWeight: -1 };
  const left = [...capacities];
  const walk = (i: number, assigned: number, total: number) => {
    if (i === menteeCount) {
      if (assigned > best.assigned || (assigned === best.assigned && total > best.totalWeight)) best = { assigned, totalWeight: total };
      return;
    }
    walk(i + 1, assigned, total);
    for (const e of options[i]!) {
      if (left[e.mentor]! <= 0) continue;
      left[e.mentor]! -= 1;
      walk(i + 1, assigned + 1, total + e.weight);
      left[e.mentor]! += 1;
    }
  };
  walk(0, 0, 0);
  return best;
}

function checkFeasible(input: AssignmentInput, mentorOf: number[]) {
  const used = new Array<number>(input.capacities.length).fill(0);
  mentorOf.forEach((mentor, mentee) => {
    if (mentor === -1) return;
    expect(input.edges.some((e) => e.mentee === mentee && e.mentor === mentor)).toBe(true);
    used[mentor]! += 1;
  });
  used.forEach((n, j) => expect(n).toBeLessThanOrEqual(input.capacities[j]!));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("group assignment", () => {
  it("beats a greedy pass on total fit when the best single pair blocks a better whole", () => {
    // Ada fits Bola (90) and Chidi (80); Kemi fits Bola (85) but Chidi barely (10); each mentor has one place.
    const input: AssignmentInput = {
      menteeCount: 2,
      capacities: [1, 1],
      edges: [
        { mentee: 0, mentor: 0, weight: 90 },
        { mentee: 0, mentor: 1, weight: 80 },
        { mentee: 1, mentor: 0, weight: 85 },
        { mentee: 1, mentor: 1, weight: 10 },
      ],
    };
    const greedy = greedyAssign(input);
    expect(greedy.mentorOf).toEqual([0, 1]);
    expect(greedy.totalWeight).toBe(100);
    const best = assignMentees(input);
    expect(best.mentorOf).toEqual([1, 0]);
    expect(best.totalWeight).toBe(165);
  });

  it("beats a greedy pass on how many mentees get a mentor", () => {
    // Mentor 0 has two places, mentor 1 one; mentees 1 and 2 can only have mentor 0.
    const input: AssignmentInput = {
      menteeCount: 3,
      capacities: [2, 1],
      edges: [
        { mentee: 0, mentor: 0, weight: 95 },
        { mentee: 0, mentor: 1, weight: 60 },
        { mentee: 1, mentor: 0, weight: 40 },
        { mentee: 2, mentor: 0, weight: 30 },
      ],
    };
    const greedy = greedyAssign(input);
    expect(greedy.assigned).toBe(2);
    const best = assignMentees(input);
    expect(best.assigned).toBe(3);
    expect(best.mentorOf).toEqual([1, 0, 0]);
    expect(best.totalWeight).toBe(130);
  });

  it("prefers one more mentee matched over a higher total for fewer", () => {
    const input: AssignmentInput = {
      menteeCount: 2,
      capacities: [1, 1],
      edges: [
        { mentee: 0, mentor: 0, weight: 100 },
        { mentee: 0, mentor: 1, weight: 0 },
        { mentee: 1, mentor: 0, weight: 0 },
      ],
    };
    const best = assignMentees(input);
    expect(best.assigned).toBe(2);
    expect(best.mentorOf).toEqual([1, 0]);
  });

  it("respects capacities, leaves out mentees nobody can take, and handles zero capacity", () => {
    const input: AssignmentInput = {
      menteeCount: 4,
      capacities: [1, 0],
      edges: [
        { mentee: 0, mentor: 0, weight: 50 },
        { mentee: 1, mentor: 0, weight: 70 },
        { mentee: 2, mentor: 1, weight: 99 },
      ],
    };
    const best = assignMentees(input);
    expect(best.mentorOf).toEqual([-1, 0, -1, -1]);
    expect(best.assigned).toBe(1);
    expect(assignMentees({ menteeCount: 0, capacities: [], edges: [] })).toEqual({ mentorOf: [], assigned: 0, totalWeight: 0 });
  });

  it("rejects weights outside the scale", () => {
    expect(() => assignMentees({ menteeCount: 1, capacities: [1], edges: [{ mentee: 0, mentor: 0, weight: 101 }] })).toThrow(RangeError);
  });

  it("matches an exhaustive search on 300 random small cases", () => {
    const rnd = random(20261125);
    let greedyLost = 0;
    for (let round = 0; round < 300; round++) {
      const menteeCount = 1 + Math.floor(rnd() * 6);
      const capacities = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 3));
      const edges: AssignmentInput["edges"][number][] = [];
      for (let i = 0; i < menteeCount; i++)
        for (let j = 0; j < capacities.length; j++) if (rnd() < 0.6) edges.push({ mentee: i, mentor: j, weight: Math.floor(rnd() * 101) });
      const input = { menteeCount, capacities, edges };
      const best = assignMentees(input);
      checkFeasible(input, best.mentorOf);
      expect({ assigned: best.assigned, totalWeight: best.totalWeight }).toEqual(bruteForce(input));
      const greedy = greedyAssign(input);
      checkFeasible(input, greedy.mentorOf);
      if (greedy.assigned < best.assigned || greedy.totalWeight < best.totalWeight) greedyLost += 1;
    }
    // The random cases include plenty where greedy does worse, so the comparison is not vacuous.
    expect(greedyLost).toBeGreaterThan(10);
  });
});
