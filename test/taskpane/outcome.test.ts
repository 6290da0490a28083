/** How a run's errors reach the user: the same sentence in the pane, the ribbon notice and the playground. */
import { SegmentSheetError } from "../../src/engine/errors";
import { decodeNotice, encodeNotice, type Notice } from "../../src/commands/notice-data";
import { EngineCrash } from "../../src/taskpane/engine/client";
import { checkAsOf, daysBetween, localizeFailure, toFailure, todayIso } from "../../src/taskpane/outcome";

describe("toFailure", () => {
  test("a SegmentSheetError gives its code and the message in the chosen language", () => {
    const failure = toFailure(
      new SegmentSheetError({ code: "USER_COLUMN_NOT_EMPTY", params: { header: "客户类型" } }),
      "zh-CN"
    );
    expect(failure.code).toBe("USER_COLUMN_NOT_EMPTY");
    expect(failure.message).toMatch(/^\[USER_COLUMN_NOT_EMPTY\] 列“客户类型”中已有人工填写的内容/);
  });

  test("an Office error keeps Office's code", () => {
    const failure = toFailure({ code: "InvalidArgument", message: "The argument is invalid." }, "en");
    expect(failure).toMatchObject({
      ok: false,
      code: "InvalidArgument",
      message: "[InvalidArgument] Excel reported an error: The argument is invalid.",
    });
  });

  test("a failure can be said again in another language", () => {
    const coded = toFailure(new SegmentSheetError({ code: "NO_TABLE_FOUND", params: { sheet: "说明" } }), "zh-CN");
    expect(localizeFailure(coded, "en")).toMatch(
      /^\[NO_TABLE_FOUND\] No customer or orders table was found on sheet "说明"/
    );
    const office = toFailure({ code: "InvalidArgument", message: "The argument is invalid." }, "en");
    expect(localizeFailure(office, "zh-TW")).toBe("[InvalidArgument] Excel 回報了一個錯誤：The argument is invalid.");
    const crash = toFailure(new Error("boom"), "en");
    expect(localizeFailure(crash, "zh-CN")).toBe("[UNEXPECTED] 出现意外错误：boom");
    // A failure that came as plain text (e.g. through the ribbon bridge) stays as it is.
    expect(localizeFailure({ ok: false, code: "X", message: "as sent" }, "en")).toBe("as sent");
  });

  test("missing fields are named as the pane names them, in each language", () => {
    const error = new SegmentSheetError({
      code: "MISSING_FIELD",
      params: { fields: "lastPurchase|recency,frequency", kind: "customers" },
    });
    expect(toFailure(error, "zh-CN").message).toContain("缺少必需的列：最后购买时间 / 距今天数、消费频次。");
    expect(toFailure(error, "en").message).toContain(
      "Required columns are missing: Last purchase / Days since last purchase, Purchases."
    );
    expect(localizeFailure(toFailure(error, "en"), "zh-TW")).toContain("最後購買時間 / 距今天數、消費頻次");
  });

  test("an engine crash is not mistaken for an Excel error", () => {
    expect(toFailure(new EngineCrash("TypeError: x is undefined"), "en")).toMatchObject({
      code: "UNEXPECTED",
      message: "[UNEXPECTED] Something unexpected went wrong: TypeError: x is undefined",
    });
  });

  test("Excel on the web's payload limits become PAYLOAD_TOO_LARGE", () => {
    expect(toFailure({ code: "RequestPayloadSizeLimitExceeded", message: "x" }, "en").code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("anything else is UNEXPECTED, with its text", () => {
    const failure = toFailure(new Error("not yet implemented"), "zh-TW");
    expect(failure.code).toBe("UNEXPECTED");
    expect(failure.message).toBe("[UNEXPECTED] 發生意外錯誤：not yet implemented");
  });
});

describe("as-of date", () => {
  test("checkAsOf accepts real yyyy-mm-dd dates only", () => {
    expect(checkAsOf("2024-06-01", "en")).toBeNull();
    expect(checkAsOf("2024-02-30", "en")?.code).toBe("BAD_AS_OF");
    expect(checkAsOf("2024/6/1", "zh-CN")?.message).toContain("2024/6/1");
  });

  test("todayIso is the local calendar date", () => {
    expect(todayIso(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05");
  });

  test("daysBetween counts calendar days", () => {
    expect(daysBetween("2024-05-31", "2024-06-01")).toBe(1);
    expect(daysBetween("2023-06-01", "2024-06-01")).toBe(366);
    expect(daysBetween("2024-06-02", "2024-06-01")).toBe(-1);
  });
});

describe("ribbon notice", () => {
  test("round-trips through the dialog's query string", () => {
    const notice: Notice = {
      kind: "success",
      lang: "zh-CN",
      title: "细分完成",
      body: "工作表“客户&信息”…",
      details: ["111 重要价值客户: 42"],
    };
    expect(decodeNotice(`?${encodeNotice(notice)}&_host_info=Excel$Win32$16.01$zh-CN`)).toEqual(notice);
  });

  test("refuses what it did not write", () => {
    expect(decodeNotice("")).toBeNull();
    expect(decodeNotice("?n=%7Bnot%20json")).toBeNull();
    expect(
      decodeNotice(`?n=${encodeURIComponent(JSON.stringify({ kind: "x", lang: "en", title: "", body: "" }))}`)
    ).toBeNull();
  });
});
