import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { destinationOf, recipientsFor, wantsKind } from '../../src/daemon/alerts-recipients.ts';
import type { Config } from '../../src/model/config.ts';
import type { AlertRecipient, ServiceSpec } from '../../src/model/service.ts';

function config(global: AlertRecipient[], local: AlertRecipient[] = [], noalert: string[] = []): Config {
  const web = { name: 'web', type: 'host', address: 'x', alerts: local, noalert } as unknown as ServiceSpec;
  return { alerts: global, services: [web] } as unknown as Config;
}

const ops = { email: 'ops@example.com' };
const hook = { webhook: 'https://hooks.example.com/a' };

describe('recipients', () => {
  const cases: Array<{ name: string; cfg: Config; service: string; want: AlertRecipient[] }> = [
    { name: 'global ones apply to every service', cfg: config([ops, hook]), service: 'web', want: [ops, hook] },
    { name: 'and to the instance events of the host', cfg: config([ops]), service: 'box', want: [ops] },
    { name: "a service's own add to them", cfg: config([ops], [{ email: 'dev@example.com' }]), service: 'web', want: [ops, { email: 'dev@example.com' }] },
    {
      name: 'a local entry for the same address replaces the global one',
      cfg: config([{ email: 'ops@example.com', reminder: 5 }], [{ email: 'OPS@example.com', onlyOn: ['nonexist'] }]),
      service: 'web',
      want: [{ email: 'OPS@example.com', onlyOn: ['nonexist'] }],
    },
    { name: 'noalert removes a global recipient', cfg: config([ops, hook], [], ['Ops@Example.com']), service: 'web', want: [hook] },
    { name: 'noalert takes a webhook URL too', cfg: config([ops, hook], [], [hook.webhook]), service: 'web', want: [ops] },
    { name: 'each destination once', cfg: config([ops, { email: 'ops@example.com', reminder: 2 }]), service: 'web', want: [ops] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(recipientsFor(c.cfg, c.service), c.want));

  test('event filters', () => {
    assert.equal(wantsKind(ops, 'instance'), true);
    assert.equal(wantsKind({ ...ops, onlyOn: ['nonexist'] }, 'nonexist'), true);
    assert.equal(wantsKind({ ...ops, onlyOn: ['nonexist'] }, 'connection'), false);
    assert.equal(wantsKind({ ...ops, butNotOn: ['instance', 'action'] }, 'action'), false);
    assert.equal(wantsKind({ ...ops, butNotOn: ['instance', 'action'] }, 'resource'), true);
  });

  test('destinations', () => {
    assert.equal(destinationOf({ email: 'Ops@Example.com' }), 'mail:ops@example.com');
    assert.equal(destinationOf(hook), 'webhook:https://hooks.example.com/a');
  });
});
