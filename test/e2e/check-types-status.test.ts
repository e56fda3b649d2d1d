// Every new check type as the API's JSON, monit's XML (read back by an XML parser) and monit's status text show it,
// from a running daemon over real files, a real program, the real filesystem and loopback.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { localPlatform, statusXml } from '../../src/http/monit-xml.ts';
import { statusText } from '../../src/render/monit-text.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

test('file, program, filesystem and network services in JSON, XML and text', async (t) => {
  const dir = tempDir();
  writeFileSync(`${dir}/data.txt`, 'twelve bytes');
  chmodSync(`${dir}/data.txt`, 0o600);
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - file: data
    path: \${DIR}/data.txt
    rules:
      - if failed checksum expect c91fa94e14cf2fa5474beceff788c0dc then alert
  - program: script
    path: "/bin/sh -c 'echo hello from the script; exit 2'"
    rules:
      - if status > 5 then alert
  - filesystem: fs
    path: \${DIR}
  - network: lo
    interface: lo
`), { dir });
  t.after(() => h.cleanup());
  const snapshot = await waitFor('every service checked with figures', () => {
    const s = h.monitor.status();
    const by = (n: string) => s.services.find((x) => x.name === n);
    return by('data')?.file?.size === 12 && by('script')?.program?.status === 2 && by('fs')?.filesystem?.space
      && by('lo')?.network?.download.bytesPerSecond !== null ? s : null;
  });
  const by = (n: string) => snapshot.services.find((x) => x.name === n)!;
  assert.equal(by('data').file?.mode, '0600');
  assert.equal(by('data').status, 'OK', 'md5sum of "twelve bytes" is what the rule expects');
  assert.match(by('script').program?.output ?? '', /^hello from the script/);

  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_n, p) => p === 'monit.service' }).parse(statusXml(snapshot, localPlatform(), undefined));
  const services = (xml as { monit: { service: Array<Record<string, unknown>> } }).monit.service;
  /** A value at a path of element names inside one service's XML. */
  const at = (name: string, ...path: string[]): unknown =>
    path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], services.find((s) => s['name'] === name));
  assert.equal(at('data', '@type'), '2');
  assert.equal(at('data', 'size'), 12);
  assert.equal(at('data', 'mode'), 600);
  assert.equal(at('data', 'checksum', '@type'), 'MD5');
  assert.equal(at('script', '@type'), '7');
  assert.equal(at('script', 'program', 'status'), 2);
  assert.match(String(at('script', 'program', 'output')), /hello from the script/);
  assert.equal(at('fs', '@type'), '0');
  assert.ok(Number(at('fs', 'block', 'total')) > 0);
  assert.equal(at('lo', '@type'), '8');
  assert.equal(at('lo', 'link', 'state'), 1);

  const text = statusText(snapshot);
  assert.match(text, /File 'data'\n(.*\n)*? {2}permission {23}0600\n(.*\n)*? {2}size {29}12 B\n(.*\n)*? {2}checksum {25}c91fa94e14cf2fa5474beceff788c0dc \(MD5\)\n/);
  assert.match(text, /Program 'script'\n(.*\n)*? {2}last exit value {18}2\n {2}last output {22}hello from the script\n/);
  assert.match(text, /Filesystem 'fs'\n(.*\n)*? {2}space total {22}\d/);
  assert.match(text, /Network 'lo'\n(.*\n)*? {2}link {29}UP\n/);
});
