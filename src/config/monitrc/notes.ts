// Comments for `tsmonit convert`: each statement claims the comments above it (and inside it),
// so the YAML can print them where they sat; what no statement claims is kept as loose notes.
import type { SourcePos } from '../../model/errors.ts';
import type { Comment, MToken } from './lexer.ts';

export interface ServiceNotes {
  /** Above the `check` line (and inside its header). */
  above: string[];
  /** Above a statement of the block, by the YAML key it becomes (`start`, `group`, ...). */
  keys: Map<string, string[]>;
  /** Above a rule, by the rule's position (`FILE:LINE:COL`). */
  rules: Map<string, string[]>;
}

export interface ConvertNotes {
  /** Above a global statement, by the YAML key it becomes (`daemon`, `httpd`, ...). */
  globals: Map<string, string[]>;
  services: Map<string, ServiceNotes>;
  loose: Array<{ pos: SourcePos; text: string }>;
}

export function posKey(pos: SourcePos): string {
  return `${pos.file}:${pos.line}:${pos.col}`;
}

function append(map: Map<string, string[]>, key: string, lines: string[]): void {
  if (lines.length === 0) return;
  map.set(key, [...(map.get(key) ?? []), ...lines]);
}

export class CommentPool {
  private readonly claimed = new Set<Comment>();
  readonly notes: ConvertNotes = { globals: new Map(), services: new Map(), loose: [] };

  constructor(private readonly comments: readonly Comment[]) {}

  /**
   * The comments of first's file from just after the token before first up to the end of last,
   * and the comment at the end of last's line.
   */
  claim(first: MToken, last: MToken | undefined): string[] {
    const end = last && last.src === first.src ? last.end : first.end;
    const text = first.src.text;
    const trailing = (c: Comment): boolean => c.start >= end && !text.slice(end, c.start).includes('\n');
    const out: string[] = [];
    for (const c of this.comments) {
      if (c.src !== first.src || c.start < first.prevEnd || (c.start > end && !trailing(c)) || this.claimed.has(c)) continue;
      this.claimed.add(c);
      out.push(c.text);
    }
    return out;
  }

  global(key: string, lines: string[]): void {
    append(this.notes.globals, key, lines);
  }

  service(name: string): ServiceNotes {
    let s = this.notes.services.get(name);
    if (!s) {
      s = { above: [], keys: new Map(), rules: new Map() };
      this.notes.services.set(name, s);
    }
    return s;
  }

  serviceKey(name: string, key: string, lines: string[]): void {
    append(this.service(name).keys, key, lines);
  }

  finish(): ConvertNotes {
    for (const c of this.comments) if (!this.claimed.has(c)) this.notes.loose.push({ pos: c.src.pos(c.start), text: c.text });
    return this.notes;
  }
}
