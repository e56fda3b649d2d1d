// One monit control file's text with a line index: offsets -> FILE:LINE:COL (1-based).
import type { SourcePos } from '../../model/errors.ts';

export class SourceText {
  readonly file: string;
  readonly text: string;
  private readonly lineStarts: number[] = [0];

  constructor(text: string, file: string) {
    this.file = file;
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  pos(offset: number): SourcePos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: offset - (this.lineStarts[lo] as number) + 1 };
  }
}
