/**
 * Builds a part's bytes from text and from byte ranges of the original part, in pieces of about 1 MB: a large
 * sheet part is never one string (V8 caps strings near 512 MB) nor one array that keeps growing by copies.
 */
const BLOCK = 1 << 20;
const TEXT_FLUSH = 1 << 16;

export class ByteBuilder {
  private readonly done: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK);
  private used = 0;
  private text: string[] = [];
  private textLength = 0;
  private readonly encoder = new TextEncoder();

  /** Appends text (UTF-8 encoded). */
  str(s: string): void {
    this.text.push(s);
    this.textLength += s.length;
    if (this.textLength >= TEXT_FLUSH) this.flushText();
  }

  /** Appends bytes (copied). */
  bytes(b: Uint8Array): void {
    if (this.textLength > 0) this.flushText();
    let at = 0;
    while (at < b.length) {
      if (this.used === this.block.length) this.nextBlock(BLOCK);
      const n = Math.min(b.length - at, this.block.length - this.used);
      this.block.set(b.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  private flushText(): void {
    const s = this.text.length === 1 ? this.text[0] : this.text.join("");
    this.text = [];
    this.textLength = 0;
    // A UTF-16 unit is at most 3 UTF-8 bytes.
    if (this.block.length - this.used < s.length * 3) this.nextBlock(Math.max(BLOCK, s.length * 3));
    const r = this.encoder.encodeInto(s, this.block.subarray(this.used));
    this.used += r.written;
  }

  private nextBlock(size: number): void {
    if (this.used > 0) this.done.push(this.block.subarray(0, this.used));
    this.block = new Uint8Array(size);
    this.used = 0;
  }

  /** The pieces built so far; the builder is not to be used afterwards. */
  finish(): Uint8Array[] {
    if (this.textLength > 0) this.flushText();
    if (this.used > 0) this.done.push(this.block.subarray(0, this.used));
    this.block = new Uint8Array(0);
    this.used = 0;
    return this.done;
  }
}
