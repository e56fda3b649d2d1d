// The `depends` graph: pure functions shared by config (validation) and daemon (ordering).

export interface DependencyNode {
  name: string;
  depends: readonly string[];
}

/** Every cycle in the graph, each as the list of names along it (first name repeated at the end). */
export function findCycles(nodes: readonly DependencyNode[]): string[][] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const color = new Map<string, 'grey' | 'black'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (name: string): void => {
    color.set(name, 'grey');
    stack.push(name);
    for (const dep of byName.get(name)?.depends ?? []) {
      if (!byName.has(dep)) continue;
      const c = color.get(dep);
      if (c === 'grey') cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (c === undefined) visit(dep);
    }
    stack.pop();
    color.set(name, 'black');
  };
  for (const n of nodes) if (!color.has(n.name)) visit(n.name);
  return cycles;
}

/** Names in dependency order: prerequisites before dependants; otherwise file order. */
export function topologicalOrder(nodes: readonly DependencyNode[]): string[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string, path: Set<string>): void => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const dep of byName.get(name)?.depends ?? []) if (byName.has(dep)) visit(dep, path);
    path.delete(name);
    done.add(name);
    out.push(name);
  };
  for (const n of nodes) visit(n.name, new Set());
  return out;
}

/** Everything name depends on, recursively, deepest first (the order to start them in). */
export function prerequisitesOf(nodes: readonly DependencyNode[], name: string): string[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const out: string[] = [];
  const visit = (n: string): void => {
    for (const dep of byName.get(n)?.depends ?? []) {
      if (out.includes(dep) || dep === name || !byName.has(dep)) continue;
      visit(dep);
      if (!out.includes(dep)) out.push(dep);
    }
  };
  visit(name);
  return out;
}

/** Everything that depends on name, recursively, deepest dependant first (the order to stop them in). */
export function dependantsOf(nodes: readonly DependencyNode[], name: string): string[] {
  const reverse = nodes.map((n) => ({
    name: n.name,
    depends: nodes.filter((m) => m.depends.includes(n.name)).map((m) => m.name),
  }));
  return prerequisitesOf(reverse, name);
}
