// stdout and stderr interleaved, in arrival order, up to a limit: the first bytes are kept
// (they usually say why a program failed) and the rest is only counted.

export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly limitBytes: number) {}

  add(chunk: Buffer): void {
    const room = Math.max(0, this.limitBytes - this.kept);
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
    }
    this.dropped += chunk.length - Math.min(room, chunk.length);
  }

  get droppedBytes(): number {
    return this.dropped;
  }

  /** The kept bytes as text, with a note when some were dropped. */
  text(): string {
    const kept = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped > 0 ? `${kept}\n[... ${this.dropped} more bytes not kept]` : kept;
  }
}
