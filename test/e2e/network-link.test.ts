// check network against a real link: tsmonit runs in its own network namespace (with its own /sys) holding a veth
// pair; the test takes the link up and down from outside and reads the events. Needs root and namespaces
// (unshare, nsenter, ip from util-linux and iproute2); skipped with a message where the kernel refuses them.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { spawnedYaml } from '../helpers/daemon-yaml.ts';
import { tempDir, writeControlFile } from '../helpers/harness.ts';
import { ROOT, kill } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

function namespacesWork(): string | null {
  if (process.getuid?.() !== 0) return 'needs root';
  try {
    execFileSync('unshare', ['-nm', 'sh', '-c', 'mount -t sysfs sysfs /sys && ip link add v0 type veth peer name v1'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'this kernel or container refuses network namespaces or veth links';
  }
}

interface LoggedEvent {
  service?: string;
  kind?: string;
  state?: string;
  msg: string;
}

const events = (file: string): LoggedEvent[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LoggedEvent) : [];

test('link down, link up, down again: each seen by check network', async (t) => {
  const why = namespacesWork();
  if (why) {
    t.skip(`network namespaces unavailable: ${why}`);
    return;
  }
  const dir = tempDir();
  const file = writeControlFile(dir, spawnedYaml('300ms', `checks:
  - network: veth
    interface: v0
    rules:
      - if changed link then alert
  - network: by-address
    address: 192.0.2.10
`));
  const setup = 'mount -t sysfs sysfs /sys && ip link add v0 type veth peer name v1 && ip addr add 192.0.2.10/24 dev v0';
  const child = spawn('unshare', ['-nm', 'sh', '-c', `${setup} && exec "$0" "$@"`, process.execPath, `${ROOT}bin/tsmonit.js`, '-c', file], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.after(async () => {
    kill(child.pid ?? null, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  const log = `${dir}/tsmonit.log`;
  const inNs = (...args: string[]) => execFileSync('nsenter', ['-t', String(child.pid), '-n', 'ip', ...args]);
  const linkEvents = () => events(log).filter((e) => e.service === 'veth' && e.kind === 'link');

  const down = await waitFor('the veth is down at first', () => linkEvents().find((e) => e.state === 'failed'));
  assert.match(down.msg, /v0 link is down/);
  inNs('link', 'set', 'v1', 'up');
  inNs('link', 'set', 'v0', 'up');
  const up = await waitFor('link up', () => linkEvents().find((e) => e.state === 'succeeded'));
  assert.match(up.msg, /v0 link is up \(up\)/);
  inNs('link', 'set', 'v1', 'down');
  await waitFor('down again when its peer goes', () => linkEvents().filter((e) => e.state === 'failed').length >= 2);
  assert.match(linkEvents().filter((e) => e.state === 'failed')[1]!.msg, /lowerlayerdown|down/);
  // The address names the same interface: its service saw the same transitions.
  assert.ok(events(log).some((e) => e.service === 'by-address' && e.kind === 'link' && e.state === 'succeeded'));
});
