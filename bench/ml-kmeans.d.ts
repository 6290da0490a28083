/**
 * ml-kmeans 7 ships only an "exports" map, which this project's TypeScript setting (moduleResolution
 * "node") does not read; this declares the part bench/kmeans.ts uses (from its lib/kmeans.d.ts).
 */
declare module "ml-kmeans" {
  export interface KMeansResult {
    clusters: number[];
    centroids: number[][];
    converged: boolean;
    iterations: number;
  }
  export interface KMeansOptions {
    maxIterations?: number;
    tolerance?: number;
    initialization?: "kmeans++" | "random" | "mostDistant" | number[][];
    seed?: number;
  }
  export function kmeans(data: number[][], K: number, options?: KMeansOptions): KMeansResult;
}
