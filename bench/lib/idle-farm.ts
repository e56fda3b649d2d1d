// N idle processes, each with its pidfile, and one small server that listens on the ports some of them are
// tested on. Shared by both tools in a scenario, and killed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchService } from './control-files.ts';
import { waitUntil } from './wait.ts';

export interface IdleFarm {
  services: BenchService[];
  stop(): void;
}

const PORT_SERVER = `
const net = require('node:net');
const ports = [];
let left = Number(process.argv[1]);
if (left === 0) console.log('');
for (let i = 0; i < Number(process.argv[1]); i++) {
  const s = net.createServer((c) => { c.on('error', () => {}); c.end(); });
  s.listen(0, '127.0.0.1', () => { ports[i] = s.address().port; if (--left === 0) console.log(ports.join(' ')); });
}`;

/** ruleFor(i, port) gives the rules of process i (port: its TCP test port, every 10th, else null). */
export async function startIdleFarm(dir: string, n: number, ruleFor: (i: number, port: number | null) => string[]): Promise<IdleFarm> {
  const children: ChildProcess[] = [];
  const withPort = Math.floor(n / 10);
  const server = spawn(process.execPath, ['-e', PORT_SERVER, String(withPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(server);
  let line = '';
  server.stdout.on('data', (d: Buffer) => (line += d.toString()));
  await waitUntil('the port server', () => line.includes('\n'), 10000);
  const ports = line.trim() === '' ? [] : line.trim().split(' ').map(Number);
  const services: BenchService[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawn('sleep', ['100000'], { stdio: 'ignore' });
    children.push(child);
    const pidfile = join(dir, `idle-${i}.pid`);
    writeFileSync(pidfile, `${child.pid}\n`);
    const port = i % 10 === 0 ? ports[i / 10] ?? null : null;
    services.push({ name: `idle${i}`, pidfile, rules: ruleFor(i, port) });
  }
  return {
    services,
    stop() {
      for (const c of children) c.kill('SIGKILL');
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    import('node:net').then(({ createServer }) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    }, reject);
  });
}
