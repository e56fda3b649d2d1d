// Must show 4: the monit spelling of mail servers, alerts, mail-format and a check's alert / noalert loads into the
// same model as its YAML twin.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfigFile } from '../../src/config/load.ts';
import type { Config } from '../../src/model/config.ts';
import { formatDiagnostic } from '../../src/model/errors.ts';
import { tempDir, testEnvironment } from '../helpers/harness.ts';

const MONITRC = `
set daemon 30
set mailserver mail.example.com port 587 username "alerts" password "pw" using tls,
               backup.example.com
               with timeout 15 seconds using hostname "mon.example.com"
set mail-format {
  from: tsmonit@$HOST
  reply-to: ops@example.com
  subject: [$HOST] $SERVICE $EVENT
  message: $EVENT on $SERVICE at $DATE: $DESCRIPTION ($ACTION)
}
set alert ops@example.com not on { instance, action } with reminder on 10 cycles
set alert pager@example.com { nonexist timeout } with mail-format { subject: PAGE $SERVICE }
set alert https://hooks.example.com/tsmonit

check host api with address 127.0.0.1
  if failed port 80 then alert
  alert dev@example.com only on { connection }
  noalert ops@example.com
`;

const YAML = `
daemon: 30
mailserver:
  - { host: mail.example.com, port: 587, username: alerts, password: pw, tls: true, timeout: 15s, ehlo: mon.example.com }
  - { host: backup.example.com, port: 25, timeout: 15s, ehlo: mon.example.com }
mail_format:
  from: tsmonit@$HOST
  reply_to: ops@example.com
  subject: "[$HOST] $SERVICE $EVENT"
  message: "$EVENT on $SERVICE at $DATE: $DESCRIPTION ($ACTION)"
alerts:
  - { email: ops@example.com, but_not_on: [instance, action], reminder: 10 }
  - { email: pager@example.com, only_on: [nonexist, timeout], mail_format: { subject: "PAGE $SERVICE" } }
  - { webhook: "https://hooks.example.com/tsmonit" }
checks:
  - host: api
    address: 127.0.0.1
    rules:
      - if failed port 80 then alert
    alerts:
      - { email: dev@example.com, only_on: [connection] }
    noalert: [ops@example.com]
`;

async function load(dir: string, name: string, text: string): Promise<Config> {
  const file = join(dir, name);
  writeFileSync(file, text, { mode: 0o600 });
  const r = await loadConfigFile(file, testEnvironment());
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.config;
}

const alertParts = (c: Config) => ({
  mailservers: c.mailservers,
  alerts: c.alerts,
  mailFormat: c.mailFormat,
  services: c.services.map((s) => ({ name: s.name, alerts: s.alerts, noalert: s.noalert })),
});

test('set mailserver / set alert / set mail-format / alert / noalert give the model of their YAML twin', async (t) => {
  const dir = tempDir('tsmonit-twins-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const monit = await load(dir, 'monitrc', MONITRC);
  const yaml = await load(dir, 'monitrc.yml', YAML);
  assert.deepEqual(alertParts(monit), alertParts(yaml));
  assert.equal(monit.mailservers.length, 2, 'both servers, in order');
  assert.equal(monit.alerts[0]?.reminder, 10);
});
