// Reminders: a failure that lasts is announced again, every N checks of its service. N comes from the rule
// (`alert reminder N cycles`, which the engine counts) or from the recipient (`reminder: N`, counted here).
import { eventKindOf, ruleInWords } from '../engine/index.ts';
import type { CheckOutput } from '../model/evaluation.ts';
import type { TsmEvent } from '../model/event.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { AlertEvent } from './alerts-event.ts';

export interface StillFailing {
  rule: Rule;
  /** Checks since the failure was announced (1 on the first check after it). */
  checks: number;
  /** The rule's own `reminder` fired in this check. */
  ruleReminder: boolean;
  /** What the reminder says: the first event with the current message and figures. */
  event: AlertEvent;
}

const key = (service: string, part: string): string => `${service}\0${part}`;

export class ReminderCounter {
  private readonly checks = new Map<string, number>();
  /** The event that opened each failure (by service and rule in words), so a reminder repeats it. */
  private readonly opened = new Map<string, TsmEvent>();

  noteEvent(e: TsmEvent): void {
    if (e.rule === undefined) return;
    if (e.state === 'failed') this.opened.set(key(e.service, e.rule), e);
    else this.opened.delete(key(e.service, e.rule));
  }

  /** Called once per check of a service, after its events were emitted. */
  afterCheck(spec: ServiceSpec, out: CheckOutput, now: number): StillFailing[] {
    const result: StillFailing[] = [];
    for (const rule of spec.rules) {
      const k = key(spec.name, rule.id);
      // Most checks of most services fail nothing: no words, no sets made for them (the overhead benchmark).
      if (out.state.rules[rule.id]?.state !== 'failed') {
        if (this.checks.size > 0) this.checks.delete(k);
        continue;
      }
      const words = ruleInWords(rule);
      if (out.events.some((e) => e.state === 'failed' && e.rule === words)) {
        this.checks.delete(k);
        continue;
      }
      const checks = (this.checks.get(k) ?? 0) + 1;
      this.checks.set(k, checks);
      const planned = out.actions.find((a) => a.type === 'alert' && a.ruleId === rule.id);
      const first = this.opened.get(key(spec.name, words));
      const message = out.state.rules[rule.id]?.message ?? first?.message ?? 'still failing';
      const figures = planned?.figures ?? first?.figures;
      const event: AlertEvent = {
        ...(first ?? { id: null, service: spec.name, kind: eventKindOf(rule.test), state: 'failed', rule: words, action: rule.action.type }),
        time: new Date(now).toISOString(),
        message,
        reminder: checks,
      };
      if (figures) event.figures = figures;
      result.push({ rule, checks, ruleReminder: planned !== undefined, event });
    }
    return result;
  }

  /** Forget services that are gone (after a reload). */
  retain(alive: (service: string) => boolean): void {
    for (const map of [this.checks, this.opened]) {
      for (const k of map.keys()) if (!alive(k.slice(0, k.indexOf('\0')))) map.delete(k);
    }
  }
}
