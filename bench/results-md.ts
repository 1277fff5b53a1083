import { writeFileSync } from 'node:fs';
import path from 'node:path';

export type ResultRow = { metric: string; value: number | null; unit: string; target: string; met: boolean | null; note?: string };
export type Machine = { cpus: number; cpuModel: string; node: string; chromium: string; date: string };

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * bench/RESULTS.md, the dated figures of the last `npm run bench -- --write` (the README keeps how
 * each figure is measured and links here). Rewritten whole: one run, every row it measured.
 */
export function writeResultsMarkdown(rows: readonly ResultRow[], machine: Machine, runs: number, parts: readonly string[]): string {
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench -- --write\` on ${machine.date} (parts: ${parts.join(', ')}; ${runs} runs per median).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.chromium}.`,
    'How each figure is measured: [README, Benchmarks](../README.md#benchmarks). Every sample: `bench/results.json`.',
    '',
    '| metric | value | target | |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const value = r.value === null ? `n/a (${r.note ?? 'failed'})` : `${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`;
      return `| ${cell(r.metric)} | ${cell(value)} | ${cell(r.target)} | ${r.met === null ? '' : r.met ? 'met' : 'missed'} |`;
    }),
    '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}
