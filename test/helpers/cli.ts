/** The CLI run in-process (src/cli/main.ts), with what it printed and its exit code. */
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `segment-sheet args…` with `today` as the local date and `env` as the environment. */
export async function runCli(args: string[], today: string, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    today: () => today,
  });
  return { code, stdout, stderr };
}
