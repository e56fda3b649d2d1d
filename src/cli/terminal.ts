// How the CLI writes: plain text when piped or with -B (monit's batch mode), colours and box tables on a
// terminal. Colour is added after padding, so a coloured table lines up exactly like the plain one.
import type { ServiceStatus } from '../daemon/facade.ts';
import { PLAIN, type Paint } from '../render/monit-text.ts';

export interface Output {
  /** Writes text to stdout as is. */
  out(text: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
  /** Box tables (stdout is a terminal and not -B). */
  boxes: boolean;
  /** ANSI colours (boxes, and NO_COLOR unset). */
  colours: boolean;
  /** stderr is a terminal: a live progress line may be drawn (and erased) there. */
  progress: boolean;
  /** Writes to stderr without a newline (progress line). */
  errRaw(text: string): void;
}

const ANSI = { bold: '1', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
export type Colour = keyof typeof ANSI;

export function colour(enabled: boolean, c: Colour, text: string): string {
  return enabled ? `\u001b[${ANSI[c]}m${text}\u001b[0m` : text;
}

/** Green when all is well, red on a failure, yellow while not monitored, initializing or an action pends. */
export function statusColour(s: ServiceStatus): Colour {
  if (s.monitoring === 'monitored' && s.ok && s.pendingAction === null) return 'green';
  if (s.monitoring === 'monitored' && !s.ok) return 'red';
  return s.failures.length > 0 ? 'red' : 'yellow';
}

export function paintFor(o: Pick<Output, 'colours'>): Paint {
  if (!o.colours) return PLAIN;
  return {
    heading: (t) => colour(true, 'bold', t),
    status: (t, s) => colour(true, statusColour(s), t),
  };
}

/** A table drawn with box characters; `paint` colours a cell's padded text. */
export function boxTable(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  paint: (row: number, col: number, padded: string) => string = (_r, _c, t) => t,
): string {
  const widths = headings.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const line = (cells: readonly string[], row: number) =>
    `│${cells.map((cell, c) => ` ${row < 0 ? cell.padEnd(widths[c]!) : paint(row, c, cell.padEnd(widths[c]!))} `).join('│')}│`;
  return [
    rule('┌', '┬', '┐'), line(headings, -1), rule('├', '┼', '┤'),
    ...rows.map((r, i) => line(r, i)), rule('└', '┴', '┘'),
  ].join('\n') + '\n';
}
