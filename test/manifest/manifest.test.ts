/**
 * manifest.xml: valid against the OfficeApp 1.1 schemas (xmllint, offline, via
 * scripts/validate-manifest.sh); English by default with every string overridden for zh-CN and zh-TW;
 * the ribbon's two buttons; ExcelApi 1.7; icons at every size it names.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const OVERRIDE_LOCALES = ["zh-CN", "zh-TW"];

function validate(file: string) {
  return spawnSync("bash", [path.join(root, "scripts", "validate-manifest.sh"), file], { encoding: "utf8" });
}

function xmllintMissing(): boolean {
  return spawnSync("xmllint", ["--version"], { encoding: "utf8" }).error !== undefined;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The default value and the per-locale overrides of a string resource (bt:String) or element. */
function localized(open: RegExp): { value: string; overrides: Record<string, string> } | null {
  const m = open.exec(manifest);
  if (!m) return null;
  const start = m.index + m[0].length;
  const selfClosing = m[0].endsWith("/>");
  const body = selfClosing ? "" : manifest.slice(start, manifest.indexOf("</", start));
  const value = decode(/DefaultValue="([^"]*)"/.exec(m[0])?.[1] ?? "");
  const overrides: Record<string, string> = {};
  for (const o of body.matchAll(/<(?:bt:)?Override\s+Locale="([^"]+)"\s+Value="([^"]*)"\s*\/>/g))
    overrides[o[1]] = decode(o[2]);
  return { value, overrides };
}

const stringResource = (id: string) => localized(new RegExp(`<bt:String\\s+id="${id.replace(/\./g, "\\.")}"[^>]*?/?>`));

describe("manifest.xml", () => {
  test("validates against the OfficeApp 1.1 schemas", () => {
    if (xmllintMissing()) {
      throw new Error("xmllint is not installed: apt-get install -y libxml2-utils (the schema check needs it)");
    }
    const result = validate(manifestPath);
    expect(`${result.stdout}${result.stderr}`).toContain("validates");
    expect(result.status).toBe(0);
  });

  test("the schema check rejects a broken manifest (it really checks)", () => {
    if (xmllintMissing()) throw new Error("xmllint is not installed: apt-get install -y libxml2-utils");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    try {
      const broken = path.join(dir, "broken.xml");
      fs.writeFileSync(broken, manifest.replace(/<Id>[^<]*<\/Id>/, ""));
      const result = validate(broken);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("fails to validate");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("defaults to English (every other locale gets it) and asks for ExcelApi 1.7", () => {
    expect(manifest).toMatch(/<DefaultLocale>en-US<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\s*\/>/);
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
  });

  test("display name and description exist in all three languages", () => {
    for (const element of ["DisplayName", "Description"]) {
      const s = localized(new RegExp(`<${element}\\s+DefaultValue="[^"]*"\\s*/?>`));
      expect(s).not.toBeNull();
      expect(s!.value.trim()).not.toBe("");
      for (const locale of OVERRIDE_LOCALES) expect(s!.overrides[locale]?.trim()).toBeTruthy();
    }
    const name = localized(/<DisplayName\s+DefaultValue="[^"]*"\s*\/?>/)!;
    expect(name).toEqual({ value: "Segment Sheet", overrides: { "zh-CN": "客户细分助手", "zh-TW": "客戶細分助手" } });
  });

  test("the Home tab holds the one-click command and the pane button", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>segmentThisSheet<\/FunctionName>/);
    expect(manifest).toMatch(/<FunctionFile resid="Commands.Url"\s*\/>/);
    expect(manifest).toMatch(/<bt:Url id="Commands.Url" DefaultValue="https:\/\/localhost:3000\/commands.html"\s*\/>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\s*\/>/);
    expect(manifest).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\s*\/>/);
  });

  test("every ribbon string exists in en-US (default), zh-CN and zh-TW", () => {
    const ids = [...manifest.matchAll(/<bt:String\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(
      expect.arrayContaining([
        "Group.Label",
        "SegmentButton.Label",
        "SegmentButton.Tooltip",
        "PaneButton.Label",
        "PaneButton.Tooltip",
      ])
    );
    for (const id of ids) {
      const s = stringResource(id)!;
      expect(s.value.trim()).not.toBe("");
      for (const locale of OVERRIDE_LOCALES) {
        if (!s.overrides[locale]?.trim()) throw new Error(`string "${id}" has no ${locale} override`);
      }
    }
    expect(stringResource("SegmentButton.Label")).toEqual({
      value: "Segment this sheet",
      overrides: { "zh-CN": "一键细分", "zh-TW": "一鍵細分" },
    });
    expect(stringResource("PaneButton.Label")).toEqual({
      value: "Segment pane",
      overrides: { "zh-CN": "细分面板", "zh-TW": "細分窗格" },
    });
  });

  test("each ribbon icon comes at the three sizes Office requires (16, 32, 80) and the high-DPI ones", () => {
    const icons = [...manifest.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) =>
      [...m[1].matchAll(/<bt:Image size="(\d+)"/g)].map((s) => Number(s[1]))
    );
    expect(icons.length).toBe(3); // the group and its two buttons
    for (const sizes of icons) expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
  });

  test("every resid points to a defined resource", () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:String|Url|Image)\s+id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of manifest.matchAll(/resid="([^"]+)"/g)) {
      if (!defined.has(m[1])) throw new Error(`resid "${m[1]}" is not defined under <Resources>`);
    }
  });

  test("the icons it names exist in assets/ as PNGs of their size", () => {
    const urls = [...manifest.matchAll(/"https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)"/g)];
    expect(new Set(urls.map((m) => m[2]))).toEqual(new Set(["16", "20", "24", "32", "40", "48", "64", "80"]));
    for (const [, file, size] of urls) {
      const png = fs.readFileSync(path.join(root, file));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});
