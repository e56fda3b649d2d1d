// A rule's text as the rule grammar gets it: the source slice with comments dropped and each line
// break (with its indentation) made one space, so a rule written over several lines reads as the
// same one-line rule a YAML `rules` entry holds. Offsets map back to the file for error positions.
import type { Locate } from '../rules/position.ts';
import { readQuoted } from './lexer.ts';
import type { SourceText } from './source.ts';

const BREAKS_TOKEN = /[\s;,()]/;

export function ruleText(src: SourceText, start: number, end: number): { text: string; locate: Locate } {
  const raw = src.text.slice(start, end);
  let text = '';
  const at: number[] = [];
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      text += raw[k];
      at.push(start + k);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    const comment = ch === '#' && (i === 0 || BREAKS_TOKEN.test(raw[i - 1] as string));
    if (ch === '"' || ch === "'") {
      const q = readQuoted(raw, i);
      const to = 'end' in q ? q.end : raw.length;
      copy(i, to);
      i = to;
    } else if (/\s/.test(ch) || comment) {
      let j = i;
      let broken = false;
      while (j < raw.length) {
        if (raw[j] === '#' && (j === 0 || BREAKS_TOKEN.test(raw[j - 1] as string))) {
          while (j < raw.length && raw[j] !== '\n') j++;
          broken = true;
        } else if (/\s/.test(raw[j] as string)) {
          if (raw[j] === '\n') broken = true;
          j++;
        } else break;
      }
      if (broken) {
        text += ' ';
        at.push(start + i);
      } else copy(i, j);
      i = j;
    } else {
      copy(i, i + 1);
      i++;
    }
  }
  const locate: Locate = (offset) => src.pos(at[offset] ?? end);
  return { text, locate };
}
