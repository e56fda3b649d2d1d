// Command-line parsing (pure): monit's options, tsmonit's commands.

export interface DaemonArgs {
  kind: 'daemon';
  config?: string;
  cycleSeconds?: number;
  logfile?: string;
  verbose: boolean;
  test: boolean;
}

export type ParsedArgs =
  | DaemonArgs
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: tsmonit [options] [command]

Options:
  -c FILE        control file (default: ./monitrc.yml, ~/.tsmonitrc.yml, /etc/tsmonit/monitrc.yml,
                 then monit's ~/.monitrc, /etc/monitrc, /etc/monit/monitrc)
  -d SECONDS     cycle length, overrides the control file's daemon
  -l LOGFILE     log target: a file, stdout or syslog
  -v             verbose (debug) logging
  -I             stay in the foreground (always the case; accepted for monit's sake)
  -t             check the control file, print every error, exit
  -V, --version  print the version
  -h, --help     this text

Commands:
  (none)         run the daemon in the foreground
`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: DaemonArgs = { kind: 'daemon', verbose: false, test: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => {
      const v = argv[i + 1];
      i += 1;
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '-V':
      case '--version':
        return { kind: 'version' };
      case '-c':
      case '--conf': {
        const v = value();
        if (v === undefined) return { kind: 'usage-error', message: `${arg} needs a file` };
        out.config = v;
        break;
      }
      case '-d':
      case '--daemon': {
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isFinite(n) || n < 0.1) return { kind: 'usage-error', message: `${arg} needs a number of seconds (at least 0.1)` };
        out.cycleSeconds = n;
        break;
      }
      case '-l':
      case '--logfile': {
        const v = value();
        if (v === undefined) return { kind: 'usage-error', message: `${arg} needs a file, stdout or syslog` };
        out.logfile = v;
        break;
      }
      case '-v':
      case '-vv':
      case '--verbose':
        out.verbose = true;
        break;
      case '-I':
      case '--interactive':
        break;
      case '-t':
      case '--test':
        out.test = true;
        break;
      default:
        return { kind: 'usage-error', message: `unknown ${arg.startsWith('-') ? 'option' : 'command'} '${arg}' (see tsmonit --help)` };
    }
  }
  return out;
}

/** The control file search order of config.md, first existing wins. */
export function controlFileCandidates(home: string): string[] {
  return [
    './monitrc.yml',
    `${home}/.tsmonitrc.yml`,
    '/etc/tsmonit/monitrc.yml',
    `${home}/.monitrc`,
    '/etc/monitrc',
    '/etc/monit/monitrc',
  ];
}
