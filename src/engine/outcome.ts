// What one rule's test saw in one check, before the rule's rate and state are applied.

export type Figures = Record<string, number | string | null>;

export type Outcome =
  /** Nothing to judge this check (process missing, CPU still collecting, not measured): state untouched. */
  | { kind: 'skip'; message?: string }
  /**
   * `failed` is the test's own verdict (the connection failed, the limit matched); polarity is applied later.
   * `reference`: a value to keep for later checks when the rule has none yet (a checksum without `expect`).
   */
  | { kind: 'result'; failed: boolean; message: string; figures?: Figures; reference?: string | number }
  /** A `changed` test: the value now, and how to word a change from the reference. */
  | { kind: 'value'; value: string | number; message: string; changeMessage: (from: string | number) => string };

export function skip(message?: string): Outcome {
  return message === undefined ? { kind: 'skip' } : { kind: 'skip', message };
}
