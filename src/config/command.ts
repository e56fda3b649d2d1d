// Command lines are split into argv the way monit does it, with no shell: whitespace
// separates, a '...' or "..." segment stays one argument with its quotes removed.

/** `/bin/sh -c 'kill $(cat /run/x.pid)'` -> ['/bin/sh', '-c', 'kill $(cat /run/x.pid)']. */
export function splitCommand(text: string): string[] {
  const argv: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) argv.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) argv.push(current);
  return argv;
}

/** Why a command line cannot be run, or undefined when it can. */
export function commandProblem(text: string): string | undefined {
  const quotes = [...text].reduce<string | undefined>((open, ch) => {
    if (open) return ch === open ? undefined : open;
    return ch === '"' || ch === "'" ? ch : undefined;
  }, undefined);
  if (quotes) return `the command has an unterminated ${quotes} quote`;
  if (splitCommand(text).length === 0) return 'the command is empty';
  return undefined;
}
