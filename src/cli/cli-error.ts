// What a command failed with: one line for stderr and the exit status (1 error, 2 usage).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** Further lines for stderr (a program's output, config diagnostics), printed after the message. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
