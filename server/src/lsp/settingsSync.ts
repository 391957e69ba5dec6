import type { Connection } from 'vscode-languageserver';
import { parseSettings, type ConnlintSettings, type SettingsProblem } from '../core/settings';
import { guarded } from './guards';

/** How long `workspace/didChangeConfiguration` notifications must pause before the settings are fetched again. */
export const SETTINGS_SETTLE_MS = 100;

/**
 * Follows the editor's `connlint.*` settings. A burst of change notifications (an extension
 * writing several settings, a settings sync) is one fetch once they pause, and a fetch that
 * finds the settings in force changes nothing: `onChange` runs only for settings that differ,
 * and the same problems in them are shown once.
 */
export class SettingsSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fetching: Promise<void> | undefined;
  private fetchAgain = false;
  /** The problems last shown, so that a fetch that finds the same ones does not show them again. */
  private reportedProblems = '';

  constructor(
    private readonly connection: Connection,
    private readonly current: () => ConnlintSettings,
    private readonly onChange: (settings: ConnlintSettings) => Promise<void>,
  ) {}

  /** Fetches the settings now; with `onChange` when they differ from those in force. */
  async refresh(): Promise<void> {
    const { settings, problems } = parseSettings(await this.connection.workspace.getConfiguration('connlint'));
    this.reportProblems(problems);
    if (!sameSettings(settings, this.current())) await this.onChange(settings);
  }

  /** The editor said settings changed: fetch them once the notifications pause, and once more for any that come during the fetch. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(guarded(this.connection, 'a settings change', () => this.fetchSettled()), SETTINGS_SETTLE_MS);
  }

  /** Stops a pending fetch. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private async fetchSettled(): Promise<void> {
    if (this.fetching !== undefined) {
      this.fetchAgain = true;
      return;
    }
    try {
      do {
        this.fetchAgain = false;
        this.fetching = this.refresh();
        await this.fetching;
      } while (this.fetchAgain);
    } finally {
      this.fetching = undefined;
    }
  }

  private reportProblems(problems: readonly SettingsProblem[]): void {
    const list = problems.map((problem) => `connlint.${problem.key}: ${problem.message}`).join('; ');
    if (list === this.reportedProblems) return;
    this.reportedProblems = list;
    if (list === '') return;
    this.connection.window.showWarningMessage(`Connlint ignored settings it does not understand: ${list}`);
  }
}

/** Whether two settings are the same in effect: the same severities, exclusions, overrides and assumptions. */
export function sameSettings(a: ConnlintSettings, b: ConnlintSettings): boolean {
  return canonical(a) === canonical(b);
}

function canonical(settings: ConnlintSettings): string {
  const rules = Object.entries(settings.rules).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const { conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers } = settings.assume;
  return JSON.stringify([rules, settings.exclude, settings.overrides, settings.clusters ?? [], conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers]);
}
