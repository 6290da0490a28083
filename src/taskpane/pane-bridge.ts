/**
 * How the ribbon command tells an open task pane what happened. The command and the pane run in
 * separate runtimes of the same origin; a BroadcastChannel reaches the pane where the host lets them
 * share one (Excel on the web, and desktop hosts that keep one browser profile). The command waits a
 * moment for the pane's acknowledgement and, without one, shows its own short message instead.
 * The channel is shared by every pane of the origin (two workbooks open in two browser tabs), so each
 * message names its workbook (`scope`: Office.context.document.url) and a pane heeds only its own.
 */
import type { SegmentOutcome } from "./pane-actions";

export const CHANNEL_NAME = "segment-sheet";
export const ACK_TIMEOUT_MS = 1000;

export type BridgeMessage =
  | { type: "run-started"; id: string; scope: string }
  | { type: "run-finished"; id: string; scope: string; outcome: SegmentOutcome }
  | { type: "ack"; id: string; scope: string };

/** What is used of BroadcastChannel (Node's and the browser's have it). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export type OpenChannel = () => ChannelLike | null;

export const openBroadcastChannel: OpenChannel = () => {
  try {
    return typeof BroadcastChannel === "undefined" ? null : (new BroadcastChannel(CHANNEL_NAME) as ChannelLike);
  } catch {
    return null;
  }
};

export interface ExternalRunListener {
  started(): void;
  finished(outcome: SegmentOutcome): void;
}

/** The pane's side: hears runs of the ribbon command and acknowledges their outcome. */
export function listenForCommandRuns(
  scope: string,
  listener: ExternalRunListener,
  open: OpenChannel = openBroadcastChannel
): () => void {
  const channel = open();
  if (!channel) return () => undefined;
  channel.onmessage = (event: MessageEvent) => {
    const message = event.data as BridgeMessage | undefined;
    if (!message || message.scope !== scope) return;
    if (message.type === "run-started") listener.started();
    else if (message.type === "run-finished") {
      channel.postMessage({ type: "ack", id: message.id, scope } satisfies BridgeMessage);
      listener.finished(message.outcome);
    }
  };
  return () => channel.close();
}

/** The command's side: one run, announced and then reported. */
export interface CommandRunReporter {
  started(): void;
  /** Resolves true when an open pane acknowledged the outcome (it shows it), false otherwise. */
  finished(outcome: SegmentOutcome, timeoutMs?: number): Promise<boolean>;
}

export function commandRunReporter(scope: string, open: OpenChannel = openBroadcastChannel): CommandRunReporter {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const channel = open();
  return {
    started() {
      channel?.postMessage({ type: "run-started", id, scope } satisfies BridgeMessage);
    },
    finished(outcome, timeoutMs = ACK_TIMEOUT_MS) {
      if (!channel) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const done = (acked: boolean) => {
          clearTimeout(timer);
          channel.onmessage = null;
          channel.close();
          resolve(acked);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        channel.onmessage = (event: MessageEvent) => {
          const message = event.data as BridgeMessage | undefined;
          if (message?.type === "ack" && message.id === id && message.scope === scope) done(true);
        };
        channel.postMessage({ type: "run-finished", id, scope, outcome } satisfies BridgeMessage);
      });
    },
  };
}
