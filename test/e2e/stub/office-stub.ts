/**
 * test/e2e only: a stand-in for Microsoft's office.js, served by the tests in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js (no request leaves the machine). It
 * offers what taskpane.html, commands.html and notice.html use: Office.onReady, Office.context
 * (display language, requirement sets, theme, document URL, dialogs), Office.actions.associate, and
 * Excel.run over src/xlsx-host's in-browser workbook, which behaves like Excel's API.
 *
 * The test configures it before the page loads (page.addInitScript):
 *   window.__OFFICE_STUB_CONFIG__ = { displayLanguage: "zh-CN", workbookUrl: "assets/sample-customers.xlsx",
 *                                     documentUrl: "https://contoso.example/book.xlsx", excelApi: "1.7" }
 * and drives it through window.__officeStub (invoke a ribbon command, read the dialogs opened).
 */
import { HostWorkbook } from "../../../src/xlsx-host";

interface StubConfig {
  displayLanguage?: string;
  /** Fetched from the page's origin; absent = an empty workbook. */
  workbookUrl?: string;
  documentUrl?: string;
  /** Highest ExcelApi version to claim (default 1.7). */
  excelApi?: string;
  bodyBackgroundColor?: string;
}

type Handler = (arg: unknown) => void;
type Action = (event: { completed(): void }) => unknown;

interface StubControl {
  dialogs: string[];
  actions: Record<string, Action>;
  /** Runs a ribbon function command as Office would, resolving when it calls event.completed(). */
  invoke(name: string): Promise<void>;
  workbook(): Promise<HostWorkbook>;
}

const w = window as unknown as {
  __OFFICE_STUB_CONFIG__?: StubConfig;
  __officeStub: StubControl;
  Office: unknown;
  Excel: unknown;
};
const config: StubConfig = w.__OFFICE_STUB_CONFIG__ ?? {};

let book: Promise<HostWorkbook> | null = null;
const workbook = () =>
  (book ??= config.workbookUrl
    ? fetch(config.workbookUrl)
        .then((r) => r.arrayBuffer())
        .then((b) => HostWorkbook.fromXlsx(new Uint8Array(b)))
    : Promise.resolve(HostWorkbook.empty()));

const control: StubControl = {
  dialogs: [],
  actions: {},
  invoke(name) {
    const action = control.actions[name];
    if (!action) return Promise.reject(new Error(`no action "${name}" was associated`));
    return new Promise<void>((resolve) => void action({ completed: resolve }));
  },
  workbook,
};
w.__officeStub = control;

const version = (v: string) => v.split(".").map(Number);
const atMost = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  return x[0] < y[0] || (x[0] === y[0] && (x[1] ?? 0) <= (y[1] ?? 0));
};

const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
const EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
const info = { host: "Excel", platform: "OfficeOnline" };

w.Office = {
  AsyncResultStatus,
  EventType,
  HostType: { Excel: "Excel" },
  onReady(callback?: (i: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
  actions: {
    associate(name: string, action: Action) {
      control.actions[name] = action;
    },
  },
  context: {
    displayLanguage: config.displayLanguage ?? "zh-CN",
    officeTheme: config.bodyBackgroundColor ? { bodyBackgroundColor: config.bodyBackgroundColor } : undefined,
    document: { url: config.documentUrl ?? "https://contoso.example/book.xlsx" },
    requirements: {
      isSetSupported: (name: string, v = "1.1") => name === "ExcelApi" && atMost(v, config.excelApi ?? "1.7"),
    },
    ui: {
      displayDialogAsync(url: string, _options: unknown, callback: (r: unknown) => void) {
        control.dialogs.push(url);
        const handlers: Record<string, Handler[]> = {};
        const dialog = {
          close() {
            /* closed */
          },
          addEventHandler(type: string, handler: Handler) {
            (handlers[type] ??= []).push(handler);
          },
        };
        callback({ status: AsyncResultStatus.Succeeded, value: dialog });
        // The user reads the notice and closes it.
        setTimeout(() => handlers[EventType.DialogEventReceived]?.forEach((h) => h({ error: 12006 })), 50);
      },
      messageParent() {
        /* no parent in the stub */
      },
    },
  },
};

w.Excel = {
  async run(...args: unknown[]) {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
    return (await workbook()).run(batch);
  },
};

// Start reading the workbook at once, as Excel has it open before the add-in starts.
void workbook();
