/**
 * The over-segmentation guard. 5–8 groups is the target:
 * 1. every group with a share of customers below minShare (default 2 %) is merged into one group
 *    named 其他 / Other (or settings.segments.otherLabel, e.g. 待激活客户);
 * 2. while there are still more than 8 groups (the merged group counting as one), the smallest group
 *    is merged too (ties: the later label in sort order first);
 * 3. fewer than 5 groups are left as they are (belowTarget): nothing is split or invented.
 * The report names every merged group with its size. A group that already bears the merged group's
 * name absorbs the merged customers.
 */
export const MAX_GROUPS = 8;
export const MIN_GROUPS = 5;

export interface GuardResult {
  /** Per customer: the final group. */
  labels: string[];
  merged: Array<{ label: string; count: number }>;
  groups: number;
  belowTarget: boolean;
}

export function guardGroups(labels: readonly string[], minShare: number, otherLabel: string): GuardResult {
  const n = labels.length;
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const mergedSet = new Set<string>();
  for (const [label, count] of counts) if (label !== otherLabel && count < minShare * n) mergedSet.add(label);
  const kept = () => [...counts.keys()].filter((l) => !mergedSet.has(l));
  const groupCount = () => {
    const k = kept();
    return k.length + (mergedSet.size > 0 && !k.includes(otherLabel) ? 1 : 0);
  };
  while (groupCount() > MAX_GROUPS) {
    const smallest = kept()
      .filter((l) => l !== otherLabel)
      .sort((a, b) => (counts.get(a) as number) - (counts.get(b) as number) || (a < b ? 1 : a > b ? -1 : 0))[0];
    if (smallest === undefined) break;
    mergedSet.add(smallest);
  }
  const out = labels.map((l) => (mergedSet.has(l) ? otherLabel : l));
  const merged = [...mergedSet]
    .map((label) => ({ label, count: counts.get(label) as number }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const groups = new Set(out).size;
  return { labels: out, merged, groups, belowTarget: groups < MIN_GROUPS };
}
