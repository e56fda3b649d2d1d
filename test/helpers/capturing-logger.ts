// A Logger that keeps every line, prefixed with its level, for tests to read.
import type { Logger } from '../../src/model/ports.ts';

export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  debug(msg: string): void {
    this.lines.push(`debug: ${msg}`);
  }
  info(msg: string): void {
    this.lines.push(`info: ${msg}`);
  }
  warn(msg: string): void {
    this.lines.push(`warn: ${msg}`);
  }
  error(msg: string): void {
    this.lines.push(`error: ${msg}`);
  }
}
