// Short, stable text for a Node system error: "ENOENT: no such file or directory" (no path, no syscall).

export function errnoText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // Node's messages look like "EACCES: permission denied, open '/x'": drop the syscall and path.
  const message = error.message.replace(/, \w+ '.*'$/s, '');
  if (code && !message.startsWith(code)) return `${code}: ${message}`;
  return message;
}

export function errnoCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}
