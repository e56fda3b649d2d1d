// monit control files: the public face of the monitrc reader.
import type { LoadEnvironment } from '../../model/config.ts';
import type { FileRole } from '../yaml/parse-file.ts';
import { lex } from './lexer.ts';
import { parseMonitrc, type MonitrcParse } from './parse.ts';
import { SourceText } from './source.ts';
import { spliceIncludes } from './splice.ts';

export type { MonitrcParse } from './parse.ts';
export type { ConvertNotes, ServiceNotes } from './notes.ts';
export { posKey } from './notes.ts';

/** One file on its own: its `include` statements stay includes (pure; for tests and included text). */
export function parseMonitrcText(text: string, file: string, env: LoadEnvironment, role: FileRole): MonitrcParse {
  const src = new SourceText(text, file);
  const { tokens, comments, problems } = lex(src);
  return parseMonitrc({ file, tokens, comments, problems, eofPos: src.pos(text.length), deferred: [], alsoRead: [], diagnostics: [] }, env, role);
}

/** A file with the monit files it includes spliced in, as monit reads them. */
export async function readMonitrc(text: string, file: string, env: LoadEnvironment, role: FileRole): Promise<MonitrcParse> {
  const src = new SourceText(text, file);
  const lexed = lex(src);
  const s = await spliceIncludes(src, lexed.tokens, lexed.comments, env);
  return parseMonitrc({ file, ...s, problems: [...lexed.problems, ...s.problems], eofPos: src.pos(text.length) }, env, role);
}
