/**
 * Text normalisation shared by header recognition and cell parsing:
 * full-width → half-width, Traditional → Simplified for the characters that occur in
 * headers, units and labels, and blank detection.
 */

/** Characters outside U+FF01–U+FF5E that also have a plain form. */
const LOOK_ALIKE: ReadonlyMap<string, string> = new Map([
  ["\u3000", " "], // ideographic space
  ["\u00a0", " "], // no-break space
  ["\uffe5", "¥"], // ￥ full-width yen/yuan sign
  ["\u2212", "-"], // − minus sign
  ["\u3010", "["], // 【
  ["\u3011", "]"], // 】
]);

/** Any character toHalfWidth changes. */
const WIDE = /[\uff01-\uff5e\u3000\u00a0\uffe5\u2212\u3010\u3011]/;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space, and a few look-alikes. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s; // most cells: nothing to convert, no new string
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += LOOK_ALIKE.get(s[i]) ?? s[i];
  }
  return out;
}

/**
 * Traditional → Simplified for the characters used in the synonym tables, number units and
 * relative dates. Character by character (like OpenCC's character table), which is exact for
 * these words.
 */
const TRADITIONAL = [
  "戶户 編编 號号 碼码 員员 會会 買买 顧顾 稱称 業业 別别 齡龄 歲岁 區区 話话 電电",
  "聯联 絡络 繫系 係系 機机 時时 間间 後后 費费 頻频 計计 額额 總总 單单 價价 訂订",
  "創创 數数 組组 類类 籤签 簽签 標标 躍跃 動动 個个 過过 購购 銷销 實实 際际 應应",
  "為为 與与 細细 層层 級级 務务 歷历 錢钱 貨货 網网 門门 廣广 薦荐 質质 種种 賣卖",
  "報报 發发 幣币 週周 條条 態态 產产 資资 證证 體体 續续 維维 護护 錄录 記记 帳账",
  "賬账 萬万 億亿 塊块 筆笔 項项 紀纪 積积 離离 於于 團团 隊队 據据 狀状 擇择 齊齐",
].join(" ");

const T2S: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const pair of TRADITIONAL.split(" ")) {
    const [traditional, simplified] = Array.from(pair);
    m.set(traditional, simplified);
  }
  return m;
})();

/** Any character toSimplified changes. */
const TRADITIONAL_CHAR = new RegExp(`[${Array.from(T2S.keys()).join("")}]`, "u");

export function toSimplified(s: string): string {
  if (!TRADITIONAL_CHAR.test(s)) return s;
  let out = "";
  for (const ch of s) out += T2S.get(ch) ?? ch;
  return out;
}

/** Printable ASCII only: nothing to convert. */
export const isPlainAscii = (s: string): boolean => /^[ -~]*$/.test(s);

/** Half-width, Simplified, trimmed. The common first step for every text cell. */
export function normalizeText(s: string): string {
  if (isPlainAscii(s)) return s.trim(); // fast path: most cells are plain ASCII
  return toSimplified(toHalfWidth(s)).trim();
}

/** Excel error values as Range.values returns them, and the usual "no value" spellings. */
const NO_VALUE = new Set([
  "#n/a",
  "#value!",
  "#ref!",
  "#div/0!",
  "#num!",
  "#name?",
  "#null!",
  "#getting_data",
  "#spill!",
  "#calc!",
  "na",
  "n/a",
  "null",
]);
const NO_VALUE_MAX_LENGTH = Math.max(...Array.from(NO_VALUE, (s) => s.length));

/** True for "" , whitespace, Excel error values and "NA"/"N/A"/"null". */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  const t = v.trim(); // String#trim also removes U+3000 and U+00A0
  if (t === "") return true;
  if (t.length > NO_VALUE_MAX_LENGTH) return false;
  return NO_VALUE.has(toHalfWidth(t).toLowerCase());
}
