// `npm run bench [-- --quick] [-- --install-peers] [-- --only recovery,http] [-- --markdown FILE]`:
// each scenario runs tsmonit and (when installed) monit in the same run and prints median, min and max and
// the ratio tsmonit/monit. Runs under `tini -s` when available, so daemons that die are reaped as on a
// normal host (PID 1 of some containers reaps nothing, and monit counts a zombie as running).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildTsmonit } from './lib/build.ts';
import { installPeers, toolVersion, which } from './lib/peers.ts';
import { loadAverage } from './lib/procfs.ts';
import { consoleLines, markdownTable } from './lib/report.ts';
import { makeTempDir, type Context, type Row, type Scenario } from './lib/scenario.ts';
import type { Tool } from './lib/supervisors.ts';
import { scenario as recovery } from './scenarios/recovery.ts';
import { scenario as hang } from './scenarios/hang.ts';
import { scenario as overhead } from './scenarios/overhead.ts';
import { scenario as stall } from './scenarios/stall.ts';
import { scenario as http } from './scenarios/http.ts';
import { scenario as cli } from './scenarios/cli.ts';
import { scenario as memoryFloor } from './scenarios/memory-floor.ts';

const SCENARIOS: Scenario[] = [recovery, hang, overhead, stall, http, cli, memoryFloor];

interface Options {
  quick: boolean;
  installPeers: boolean;
  only: string[] | null;
  markdown: string | null;
  noMonit: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | null => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] ?? null : null;
  };
  return {
    quick: argv.includes('--quick'),
    installPeers: argv.includes('--install-peers'),
    only: value('--only')?.split(',') ?? null,
    markdown: value('--markdown'),
    noMonit: argv.includes('--no-monit'),
  };
}

/** Re-runs this script under `tini -s` (a subreaper) once, when tini exists. */
function underReaper(): boolean {
  if (process.env.TSMONIT_BENCH_REAPED === '1') return false;
  const tini = which('tini');
  if (!tini) return false;
  const r = spawnSync(tini, ['-s', '--', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TSMONIT_BENCH_REAPED: '1' },
  });
  process.exit(r.status ?? 1);
}

function machine(): string {
  const cpus = os.cpus();
  return `${os.hostname()}: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  if (options.installPeers) installPeers(log);
  underReaper();
  if (process.env.TSMONIT_BENCH_REAPED !== '1') log('note: tini not found: dead daemons may stay zombies (monit then counts them as running)');
  if (!which('memcached')) log('note: memcached not found: the recovery and hang scenarios will fail (--install-peers installs it)');
  const monit = options.noMonit ? null : which('monit');
  const tsmonit = buildTsmonit(log);
  const sides: Tool[] = monit ? ['tsmonit', 'monit'] : ['tsmonit'];
  const dirs: string[] = [];
  const ctx: Context = {
    quick: options.quick,
    tools: { tsmonit, monit },
    sides,
    log,
    tempDir: (tag) => {
      const d = makeTempDir(tag);
      dirs.push(d);
      return d;
    },
  };
  const started = new Date();
  log(`tsmonit bench ${started.toISOString()}${options.quick ? ' (quick)' : ''}`);
  log(`machine: ${machine()}`);
  log(`tsmonit: ${tsmonit.how}; monit: ${monit ? toolVersion(monit, ['-V']) : 'not installed (tsmonit figures only)'}`);
  log(`load average at start: ${loadAverage().toFixed(2)}`);
  const rows: Row[] = [];
  for (const s of SCENARIOS.filter((x) => !options.only || options.only.includes(x.name))) {
    log(`\n== ${s.title} ==`);
    const load0 = loadAverage();
    try {
      const got = await s.run(ctx);
      rows.push(...got);
      for (const line of consoleLines(got)) log(line);
    } catch (err) {
      log(`  FAILED: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    log(`  (load average ${load0.toFixed(2)} → ${loadAverage().toFixed(2)})`);
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  const table = markdownTable(rows);
  log(`\n${table}`);
  if (options.markdown) {
    const head = `Run ${started.toISOString()}${options.quick ? ' (--quick)' : ''} on ${machine()}; tsmonit as ${tsmonit.how}; monit: ${monit ? toolVersion(monit, ['-V']) : 'not installed'}; load average at the end ${loadAverage().toFixed(2)}.`;
    writeFileSync(options.markdown, `${head}\n\n${table}\n`);
    log(`written to ${options.markdown}`);
  }
}

await main();
