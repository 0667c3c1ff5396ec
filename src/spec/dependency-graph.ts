// Computed indicators form a dependency graph: each is evaluated after its inputs, and
// a cycle is named in full (CYCLE-A -> CYCLE-B -> CYCLE-A) rather than looping.

/**
 * A cycle reachable from `start`, written from its smallest id round to itself, or
 * undefined when there is none.
 */
export function findCycle(
  start: string,
  edges: ReadonlyMap<string, readonly string[]>,
): [string, ...string[]] | undefined {
  const stack: string[] = [];
  const onStack = new Set<string>();
  const done = new Set<string>();
  const visit = (node: string): string[] | undefined => {
    if (onStack.has(node)) return stack.slice(stack.indexOf(node));
    if (done.has(node)) return undefined;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      const c = visit(next);
      if (c) return c;
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
    return undefined;
  };
  const cycle = visit(start);
  if (!cycle) return undefined;
  // biome-ignore lint/complexity/useMathMinMax: ids are strings
  const smallest = cycle.reduce((a, b) => (b < a ? b : a));
  const i = cycle.indexOf(smallest);
  return [smallest, ...cycle.slice(i + 1), ...cycle.slice(0, i), smallest];
}

/** Ids ordered so that every id comes after the ids it depends on (graph has no cycle). */
export function evaluationOrder(ids: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const d of edges.get(id) ?? []) visit(d);
    order.push(id);
  };
  for (const id of ids) visit(id);
  return order;
}
