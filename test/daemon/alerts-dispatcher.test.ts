// The AlertDispatcher between the event log and the outbox: who gets what, reminders, and what is never sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfigText } from '../../src/config/load.ts';
import { AlertDispatcher, outboxDirFor } from '../../src/daemon/alerts.ts';
import type { WebhookPayload } from '../../src/daemon/alerts-webhook.ts';
import { ruleInWords } from '../../src/engine/index.ts';
import type { Config } from '../../src/model/config.ts';
import type { CheckOutput } from '../../src/model/evaluation.ts';
import type { EventDraft, TsmEvent } from '../../src/model/event.ts';
import type { AlertOutbox, AlertRoutes, OutgoingAlert } from '../../src/model/ports.ts';
import type { ServiceSpec } from '../../src/model/service.ts';
import type { RuleState } from '../../src/model/state.ts';
import { CapturingLogger, testEnvironment } from '../helpers/harness.ts';

class CollectingOutbox implements AlertOutbox {
  readonly queued: OutgoingAlert[] = [];
  routes: (() => AlertRoutes) | null = null;
  start(routes: () => AlertRoutes): Promise<void> {
    this.routes = routes;
    return Promise.resolve();
  }
  enqueue(alert: OutgoingAlert): void {
    this.queued.push(alert);
  }
  pending(): number {
    return this.queued.length;
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
}

function config(yaml: string): Config {
  const r = parseConfigText(yaml, '/tmp/alerts-test.yml', testEnvironment());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const BASE = `
mailserver: { host: 127.0.0.1, port: 2525 }
alerts:
  - email: ops@example.com
    reminder: 3
  - email: dbas@example.com
    only_on: [nonexist]
  - webhook: https://hooks.example.com/x
    secret: k
checks:
  - host: api
    address: 127.0.0.1
    rules:
      - if failed port 80 then alert
      - if failed port 81 then alert reminder 2 cycles
`;

function setup(yaml = BASE, withOutbox = true) {
  const cfg = config(yaml);
  const outbox = new CollectingOutbox();
  const logger = new CapturingLogger();
  let now = Date.parse('2024-03-05T10:00:00Z');
  let nextId = 1;
  const d = new AlertDispatcher({
    config: () => cfg, hostname: () => 'box', now: () => now, logger,
    statusOf: () => null, programOutput: (name) => (name === 'api' ? 'line 1\nerror: disk full\n' : null),
  }, withOutbox ? outbox : undefined);
  const spec = cfg.services[0] as ServiceSpec;
  const emit = (draft: EventDraft): TsmEvent => {
    const event = { ...draft, id: nextId++, time: new Date(now).toISOString() };
    d.onEvent(event);
    return event;
  };
  /** One check: rule states after it, the events and planned actions it produced. */
  const check = (failing: Record<number, boolean>, events: EventDraft[] = [], alertRules: number[] = []): void => {
    now += 1000;
    const rules: Record<string, RuleState> = {};
    for (const [i, failed] of Object.entries(failing)) {
      rules[spec.rules[Number(i)]!.id] = { state: failed ? 'failed' : 'succeeded', history: '', sinceFired: 0, message: `port ${80 + Number(i)} refused` };
    }
    for (const e of events) emit(e);
    const out = {
      state: { rules } as CheckOutput['state'],
      events,
      actions: alertRules.map((i) => ({ type: 'alert' as const, ruleId: spec.rules[i]!.id, reason: 'r', rule: ruleInWords(spec.rules[i]!) })),
    };
    d.afterCheck(spec, out);
  };
  const failure = (i: number, state: 'failed' | 'succeeded' = 'failed'): EventDraft => ({
    service: 'api', kind: 'connection', state, message: `port ${80 + i} ${state}`, rule: ruleInWords(spec.rules[i]!), action: 'alert',
  });
  return { cfg, d, outbox, logger, check, emit, failure, spec };
}

const to = (a: OutgoingAlert): string => a.destination;

describe('alert dispatcher', () => {
  test('a failure goes to every recipient whose filter takes it', () => {
    const { outbox, check, failure } = setup();
    check({ 0: true }, [failure(0)]);
    assert.deepEqual(outbox.queued.map(to), ['mail:ops@example.com', 'webhook:https://hooks.example.com/x']);
    const mail = outbox.queued[0]!.delivery;
    assert.equal(mail.channel === 'mail' && mail.message.subject, 'monit alert --  Connection failed api');
    assert.equal(outbox.queued[0]!.summary, "'api' Connection failed");
    assert.notEqual(outbox.queued[0]!.id, outbox.queued[1]!.id);
  });

  test("a recipient's reminder: every 3 checks while it fails, then the recovery, then quiet", () => {
    const { outbox, check, failure } = setup();
    check({ 0: true }, [failure(0)]);
    outbox.queued.length = 0;
    const reminders: number[] = [];
    for (let i = 1; i <= 7; i++) {
      check({ 0: true });
      for (const a of outbox.queued.splice(0)) {
        assert.equal(to(a), 'mail:ops@example.com', 'only ops asked for reminders');
        assert.equal(a.delivery.channel === 'mail' && a.delivery.message.headers['X-Tsmonit-Reminder'], String(i));
        reminders.push(i);
      }
    }
    assert.deepEqual(reminders, [3, 6]);
    check({ 0: false }, [failure(0, 'succeeded')]);
    assert.deepEqual(outbox.queued.splice(0).map(to), ['mail:ops@example.com', 'webhook:https://hooks.example.com/x']);
    for (let i = 0; i < 6; i++) check({ 0: false });
    assert.equal(outbox.queued.length, 0);
  });

  test("a rule's `alert reminder N`: to every recipient that takes the event, with the first event's id", () => {
    const { outbox, check, failure } = setup();
    check({ 1: true }, [failure(1)]);
    outbox.queued.length = 0;
    check({ 1: true });
    assert.equal(outbox.queued.length, 0);
    check({ 1: true }, [], [1]); // the engine fired the rule's reminder
    assert.deepEqual(outbox.queued.map(to), ['mail:ops@example.com', 'webhook:https://hooks.example.com/x']);
    const hook = outbox.queued[1]!.delivery;
    assert.ok(hook.channel === 'webhook');
    const body = JSON.parse(hook.body) as WebhookPayload;
    assert.equal(body.id, 1, 'the id of the event that opened the failure');
    assert.equal(body.reminder, 2);
    assert.equal(body.state, 'failed');
    assert.equal(body.message, 'port 81 refused');
    assert.match(body.text, /still failing after 2 checks/);
  });

  test('ignore on the success side, requested user actions and rule-driven action results send nothing', () => {
    const { outbox, emit, spec } = setup();
    emit({ service: 'api', kind: 'connection', state: 'succeeded', message: 'ok', rule: ruleInWords(spec.rules[0]!) });
    emit({ service: 'api', kind: 'action', state: 'info', message: 'restart requested', action: 'restart' });
    emit({ service: 'api', kind: 'action', state: 'info', message: 'started with pid 9', action: 'start', result: 'ok', rule: 'r' });
    assert.equal(outbox.queued.length, 0);
    emit({ service: 'api', kind: 'action', state: 'info', message: 'stop action done', action: 'stop', result: 'ok', user: 'admin' });
    assert.equal(outbox.queued.length, 2, 'a user action, done: monit\'s "Action done"');
  });

  test("a rule event carries the program's output as evidence", () => {
    const { outbox, check, failure } = setup();
    check({ 0: true }, [failure(0)]);
    const mail = outbox.queued[0]!.delivery;
    assert.ok(mail.channel === 'mail');
    assert.match(mail.message.text, /Program output \(last lines\):\n\tline 1\n\terror: disk full\n/);
    const hook = outbox.queued[1]!.delivery;
    assert.ok(hook.channel === 'webhook');
    assert.equal((JSON.parse(hook.body) as WebhookPayload).output, 'line 1\nerror: disk full\n');
  });

  test('instance events go to the global recipients', () => {
    const { outbox, emit } = setup();
    emit({ service: 'box', kind: 'instance', state: 'info', message: 'tsmonit started', action: 'start' });
    assert.deepEqual(outbox.queued.map(to), ['mail:ops@example.com', 'webhook:https://hooks.example.com/x']);
  });

  test('a repeated start failure is announced once', () => {
    const { outbox, emit } = setup();
    const failed: EventDraft = { service: 'api', kind: 'exec', state: 'failed', message: 'failed to start', action: 'start', output: 'boom' };
    emit(failed);
    emit(failed);
    assert.equal(outbox.queued.length, 2, 'ops and the webhook, once');
  });

  test('mail recipients without a mail server: one error, nothing queued; webhooks still go', () => {
    const { outbox, logger, check, failure } = setup(BASE.replace('mailserver: { host: 127.0.0.1, port: 2525 }\n', ''));
    check({ 0: true }, [failure(0)]);
    check({ 0: false }, [failure(0, 'succeeded')]);
    assert.deepEqual(outbox.queued.map(to), ['webhook:https://hooks.example.com/x', 'webhook:https://hooks.example.com/x']);
    assert.equal(logger.lines.filter((l) => /no mail servers are defined/.test(l)).length, 1);
  });

  test('without an outbox the alert is logged', () => {
    const { logger, check, failure } = setup(BASE, false);
    check({ 0: true }, [failure(0)]);
    assert.ok(logger.lines.some((l) => /alert 'api' Connection failed not sent/.test(l)));
  });

  test('routes give the current mail servers and the secret of a webhook URL', async () => {
    const { d, outbox, cfg } = setup();
    await d.start();
    const routes = outbox.routes!();
    assert.deepEqual(routes.mailservers, cfg.mailservers);
    assert.equal(routes.webhookSecret('https://hooks.example.com/x'), 'k');
    assert.equal(routes.webhookSecret('https://other.example.com/'), undefined);
  });

  test('the outbox lives next to the state file', () => {
    assert.equal(outboxDirFor('/var/lib/tsmonit/state.json'), '/var/lib/tsmonit/state.outbox');
    assert.equal(outboxDirFor('/home/u/.tsmonit.state.json'), '/home/u/.tsmonit.state.outbox');
    assert.equal(outboxDirFor('/x/monit.state'), '/x/monit.state.outbox');
  });
});
