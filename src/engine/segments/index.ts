export { assignSegments } from "./assign";
export type { SegmentInput } from "./assign";
export { crossLabels, CROSS_SEPARATOR } from "./cross";
export { guardGroups, MAX_GROUPS, MIN_GROUPS } from "./guard";
export type { GuardResult } from "./guard";
