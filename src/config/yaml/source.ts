// One YAML control file with positions: every node maps to FILE:LINE:COL (1-based).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SourcePos } from '../../model/errors.ts';
import { Diagnostics } from '../diagnostics.ts';

/** A value in the file: its node (null when absent) and where to point at it. */
export interface Field {
  /** The key path for messages: `limits.start_timeout`, `checks[2].rules[0]`. */
  name: string;
  node: Node | null;
  pos: SourcePos;
}

export interface Entry extends Field {
  key: string;
  keyPos: SourcePos;
}

/** The name of the document's root in messages; its keys are named without a prefix. */
export const ROOT_NAME = 'the control file';

export class YamlSource {
  readonly file: string;
  readonly text: string;
  readonly diags = new Diagnostics();
  readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(text: string, file: string) {
    this.file = file;
    this.text = text;
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      const message = e.message.split('\n')[0] ?? e.message;
      this.diags.error('TSM_E_YAML_SYNTAX', this.at(e.pos[0]), message);
    }
  }

  get ok(): boolean {
    return this.diags.errors.length === 0;
  }

  at(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  /** Aliases resolve to their anchors; everything else is itself. */
  deref(node: Node | null | undefined): Node | null {
    if (node && isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return node ?? null;
  }

  pos(node: Node | null | undefined, fallback: SourcePos): SourcePos {
    const range = node?.range;
    return range ? this.at(range[0]) : fallback;
  }

  root(): Field {
    const node = this.deref(this.doc.contents as Node | null);
    return { name: ROOT_NAME, node, pos: this.pos(node, { file: this.file, line: 1, col: 1 }) };
  }

  /** Describes what a node holds, for "must be X, not Y" messages. */
  describe(node: Node | null): string {
    const n = this.deref(node);
    if (!n || (isScalar(n) && n.value === null)) return 'empty';
    if (isMap(n)) return 'a mapping';
    if (isSeq(n)) return 'a list';
    if (isScalar(n)) return typeof n.value === 'string' ? 'a string' : `a ${typeof n.value}`;
    return 'something else';
  }
}
