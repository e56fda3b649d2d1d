import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputCapture } from '../../../src/effects/runner/output-capture.ts';

test('keeps the first bytes up to the limit and counts the rest', () => {
  const cases = [
    { limit: 5, chunks: ['abc', 'def', 'gh'], text: 'abcde\n[... 3 more bytes not kept]', dropped: 3 },
    { limit: 100, chunks: ['abc', 'def'], text: 'abcdef', dropped: 0 },
    { limit: 3, chunks: ['abc', 'd'], text: 'abc\n[... 1 more bytes not kept]', dropped: 1 },
    { limit: 0, chunks: ['abc'], text: '\n[... 3 more bytes not kept]', dropped: 3 },
  ];
  for (const c of cases) {
    const capture = new OutputCapture(c.limit);
    for (const chunk of c.chunks) capture.add(Buffer.from(chunk));
    assert.equal(capture.text(), c.text);
    assert.equal(capture.droppedBytes, c.dropped);
  }
});
