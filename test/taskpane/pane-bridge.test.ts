/**
 * The ribbon command tells an open pane (of the same workbook) what happened, over a BroadcastChannel
 * (Node has the same API); without an answer from a pane it falls back to its own message.
 */
import {
  commandRunReporter,
  listenForCommandRuns,
  type ChannelLike,
  type OpenChannel,
} from "../../src/taskpane/pane-bridge";
import type { SegmentOutcome } from "../../src/taskpane/pane-actions";

const channelName = () => `segment-sheet-test-${Math.random()}`;
const opener =
  (name: string): OpenChannel =>
  () =>
    new BroadcastChannel(name) as unknown as ChannelLike;
const failure: SegmentOutcome = { ok: false, code: "NO_TABLE_FOUND", message: "[NO_TABLE_FOUND] …" };

describe("pane bridge", () => {
  test("an open pane of the same workbook hears the run and acknowledges it", async () => {
    const name = channelName();
    const heard: string[] = [];
    const stop = listenForCommandRuns(
      "book-A",
      { started: () => heard.push("started"), finished: (o) => heard.push(o.ok ? "ok" : o.code) },
      opener(name)
    );
    try {
      const reporter = commandRunReporter("book-A", opener(name));
      reporter.started();
      expect(await reporter.finished(failure, 2000)).toBe(true);
      expect(heard).toEqual(["started", "NO_TABLE_FOUND"]);
    } finally {
      stop();
    }
  });

  test("a pane of another workbook ignores it, so the command shows its own message", async () => {
    const name = channelName();
    const heard: string[] = [];
    const stop = listenForCommandRuns(
      "book-B",
      { started: () => heard.push("s"), finished: () => heard.push("f") },
      opener(name)
    );
    try {
      const reporter = commandRunReporter("book-A", opener(name));
      reporter.started();
      expect(await reporter.finished(failure, 200)).toBe(false);
      expect(heard).toEqual([]);
    } finally {
      stop();
    }
  });

  test("without a channel at all, nothing is acknowledged", async () => {
    const reporter = commandRunReporter("book-A", () => null);
    reporter.started();
    expect(await reporter.finished(failure, 10)).toBe(false);
    expect(listenForCommandRuns("book-A", { started() {}, finished() {} }, () => null)).toBeInstanceOf(Function);
  });
});
