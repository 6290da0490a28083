/** What every settings component receives: the settings JSON, a way to change it, and the engine's complaint. */
import type { SettingsJson, SettingsPath } from "../../settings/json";

export interface SettingsProblem {
  /** Dotted path as parseSettings names it, e.g. "rfm.thresholds.frequency". */
  path: string;
  /** The whole message in the user's language. */
  message: string;
}

export interface SettingProps {
  json: SettingsJson;
  onChange: (json: SettingsJson) => void;
  disabled: boolean;
  problem: SettingsProblem | null;
}

export const pathText = (path: SettingsPath) => path.join(".");

/** The problem when it is about `path` itself. */
export function problemAt(problem: SettingsProblem | null, path: SettingsPath): SettingsProblem | null {
  return problem && problem.path === pathText(path) ? problem : null;
}
