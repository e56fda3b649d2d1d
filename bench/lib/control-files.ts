// One description of the services under test, written both ways: tsmonit's YAML and monit's monitrc.
// Rules are monit's grammar, which tsmonit accepts as is, so both tools get the very same rules.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchProgram {
  program: string;
  timeoutS?: number;
}

export interface BenchService {
  name: string;
  pidfile: string;
  start?: BenchProgram;
  stop?: BenchProgram;
  rules: string[];
}

export interface BenchSetup {
  dir: string;
  cycleS: number;
  httpPort: number;
  user: string;
  password: string;
  services: BenchService[];
}

const q = (s: string): string => JSON.stringify(s);

function yamlProgram(p: BenchProgram): string {
  return `{ program: ${q(p.program)}, timeout: ${p.timeoutS ?? 30}s }`;
}

export function tsmonitYaml(s: BenchSetup): string {
  const lines = [
    `daemon: ${s.cycleS}s`,
    `log: ${q(join(s.dir, 'tsmonit.log'))}`,
    `statefile: ${q(join(s.dir, 'tsmonit.state.json'))}`,
    `pidfile: ${q(join(s.dir, 'tsmonit.pid'))}`,
    `control_socket: ${q(join(s.dir, 'tsmonit.sock'))}`,
    'httpd:',
    `  port: ${s.httpPort}`,
    '  address: 127.0.0.1',
    '  allow:',
    `    - ${q(`${s.user}:${s.password}`)}`,
    // An empty 'checks:' is null in YAML, which tsmonit refuses; no services is an empty list.
    s.services.length === 0 ? 'checks: []' : 'checks:',
  ];
  for (const svc of s.services) {
    lines.push(`  - process: ${q(svc.name)}`, `    pidfile: ${q(svc.pidfile)}`);
    if (svc.start) lines.push(`    start: ${yamlProgram(svc.start)}`);
    if (svc.stop) lines.push(`    stop: ${yamlProgram(svc.stop)}`);
    if (svc.rules.length > 0) lines.push('    rules:', ...svc.rules.map((r) => `      - ${q(r)}`));
  }
  return `${lines.join('\n')}\n`;
}

function monitProgram(kind: 'start' | 'stop', p: BenchProgram): string {
  return `  ${kind} program = ${q(p.program)} with timeout ${p.timeoutS ?? 30} seconds`;
}

export function monitrc(s: BenchSetup): string {
  const lines = [
    `set daemon ${s.cycleS}`,
    `set logfile ${join(s.dir, 'monit.log')}`,
    `set pidfile ${join(s.dir, 'monit.pid')}`,
    `set statefile ${join(s.dir, 'monit.state')}`,
    `set idfile ${join(s.dir, 'monit.id')}`,
    `set httpd port ${s.httpPort} and use address 127.0.0.1`,
    `  allow ${s.user}:${s.password}`,
    '',
  ];
  for (const svc of s.services) {
    lines.push(`check process ${svc.name} with pidfile ${q(svc.pidfile)}`);
    if (svc.start) lines.push(monitProgram('start', svc.start));
    if (svc.stop) lines.push(monitProgram('stop', svc.stop));
    lines.push(...svc.rules.map((r) => `  ${r}`), '');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the control file for a tool, mode 0600 (monit refuses anything wider). */
export function writeControlFile(tool: 'tsmonit' | 'monit', setup: BenchSetup): string {
  const file = join(setup.dir, tool === 'tsmonit' ? 'tsmonit.yml' : 'monitrc');
  writeFileSync(file, tool === 'tsmonit' ? tsmonitYaml(setup) : monitrc(setup), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
