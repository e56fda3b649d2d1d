// Where a character of a rule string sits in its file.
import type { SourcePos } from '../../model/errors.ts';

/** Maps a string offset to a file position. */
export type Locate = (offset: number) => SourcePos;

/** For rule text that starts at pos and appears verbatim in the file (it may span lines). */
export function locateVerbatim(text: string, pos: SourcePos): Locate {
  return (offset) => {
    const before = text.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    if (nl < 0) return { file: pos.file, line: pos.line, col: pos.col + offset };
    const line = pos.line + before.split('\n').length - 1;
    return { file: pos.file, line, col: offset - nl };
  };
}
