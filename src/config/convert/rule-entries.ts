// The rule lines a service was written with: its rules (a chained `if cpu > 50% and memory > 50%`
// line gives several rules of one text and place: it is one line), restart limits and content
// ignores, in file order when their places are known. Implicit rules are not written.
import type { SourcePos } from '../../model/errors.ts';
import type { ServiceSpec } from '../../model/service.ts';

export interface RuleEntry {
  text: string;
  pos?: SourcePos;
}

function samePlace(a: RuleEntry, b: RuleEntry): boolean {
  return a.text === b.text && a.pos !== undefined && b.pos !== undefined
    && a.pos.file === b.pos.file && a.pos.line === b.pos.line && a.pos.col === b.pos.col;
}

export function ruleEntries(s: ServiceSpec): RuleEntry[] {
  const rules: RuleEntry[] = [];
  for (const r of s.rules) {
    if (r.implicit) continue;
    const e: RuleEntry = r.pos ? { text: r.text, pos: r.pos } : { text: r.text };
    const prev = rules.at(-1);
    if (!prev || !samePlace(prev, e)) rules.push(e);
  }
  const entries = [
    ...rules,
    ...s.restartLimits.map((l): RuleEntry => (l.pos ? { text: l.text, pos: l.pos } : { text: l.text })),
    ...s.ignoreContent.map((i): RuleEntry => (i.pos ? { text: i.text, pos: i.pos } : { text: i.text })),
  ];
  const file = entries[0]?.pos?.file;
  if (!entries.every((e) => e.pos && e.pos.file === file)) return entries;
  return entries.sort((a, b) => (a.pos as SourcePos).line - (b.pos as SourcePos).line || (a.pos as SourcePos).col - (b.pos as SourcePos).col);
}
