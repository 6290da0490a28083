/**
 * Where the cleaning rules put what they find: counts per kind, the first findings of each kind
 * as a sample, and every proposed fix. Keeping only a sample keeps a 1,000,000-row report small;
 * fixes are kept whole because applyFixes needs them.
 */
import type { CellFix, Finding, FindingKind, Fix, FixKind } from "./types";

export class Collector {
  readonly counts: Partial<Record<FindingKind, number>> = {};
  readonly samples: Partial<Record<FindingKind, Finding[]>> = {};
  readonly fixes: Partial<Record<FixKind, Fix[]>> = {};

  constructor(private readonly sampleSize: number) {}

  find(f: Finding): void {
    this.counts[f.kind] = (this.counts[f.kind] ?? 0) + 1;
    const sample = (this.samples[f.kind] ??= []);
    if (sample.length < this.sampleSize) sample.push(f);
  }

  /** Counts a finding whose sample is full (see `wants`): nothing is built. */
  tally(kind: FindingKind): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** True while a kind's sample has room (callers may skip building a finding otherwise). */
  wants(kind: FindingKind): boolean {
    return (this.samples[kind]?.length ?? 0) < this.sampleSize;
  }

  /** A cell fix that is its own finding (normalise, fill, mask): counted and sampled as one. */
  fixCell(fix: CellFix): void {
    (this.fixes[fix.kind] ??= []).push(fix);
    if (!this.wants(fix.kind)) {
      this.counts[fix.kind] = (this.counts[fix.kind] ?? 0) + 1;
      return;
    }
    this.find({
      kind: fix.kind,
      row: fix.row,
      column: fix.column,
      value: fix.before,
      detail: `${fix.rule}: ${String(fix.after)}`,
    });
  }

  /** Fixes whose findings were reported apart (duplicate groups). */
  addFixes(kind: FixKind, fixes: Fix[]): void {
    if (fixes.length === 0) return;
    const list = (this.fixes[kind] ??= []);
    for (const f of fixes) list.push(f);
  }

  count(kind: FindingKind): number {
    return this.counts[kind] ?? 0;
  }
}
