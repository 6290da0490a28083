export { profileGroups, orderBySize } from "./profiles";
export type { ProfileData } from "./profiles";
export { persona } from "./persona";
export { formatWhole, formatOne, formatShare } from "./format";
