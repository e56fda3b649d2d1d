// Saving and restoring service state: coalesced saves, reboot detection, onreboot.
import { effectiveOnReboot, initialServiceState, restoreState } from '../engine/index.ts';
import type { Config } from '../model/config.ts';
import type { Logger, StateStore } from '../model/ports.ts';
import { stateKey, type PersistedState, type ServiceState } from '../model/state.ts';
import type { ServiceSpec } from '../model/service.ts';

export interface RestoredStates {
  states: Map<string, ServiceState>;
  rebooted: boolean;
  /** No usable state file: a first start. */
  fresh: boolean;
}

/** Boots that differ by more than this are different boots (btime jitters by a second). */
const BOOT_TIME_SLACK_MS = 5000;

export async function restoreStates(
  store: StateStore,
  config: Config,
  bootTime: number,
  logger: Logger,
): Promise<RestoredStates> {
  const { state: saved, problem } = await store.load();
  if (problem) logger.warn(`state file ${config.statefile}: ${problem}; starting with fresh state`, { statefile: config.statefile });
  const rebooted = saved !== null && Math.abs(saved.bootTime - bootTime) > BOOT_TIME_SLACK_MS;
  const states = new Map<string, ServiceState>();
  for (const spec of config.services) {
    const previous = saved?.services[stateKey(spec.type, spec.name)];
    states.set(spec.name, restoreOne(spec, previous, rebooted, config));
  }
  return { states, rebooted, fresh: saved === null };
}

export function restoreOne(spec: ServiceSpec, previous: ServiceState | undefined, rebooted: boolean, config: Config): ServiceState {
  if (!previous) return initialServiceState(spec);
  const restored = restoreState(spec, previous, { rebooted, onreboot: effectiveOnReboot(spec, config.onreboot) });
  // A start program in flight survives a tsmonit crash, never a reboot.
  return { ...restored, starting: rebooted ? null : (previous.starting ?? null) };
}

/** Serialises saves: at most one in flight, and one more queued when state changed meanwhile. */
export class StateSaver {
  private inFlight: Promise<void> | null = null;
  private again = false;
  private lastProblem: string | null = null;

  constructor(
    private readonly store: () => StateStore,
    private readonly snapshot: () => PersistedState,
    private readonly logger: Logger,
  ) {}

  save(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.loop().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.store().save(this.snapshot());
        if (this.lastProblem) this.logger.info('state file is writable again');
        this.lastProblem = null;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // Log once per distinct problem, not every cycle; monitoring goes on in memory.
        if (message !== this.lastProblem) this.logger.error(`cannot save the state file: ${message}`);
        this.lastProblem = message;
      }
    } while (this.again);
  }
}
