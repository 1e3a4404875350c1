// Maximum-weight assignment of mentees to mentors under capacities, as a min-cost flow
// (successive shortest paths with Dijkstra and potentials). See docs/decisions/0014-group-matching.md.
// Pure and synchronous: the caller gathers the scores, this only decides.

export type AssignmentInput = {
  menteeCount: number;
  capacities: readonly number[];
  /** Only the allowed pairs; weight 0..maxWeight, higher is better. */
  edges: readonly { mentee: number; mentor: number; weight: number }[];
  maxWeight?: number;
};

export type AssignmentResult = {
  /** For each mentee, the index of its mentor, or -1 when none could be given. */
  mentorOf: number[];
  assigned: number;
  totalWeight: number;
};

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, value: number) {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  /** Returns [key, value] of the smallest key. */
  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0]!, values[0]!];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= lastKey) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/**
 * Assigns as many mentees as possible and, among those assignments, one with the greatest total
 * weight. Each unit of flow is one mentee, so total cost = maxWeight * assigned - total weight,
 * which keeps every arc cost non-negative for Dijkstra.
 */
export function assignMentees({ menteeCount: n, capacities, edges, maxWeight = 100 }: AssignmentInput): AssignmentResult {
  const m = capacities.length;
  const source = 0;
  const sink = n + m + 1;
  const nodes = n + m + 2;
  const arcCount = 2 * (n + m + edges.length);
  const to = new Int32Array(arcCount);
  const cap = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const next = new Int32Array(arcCount);
  const head = new Int32Array(nodes).fill(-1);
  let arcs = 0;
  const addArc = (from: number, target: number, capacity: number, c: number) => {
    to[arcs] = target;
    cap[arcs] = capacity;
    cost[arcs] = c;
    next[arcs] = head[from]!;
    head[from] = arcs++;
    to[arcs] = from;
    cap[arcs] = 0;
    cost[arcs] = -c;
    next[arcs] = head[target]!;
    head[target] = arcs++;
  };
  for (let i = 0; i < n; i++) addArc(source, 1 + i, 1, 0);
  // Added in reverse so adjacency lists (which prepend) visit pairs in the caller's order.
  const pairArc = new Int32Array(edges.length);
  for (let k = edges.length - 1; k >= 0; k--) {
    const e = edges[k]!;
    if (e.weight < 0 || e.weight > maxWeight) throw new RangeError(`weight ${e.weight} outside 0..${maxWeight}`);
    pairArc[k] = arcs;
    addArc(1 + e.mentee, 1 + n + e.mentor, 1, maxWeight - e.weight);
  }
  for (let j = 0; j < m; j++) if (capacities[j]! > 0) addArc(1 + n + j, sink, capacities[j]!, 0);

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const viaArc = new Int32Array(nodes);
  const EPS = 1e-9;
  let flow = 0;
  while (flow < n) {
    dist.fill(Infinity);
    viaArc.fill(-1);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size) {
      const [d, u] = heap.pop();
      if (d > dist[u]! + EPS) continue;
      // Nodes not yet settled keep potentials capped at the sink's distance (below), which keeps
      // reduced costs non-negative, so the search can stop as soon as the sink is settled.
      if (u === sink) break;
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        const nd = d + cost[a]! + potential[u]! - potential[v]!;
        if (nd < dist[v]! - EPS) {
          dist[v] = nd;
          viaArc[v] = a;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === Infinity) break;
    const reach = dist[sink]!;
    for (let v = 0; v < nodes; v++) potential[v]! += Math.min(dist[v]!, reach);
    for (let v = sink; v !== source; v = to[viaArc[v]! ^ 1]!) {
      cap[viaArc[v]!]! -= 1;
      cap[viaArc[v]! ^ 1]! += 1;
    }
    flow += 1;
  }

  const mentorOf = new Array<number>(n).fill(-1);
  let totalWeight = 0;
  edges.forEach((e, k) => {
    if (cap[pairArc[k]!] === 0) {
      mentorOf[e.mentee] = e.mentor;
      totalWeight += e.weight;
    }
  });
  return { mentorOf, assigned: flow, totalWeight };
}

/** First come, best first: each pair in falling weight order is taken if both sides are still free. Kept for comparison. */
export function greedyAssign({ menteeCount: n, capacities, edges }: AssignmentInput): AssignmentResult {
  const left = [...capacities];
  const mentorOf = new Array<number>(n).fill(-1);
  let assigned = 0;
  let totalWeight = 0;
  const order = edges.map((_, k) => k).sort((a, b) => edges[b]!.weight - edges[a]!.weight || a - b);
  for (const k of order) {
    const e = edges[k]!;
    if (mentorOf[e.mentee] !== -1 || left[e.mentor]! <= 0) continue;
    mentorOf[e.mentee] = e.mentor;
    left[e.mentor]! -= 1;
    assigned += 1;
    totalWeight += e.weight;
  }
  return { mentorOf, assigned, totalWeight };
}
