// `check TYPE NAME ...` and its block, up to the next `check` or `set` (monit.md 2.1).
import type { ServiceType } from '../../model/service.ts';
import { newDraft, finishDraft, type BlockDraft } from './check-draft.ts';
import { blockStatement } from './check-statements.ts';
import { posOf, type MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';
import { posKey } from './notes.ts';
import { scanRule, STATEMENT_WORDS } from './rule-extent.ts';
import { ruleText } from './rule-text.ts';
import type { ParseState } from './state.ts';

const TYPES: Record<string, ServiceType> = {
  process: 'process', file: 'file', fifo: 'fifo', directory: 'directory', filesystem: 'filesystem',
  device: 'filesystem', host: 'host', system: 'system', program: 'program', network: 'network',
};

/** The YAML key a block statement becomes (for its comments). */
const KEY_OF: Record<string, string> = {
  depend: 'depends', not: 'not_every', alert: 'alerts', match: 'matching',
};

function serviceName(st: ParseState, t: MToken, type: ServiceType): string | undefined {
  const n = type === 'system' ? t.value.replaceAll('$HOST', st.env.hostname) : t.value;
  if (n.trim() === '') st.diags.error('TSM_E_SERVICE_NAME', posOf(t), 'a service name may not be empty');
  else if (n === 'all') st.diags.error('TSM_E_SERVICE_NAME', posOf(t), "'all' is reserved (it means every service) and cannot be a service name");
  else return n;
  return undefined;
}

/** After an error: on to the next line that starts a statement. */
export function recover(c: MCursor, from: number, words: ReadonlySet<string>): void {
  if (c.i === from) c.nextRaw();
  for (let t = c.peekRaw(); t && !(t.firstOnLine && t.kind === 'word' && words.has(t.lower)); t = c.peekRaw()) c.nextRaw();
}

function rule(c: MCursor, st: ParseState, d: BlockDraft, notes: string): void {
  const { first, last } = scanRule(c);
  if (last.src !== first.src) c.error(first, 'a rule must end in the file where it starts');
  d.rules.push(ruleText(first.src, first.start, last.end));
  const lines = st.pool.claim(first, last);
  if (lines.length > 0) st.pool.service(notes).rules.set(posKey(posOf(first)), lines);
}

function statement(c: MCursor, st: ParseState, d: BlockDraft, notes: string): void {
  const t = c.peek() as MToken;
  if (t.kind === 'word' && (t.lower === 'if' || t.lower === 'ignore')) return rule(c, st, d, notes);
  if (t.kind === 'word' && t.lower === 'include') {
    c.next();
    const p = c.expectValue('a file or glob to include');
    st.includes.push({ pattern: p.value, pos: posOf(p) });
    return;
  }
  c.next();
  if (t.kind !== 'word' || !blockStatement(c, st, d, t)) {
    c.fail(`a statement of the ${d.type} check (if, start, stop, restart, depends, group, mode, every, alert, ...) or the next check`, t);
  }
  const key = KEY_OF[t.lower] ?? (d.type === 'program' && t.lower === 'timeout' ? 'timeout' : t.lower);
  st.pool.serviceKey(notes, key, st.pool.claim(t, c.tokens[c.i - 1]));
}

export function parseCheck(c: MCursor, st: ParseState): void {
  const checkTok = c.next() as MToken;
  // `program` is a noise word (`start program = ...`), so the type is read from the raw stream.
  let typeTok = c.peekRaw();
  while (typeTok?.noise && typeTok.lower !== 'program') {
    c.nextRaw();
    typeTok = c.peekRaw();
  }
  const type = typeTok?.kind === 'word' ? TYPES[typeTok.lower] : undefined;
  if (!type) c.fail(`a check type (${Object.keys(TYPES).join(', ')})`, typeTok);
  c.nextRaw();
  const nameTok = c.peek();
  if (!nameTok || (nameTok.kind !== 'word' && nameTok.kind !== 'string')) c.fail('a service name', nameTok);
  c.next();
  const d = newDraft(type, posOf(checkTok), posOf(nameTok));
  const name = serviceName(st, nameTok, type);
  if (name !== undefined) d.name = name;
  const notes = name ?? `#${st.services.length}`;
  st.pool.service(notes).above.push(...st.pool.claim(checkTok, nameTok));
  for (let t = c.peek(); t && !(t.kind === 'word' && (t.lower === 'check' || t.lower === 'set')); t = c.peek()) {
    const from = c.i;
    try {
      statement(c, st, d, notes);
    } catch (e) {
      st.report(e);
      recover(c, from, STATEMENT_WORDS);
    }
  }
  const draft = finishDraft(d, st.diags);
  if (draft) st.services.push(draft);
}
