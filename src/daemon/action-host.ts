// What the action executor needs from the Monitor that owns it.
import type { Config } from '../model/config.ts';
import type { DependencyNode } from '../model/dependency-graph.ts';
import type { EventDraft } from '../model/event.ts';
import type { DaemonDeps } from './deps.ts';
import type { ServiceRuntime } from './runtime.ts';

export interface ActionHost {
  readonly deps: DaemonDeps;
  config(): Config;
  runtime(name: string): ServiceRuntime | undefined;
  graph(): DependencyNode[];
  hostname(): string;
  emit(draft: EventDraft): void;
  /** Check this service soon, outside the cycle. */
  requestCheck(name: string): void;
  /** The state changed: save it soon. */
  markDirty(): void;
  /** Save now and wait (used before running a start program). */
  saveNow(): Promise<void>;
}

/** Who asked for an action and why. */
export interface Origin {
  byRule: boolean;
  user?: string;
  reason: string;
  rule?: string;
}
