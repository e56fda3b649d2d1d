// A Config as YAML text, with the monit file's comments where they sat: above the check, the key
// or the rule they were written above; the rest at the end, each with its line.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Config, LoadEnvironment } from '../../model/config.ts';
import type { ConvertNotes, ServiceNotes } from '../monitrc/notes.ts';
import { posKey } from '../monitrc/notes.ts';
import { ruleEntries } from './rule-entries.ts';
import { checkObject } from './yaml-checks.ts';
import { globalsObject } from './yaml-globals.ts';

const comment = (lines: readonly string[]): string => lines.join('\n');

function addBefore(node: Node | null | undefined, lines: readonly string[], loose: string[]): void {
  if (lines.length === 0) return;
  if (!node) {
    loose.push(...lines);
    return;
  }
  node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${comment(lines)}` : comment(lines);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function noteService(item: YAMLMap, notes: ServiceNotes, ruleKeys: string[], loose: string[]): void {
  addBefore(item, notes.above, loose);
  for (const [key, lines] of notes.keys) {
    const pair = pairOf(item, key);
    addBefore(pair ? (pair.key as Node) : item, lines, loose);
  }
  const rules = pairOf(item, 'rules')?.value;
  for (const [key, lines] of notes.rules) {
    const i = ruleKeys.indexOf(key);
    const node = rules && isSeq(rules) && i >= 0 ? (rules.items[i] as Node) : item;
    addBefore(node, lines, loose);
  }
}

export interface YamlOptions {
  notes?: ConvertNotes;
  /** The monit file converted (named in the header; services from other files say where they come from). */
  source?: string;
}

export function configToYaml(config: Config, env: LoadEnvironment, options: YamlOptions = {}): string {
  const { notes, source } = options;
  const checks = config.services.map(checkObject);
  const doc = new Document({ ...globalsObject(config, env), checks });
  const root = doc.contents as YAMLMap;
  const loose: string[] = [];
  if (source) doc.commentBefore = ` tsmonit convert ${source}`;
  for (const [key, lines] of notes?.globals ?? []) {
    const pair = pairOf(root, key);
    addBefore(pair ? (pair.key as Node) : null, lines, loose);
  }
  const items = (pairOf(root, 'checks')?.value as { items: Node[] } | undefined)?.items ?? [];
  let lastFile = source;
  config.services.forEach((s, i) => {
    const item = items[i];
    if (!item || !isMap(item)) return;
    if (s.pos.file !== lastFile && source) addBefore(item, [` from ${s.pos.file}`], loose);
    lastFile = s.pos.file;
    const n = notes?.services.get(s.name);
    if (n) noteService(item, n, ruleEntries(s).map((e) => (e.pos ? posKey(e.pos) : '')), loose);
  });
  const rest = [...loose, ...(notes?.loose ?? []).map((l) => ` ${l.pos.file}:${l.pos.line}:${l.text}`)];
  if (rest.length > 0) doc.comment = comment(rest);
  return doc.toString({ lineWidth: 0 });
}
