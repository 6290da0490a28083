/**
 * Profiles of groups of customers (segments or clusters): size, share, mean R/F/M and 客单价 over the
 * members whose figure is known, and the most frequent city tier, age band and channel among the
 * members whose value is known (ties: the first label in sort order). Unknown values (未知) never
 * count as the top value. The persona (persona.ts) is written from these figures only.
 */
import type { Lang, SegmentProfile, TopValue } from "../types";
import { persona } from "./persona";

export interface ProfileData {
  recencyDays: ReadonlyArray<number | null>;
  frequency: ReadonlyArray<number | null>;
  monetary: ReadonlyArray<number | null>;
  avgOrderValue: ReadonlyArray<number | null>;
  /** Labels per customer, present when the table has the source column. */
  cityTier?: readonly string[];
  ageBand?: readonly string[];
  channel?: readonly string[];
  /** The label of an unknown value, which is never the top value. */
  unknown: string;
}

function mean(values: ReadonlyArray<number | null>, members: readonly number[]): number | null {
  let sum = 0;
  let count = 0;
  for (const i of members) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

function top(labels: readonly string[] | undefined, members: readonly number[], unknown: string): TopValue | undefined {
  if (!labels) return undefined;
  const counts = new Map<string, number>();
  let known = 0;
  for (const i of members) {
    const l = labels[i];
    if (l === unknown || l === "") continue;
    counts.set(l, (counts.get(l) ?? 0) + 1);
    known++;
  }
  let best: string | undefined;
  for (const [l, c] of counts) {
    const b = best === undefined ? -1 : (counts.get(best) as number);
    if (c > b || (c === b && l < (best as string))) best = l;
  }
  return best === undefined ? undefined : { label: best, share: (counts.get(best) as number) / known };
}

/**
 * One profile per group, in the given order. `groupOf[i]` is customer i's group ("" = none); a group
 * in `order` with no member gets size 0.
 */
export function profileGroups(
  groupOf: readonly string[],
  order: readonly string[],
  data: ProfileData,
  lang: Lang
): SegmentProfile[] {
  const members = new Map<string, number[]>(order.map((g) => [g, []]));
  groupOf.forEach((g, i) => members.get(g)?.push(i));
  const total = groupOf.length;
  return order.map((label) => {
    const m = members.get(label) as number[];
    const profile: Omit<SegmentProfile, "persona"> = {
      label,
      size: m.length,
      share: total === 0 ? 0 : m.length / total,
      mean: {
        recencyDays: mean(data.recencyDays, m),
        frequency: mean(data.frequency, m),
        monetary: mean(data.monetary, m),
        avgOrderValue: mean(data.avgOrderValue, m),
      },
      top: {},
    };
    const tier = top(data.cityTier, m, data.unknown);
    const age = top(data.ageBand, m, data.unknown);
    const channel = top(data.channel, m, data.unknown);
    if (tier) profile.top.cityTier = tier;
    if (age) profile.top.ageBand = age;
    if (channel) profile.top.channel = channel;
    return { ...profile, persona: persona(profile, lang) };
  });
}

/** Groups by size, largest first (ties: label order), with `last` (the merged group) at the end. */
export function orderBySize(groupOf: readonly string[], last?: string): string[] {
  const counts = new Map<string, number>();
  for (const g of groupOf) if (g !== "") counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => {
    if (a === last) return 1;
    if (b === last) return -1;
    return (counts.get(b) as number) - (counts.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0);
  });
}
