/** The scoring chosen in settings (rfm.scoring) → R, F and M scores for every customer. */
import type { RfmScoring } from "../config";
import type { RfmFigures } from "./figures";
import { rPackageRfmScores } from "./r-package";
import { rfmScores, type RfmScores } from "./scores";
import { seedBinScores } from "./seed-bins";

/** Highest score each scoring gives (the lowest is always 1). */
export const MAX_SCORE: Record<RfmScoring, number> = { quintiles: 5, seedBins: 4, rPackage: 5 };

export function scoreRfm(customers: readonly RfmFigures[], scoring: RfmScoring): RfmScores {
  switch (scoring) {
    case "seedBins":
      return seedBinScores(customers);
    case "rPackage":
      return rPackageRfmScores(customers);
    case "quintiles":
      return rfmScores(customers);
  }
}
