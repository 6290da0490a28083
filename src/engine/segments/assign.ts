/**
 * What 客户细分 is made of (settings.segments.by): the RFM classes, the crossed dimensions, or the
 * k-means clusters; by default the dimensions when some are chosen, else the RFM classes. Then the
 * guard (guard.ts) merges the small groups.
 */
import type { DimensionKey, Settings } from "../config";
import { fail, ok, type Result } from "../errors";
import type { CustomerTagValues } from "../tags/customer-tags";
import { TAG_LABELS } from "../tags/labels";
import type { CustomerValueKey, GuardReport, Lang } from "../types";
import { crossLabels } from "./cross";
import { guardGroups } from "./guard";

/** The fields a dimension needs, as MISSING_FIELD names them. */
const NEEDS: Partial<Record<DimensionKey, { key: CustomerValueKey | "channel"; fields: string }>> = {
  cityTier: { key: "cityTier", fields: "city" },
  region: { key: "region", fields: "city" },
  ageBand: { key: "ageBand", fields: "age" },
  needTag: { key: "needTag", fields: "priceSensitivity|interests|categories|notes" },
  channel: { key: "channel", fields: "channel" },
};

export interface SegmentInput {
  rfmLabels: readonly string[];
  tags: CustomerTagValues;
  /** Per customer cluster name ("" = not clustered); null when there are no clusters. */
  clusters: readonly string[] | null;
}

function dimensionValues(key: DimensionKey, input: SegmentInput, lang: Lang): readonly string[] {
  const unknown = TAG_LABELS[lang].unknown;
  switch (key) {
    case "rfm":
      return input.rfmLabels;
    case "channel":
      return input.tags.channel;
    case "needTag":
      return input.tags.needTag.map((v) => (v === "" ? unknown : v));
    default:
      return input.tags[key];
  }
}

export function assignSegments(
  input: SegmentInput,
  settings: Settings,
  lang: Lang
): Result<{ labels: string[]; guard: GuardReport }> {
  const dims = settings.dimensions;
  let by = settings.segments.by ?? (dims.length > 0 ? "dimensions" : "rfm");
  let fellBackToRfm = false;
  if (by === "cluster" && input.clusters === null) {
    by = "rfm";
    fellBackToRfm = true;
  }
  let raw: readonly string[];
  if (by === "dimensions") {
    for (const d of dims) {
      const need = NEEDS[d];
      if (!need) continue;
      const available = need.key === "channel" ? input.tags.hasChannel : input.tags.computed.includes(need.key);
      if (!available) return fail("MISSING_FIELD", { fields: need.fields, dimension: d });
    }
    raw = crossLabels(
      dims.map((d) => dimensionValues(d, input, lang)),
      lang
    );
  } else if (by === "cluster") {
    const unknown = TAG_LABELS[lang].unknown;
    raw = (input.clusters as readonly string[]).map((c) => (c === "" ? unknown : c));
  } else raw = input.rfmLabels;

  const otherLabel = settings.segments.otherLabel?.trim() || TAG_LABELS[lang].other;
  const guarded = guardGroups(raw, settings.segments.minShare, otherLabel);
  const guard: GuardReport = {
    by,
    minShare: settings.segments.minShare,
    groups: guarded.groups,
    merged: guarded.merged,
    otherLabel,
    belowTarget: guarded.belowTarget,
  };
  if (fellBackToRfm) guard.fellBackToRfm = true;
  return ok({ labels: guarded.labels, guard });
}
