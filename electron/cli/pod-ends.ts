// How a foreground `podwright run` makes sure each container's end is printed exactly once while its Pod is removed.
//
// The log stream prints `--- exited with code N ---` when it reads a container's exit, but a forced removal (the second
// Ctrl+C, grace 0) may delete the container before the stream reads it. The removal itself reports every container it
// waited for as it stops; those the stream did not show by the time it ended are printed from that report.
import type { DownProgress } from '../engines/docker';

/** SIGKILL's exit code: what a container the forced removal killed ends with. */
const KILLED = 137;

export class PodEnds {
  /** Containers whose end the log stream showed since the removal began. */
  private readonly shown = new Set<string>();
  /** Each container's end as the removal reported it, in the order reported. */
  private readonly reported = new Map<string, number>();
  private removing = false;

  /** The removal begins: exits the stream shows from now on are the ones it ends with. */
  removalStarted(): void {
    this.removing = true;
  }

  /** The log stream showed `container`'s exit. */
  streamShowed(container: string): void {
    if (this.removing) this.shown.add(container);
  }

  /**
   * The removal's report. `forced` says whether the user already asked to stop at once: a container whose exit code
   * could not be read then (the forced removal deleted it first) was killed, so it ended with 137.
   */
  report(p: DownProgress, forced: boolean): void {
    if (p.step !== 'stopped' || this.reported.has(p.container)) return;
    const code = p.exitCode ?? (forced ? KILLED : undefined);
    if (code !== undefined) this.reported.set(p.container, code);
  }

  /** The ends the stream did not show, once it has ended: each container with the code to print for it. */
  missing(): { container: string; exitCode: number }[] {
    return [...this.reported]
      .filter(([container]) => !this.shown.has(container))
      .map(([container, exitCode]) => ({ container, exitCode }));
  }
}
