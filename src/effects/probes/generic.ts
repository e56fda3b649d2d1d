// Generic `send "..." expect "regex"` pairs (monit.md 2.5), in order. Each expect reads the first
// byte within the deadline, then whatever follows without a pause longer than 200 ms, up to the
// send/expect buffer (set limits, default 256 bytes), and the regex must match it.
import type { ProtocolSpec } from '../../model/rule.ts';
import type { Conversation } from './conversation.ts';
import { expectRegExp, expectText, sendBytes } from './escapes.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

export const EXPECT_IDLE_MS = 200;
export const DEFAULT_EXPECT_BUFFER = 256;

type Step = NonNullable<ProtocolSpec['sendExpect']>[number];

/** Checks one expect against received data; throws a ProbeFailure quoting what came. */
export function judgeExpect(pattern: string, data: Buffer): string {
  const text = expectText(data);
  if (!expectRegExp(pattern).test(text)) throw new ProbeFailure(`expected '${pattern}', got '${shown(text, 120)}'`);
  return text;
}

async function step(conv: Conversation, item: Step, limit: number): Promise<string> {
  if ('send' in item) {
    conv.write(sendBytes(item.send));
    return `sent '${shown(item.send)}'`;
  }
  const data = await conv.readBurst(`data to match '${item.expect}'`, EXPECT_IDLE_MS, limit);
  judgeExpect(item.expect, data);
  return `'${shown(expectText(data), 40)}' matched '${item.expect}'`;
}

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const steps = run.test.protocol?.sendExpect ?? [];
  const limit = run.context.sendExpectBufferBytes ?? DEFAULT_EXPECT_BUFFER;
  const done: string[] = [];
  for (const item of steps) done.push(await step(conv, item, limit));
  const expects = done.filter((d) => d.includes(' matched '));
  return expects.length === 0 ? `connected, ${done.length} sends written` : expects.join('; ');
}

export const generic: StreamProtocol = { label: 'GENERIC', dialog };
