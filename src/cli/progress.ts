// A live line on a terminal's stderr while `--wait` waits: spinner, elapsed time, what the daemon shows for
// the services (polled from the API). Erased when the result arrives; never drawn when stderr is piped.
import type { ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';
import type { DaemonClient } from './daemon-client.ts';
import type { Output } from './terminal.ts';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const DRAW_MS = 100;
const POLL_MS = 1000;

/** The text after the spinner (pure, for tests). */
export function progressText(what: string, services: readonly ServiceStatus[], elapsedS: number): string {
  const pending = services.filter((s) => s.pendingAction !== null);
  const detail = services.length === 0 ? 'waiting for the daemon'
    : services.length === 1 ? services[0]!.status : `${pending.length} of ${services.length} still pending`;
  return `${what}: ${detail} (${elapsedS} s)`;
}

export class Progress {
  private frame = 0;
  private services: ServiceStatus[] = [];
  private readonly began = Date.now();
  private timers: Array<ReturnType<typeof setInterval>> = [];

  constructor(
    private readonly out: Output,
    private readonly client: DaemonClient,
    private readonly what: string,
    private readonly shown: (s: ServiceStatus) => boolean,
  ) {}

  start(): void {
    if (!this.out.progress) return;
    this.timers.push(setInterval(() => this.draw(), DRAW_MS), setInterval(() => void this.poll(), POLL_MS));
    this.draw();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    if (this.timers.length > 0) this.out.errRaw('\r\u001b[K');
    this.timers = [];
  }

  private draw(): void {
    const elapsed = Math.floor((Date.now() - this.began) / 1000);
    this.frame = (this.frame + 1) % FRAMES.length;
    this.out.errRaw(`\r\u001b[K${FRAMES[this.frame]} ${progressText(this.what, this.services, elapsed)}`);
  }

  private async poll(): Promise<void> {
    try {
      const snapshot = await this.client.json<StatusSnapshot>('GET', '/api/v1/services', undefined, POLL_MS * 5);
      this.services = snapshot.services.filter(this.shown);
    } catch {
      // A missed poll only leaves the line as it was.
    }
  }
}
