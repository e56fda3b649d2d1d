// The results as a console table and as Markdown for BENCHMARKS.md.
import type { Row } from './scenario.ts';
import { ratio, type Summary } from './stats.ts';

function fmt(n: number): string {
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function cell(s: Summary | null): string {
  if (!s) return 'n/a';
  return s.n === 1 ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

function ratioText(row: Row): string {
  const r = ratio(row.tsmonit, row.monit);
  return r === null ? '–' : `${r.toFixed(2)}×`;
}

function verdict(row: Row): string {
  if (row.goal === undefined) return '';
  if (row.met === true) return `met (${row.goal})`;
  if (row.met === false) return `MISSED (${row.goal})`;
  return `? (${row.goal})`;
}

export function markdownTable(rows: readonly Row[]): string {
  const out = [
    '| scenario | metric | tsmonit median (min–max) | monit median (min–max) | tsmonit/monit | goal |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const note = r.note ? ` ${r.note}` : '';
    out.push(`| ${r.scenario} | ${r.metric} (${r.unit}) | ${cell(r.tsmonit)} | ${cell(r.monit)} | ${ratioText(r)} | ${verdict(r)}${note} |`);
  }
  return out.join('\n');
}

export function consoleLines(rows: readonly Row[]): string[] {
  return rows.map((r) => {
    const parts = [`${r.scenario} · ${r.metric} [${r.unit}]`, `tsmonit ${cell(r.tsmonit)}`, `monit ${cell(r.monit)}`, `ratio ${ratioText(r)}`];
    const v = verdict(r);
    if (v) parts.push(v);
    if (r.note) parts.push(r.note);
    return parts.join('  |  ');
  });
}
