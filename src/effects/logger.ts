// The daemon's Logger: pino underneath; monit-style lines on a terminal, JSON lines to a file,
// syslog through logger(1). Secrets in fields are redacted before pino sees them.
import { pino, type DestinationStream } from 'pino';
import type { Logger } from '../model/ports.ts';
import { formatLine, type LogRecord } from './log/line-format.ts';
import { redact } from './log/redact.ts';
import { createSyslogStream, findSyslogCommand, type LineStream } from './log/syslog-stream.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  /** 'stdout', 'syslog', or a file path (appended to, created with its directory). */
  target: 'stdout' | 'syslog' | string;
  pretty: boolean;
  level: LogLevel;
  /** Where logger(1) is looked for (tests). */
  syslogCommands?: string[];
}

export interface LoggerHandle {
  logger: Logger;
  /** Everything logged so far has been handed to the OS. */
  flush(): Promise<void>;
  /** Flush and release the destination (file, logger(1) child). Logging after close is lost. */
  close(): Promise<void>;
}

export function createLogger(options: LoggerOptions): LoggerHandle {
  let warning: string | null = null;
  let sink: LineStream;
  if (options.target === 'syslog') {
    const command = findSyslogCommand(options.syslogCommands);
    if (command) sink = createSyslogStream(command);
    else {
      warning = 'syslog requested but logger(1) was not found: logging to stdout';
      sink = fileSink(1, options.pretty);
    }
  } else {
    sink = fileSink(options.target === 'stdout' ? 1 : options.target, options.pretty);
  }

  const base = pino({
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }, sink as DestinationStream);
  const at = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>): void => {
    if (fields) base[level](redact(fields) as object, msg);
    else base[level](msg);
  };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  if (warning) logger.warn(warning);
  return { logger, flush: () => sink.flush(), close: () => sink.close() };
}

/** A file descriptor or path, written synchronously (low volume; nothing lost on a crash). */
function fileSink(dest: number | string, pretty: boolean): LineStream {
  const stream = pino.destination({ dest, sync: true, append: true, mkdir: typeof dest === 'string' });
  return {
    write(json: string): void {
      stream.write(pretty ? `${formatLine(JSON.parse(json) as LogRecord, { withTime: true })}\n` : json);
    },
    flush: async () => {
      try {
        stream.flushSync();
      } catch {
        // nothing buffered, or the destination is gone: nothing more can be done
      }
    },
    close: async () => {
      if (typeof dest === 'string') stream.end();
    },
  };
}
