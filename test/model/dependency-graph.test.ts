import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dependantsOf, findCycles, prerequisitesOf, topologicalOrder, type DependencyNode } from '../../src/model/dependency-graph.ts';

const n = (name: string, ...depends: string[]): DependencyNode => ({ name, depends });

// File order: web, app, db, cache, worker.
const graph = [n('web', 'app'), n('app', 'db', 'cache'), n('db'), n('cache'), n('worker', 'db')];

describe('findCycles', () => {
  const cases: Array<[string, DependencyNode[], string[][]]> = [
    ['none in a tree', graph, []],
    ['two services', [n('a', 'b'), n('b', 'a')], [['a', 'b', 'a']]],
    ['a service on itself', [n('a', 'a')], [['a', 'a']]],
    ['three services', [n('a', 'b'), n('b', 'c'), n('c', 'a'), n('d', 'a')], [['a', 'b', 'c', 'a']]],
    ['unknown names are not cycles', [n('a', 'ghost')], []],
    ['a diamond is not a cycle', [n('a', 'b', 'c'), n('b', 'd'), n('c', 'd'), n('d')], []],
  ];
  for (const [name, nodes, cycles] of cases) test(name, () => assert.deepEqual(findCycles(nodes), cycles));
});

describe('topologicalOrder', () => {
  test('prerequisites before dependants, otherwise file order', () => {
    assert.deepEqual(topologicalOrder(graph), ['db', 'cache', 'app', 'web', 'worker']);
  });
  test('independent services keep file order', () => {
    assert.deepEqual(topologicalOrder([n('c'), n('a'), n('b')]), ['c', 'a', 'b']);
  });
  test('a cycle still yields every name once', () => {
    const order = topologicalOrder([n('a', 'b'), n('b', 'a'), n('c')]);
    assert.deepEqual([...order].sort(), ['a', 'b', 'c']);
  });
});

describe('prerequisitesOf and dependantsOf', () => {
  test('prerequisites deepest first (start order)', () => {
    assert.deepEqual(prerequisitesOf(graph, 'web'), ['db', 'cache', 'app']);
    assert.deepEqual(prerequisitesOf(graph, 'db'), []);
  });
  test('dependants deepest first (stop order)', () => {
    assert.deepEqual(dependantsOf(graph, 'db'), ['web', 'app', 'worker']);
    assert.deepEqual(dependantsOf(graph, 'web'), []);
  });
  test('a shared prerequisite appears once', () => {
    const diamond = [n('a', 'b', 'c'), n('b', 'd'), n('c', 'd'), n('d')];
    assert.deepEqual(prerequisitesOf(diamond, 'a'), ['d', 'b', 'c']);
    assert.deepEqual(dependantsOf(diamond, 'd'), ['a', 'b', 'c']);
  });
});
