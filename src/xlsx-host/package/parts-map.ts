/**
 * The package being saved, as a `Parts` map (entry name → uncompressed bytes) over the original archive:
 * an original part is inflated only when someone reads it, and the writer knows which parts were replaced
 * (set), added or deleted, so that every other part is copied as its original compressed bytes.
 *
 * A part is replaced with `set` (never by changing the bytes `get` returned). The writer may also give a large
 * part as a list of pieces (`setPieces`), joined only if someone reads it.
 */
import type { Parts } from "./parts";
import { Compressor, Inflater, SourceEntry, inflateEntry } from "./zip-io";

interface Pieces {
  pieces: Uint8Array[];
  size: number;
}

/** A part already deflated (sealed): what goes into the archive. */
export interface Sealed {
  data: Uint8Array[];
  crc: number;
  size: number;
}

export class PackageParts extends Map<string, Uint8Array> implements Parts {
  private readonly pieced = new Map<string, Pieces>();
  private readonly sealed = new Map<string, Sealed>();
  private readonly removed = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly added: string[] = [];

  constructor(
    private readonly src: Uint8Array,
    private readonly source: ReadonlyMap<string, SourceEntry>,
    private readonly inflater?: Inflater
  ) {
    super();
  }

  private isOriginal(name: string): boolean {
    return this.source.has(name) && !this.removed.has(name);
  }

  override has(name: string): boolean {
    return super.has(name) || this.pieced.has(name) || this.sealed.has(name) || this.isOriginal(name);
  }

  override get(name: string): Uint8Array | undefined {
    const own = super.get(name);
    if (own !== undefined) return own;
    const done = this.sealed.get(name);
    if (done) {
      const bytes = this.inflate(done);
      this.sealed.delete(name);
      super.set(name, bytes);
      return bytes;
    }
    const p = this.pieced.get(name);
    if (p) {
      const joined = new Uint8Array(p.size);
      let at = 0;
      for (const x of p.pieces) {
        joined.set(x, at);
        at += x.length;
      }
      this.pieced.delete(name);
      super.set(name, joined);
      return joined;
    }
    if (!this.isOriginal(name)) return undefined;
    const bytes = inflateEntry(this.src, this.source.get(name) as SourceEntry, this.inflater);
    super.set(name, bytes); // cached; still unchanged
    return bytes;
  }

  private inflate(done: Sealed): Uint8Array {
    const raw = new Uint8Array(done.data.reduce((n, d) => n + d.length, 0));
    let at = 0;
    for (const d of done.data) {
      raw.set(d, at);
      at += d.length;
    }
    return inflateEntry(
      raw,
      {
        name: "",
        method: 8,
        compressedSize: raw.length,
        localHeaderOffset: -1,
        crc32: done.crc,
        uncompressedSize: done.size,
      },
      this.inflater,
      true
    );
  }

  /**
   * Compresses a changed part now and keeps only the compressed bytes (a large sheet's text is not held
   * while the next one is written). The part can still be read (it is inflated again).
   */
  async seal(name: string, compress: Compressor): Promise<void> {
    if (!this.changed.has(name) || this.sealed.has(name)) return;
    const { pieces, size } = this.piecesOf(name);
    const { data, crc } = await compress(pieces, size);
    super.delete(name);
    this.pieced.delete(name);
    this.sealed.set(name, { data, crc, size });
  }

  /** The compressed content of a sealed part. */
  sealedOf(name: string): Sealed | undefined {
    return this.sealed.get(name);
  }

  private touch(name: string): void {
    if (!this.source.has(name) && !this.changed.has(name)) this.added.push(name);
    this.removed.delete(name);
    this.changed.add(name);
  }

  override set(name: string, bytes: Uint8Array): this {
    // Map's constructor calls set for its initial entries: none are given here, before the fields exist.
    if (this.pieced === undefined) return super.set(name, bytes);
    this.touch(name);
    this.pieced.delete(name);
    this.sealed.delete(name);
    return super.set(name, bytes);
  }

  /** Replaces or adds a part given as pieces (read back joined). */
  setPieces(name: string, pieces: Uint8Array[]): void {
    this.touch(name);
    super.delete(name);
    this.sealed.delete(name);
    let size = 0;
    for (const p of pieces) size += p.length;
    this.pieced.set(name, { pieces, size });
  }

  override delete(name: string): boolean {
    const existed = this.has(name);
    super.delete(name);
    this.pieced.delete(name);
    this.sealed.delete(name);
    this.changed.delete(name);
    const i = this.added.indexOf(name);
    if (i >= 0) this.added.splice(i, 1);
    if (this.source.has(name)) this.removed.add(name);
    return existed;
  }

  override clear(): void {
    for (const name of [...this.keys()]) this.delete(name);
  }

  /** Part names: the original ones still present in their archive order, then the added ones. */
  override keys(): MapIterator<string> {
    const originals = [...this.source.values()]
      .filter((e) => !this.removed.has(e.name))
      .sort((a, b) => a.order - b.order)
      .map((e) => e.name);
    return [...originals, ...this.added][Symbol.iterator]() as MapIterator<string>;
  }

  override get size(): number {
    let n = this.added.length;
    for (const name of this.source.keys()) if (!this.removed.has(name)) n++;
    return n;
  }

  override *entries(): MapIterator<[string, Uint8Array]> {
    for (const name of this.keys()) yield [name, this.get(name) as Uint8Array];
  }

  override [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }

  override *values(): MapIterator<Uint8Array> {
    for (const name of this.keys()) yield this.get(name) as Uint8Array;
  }

  override forEach(
    fn: (value: Uint8Array, key: string, map: Map<string, Uint8Array>) => void,
    thisArg?: unknown
  ): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  /** True when the part was replaced or added (false: its original compressed bytes are copied). */
  isChanged(name: string): boolean {
    return this.changed.has(name);
  }

  /** The part's current content as pieces (for a changed or added part). */
  piecesOf(name: string): Pieces {
    const p = this.pieced.get(name);
    if (p) return p;
    const b = this.get(name);
    if (b === undefined) throw new Error(`no part ${name}`);
    return { pieces: [b], size: b.length };
  }

  /** The original entry of an unchanged part. */
  sourceOf(name: string): SourceEntry | undefined {
    return this.isChanged(name) ? undefined : this.source.get(name);
  }
}
