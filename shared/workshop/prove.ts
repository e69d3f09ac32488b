// "Prove it" verdicts: compares the outputs of one command run in several containers of a Pod.
import type { Comparison } from './lessons';

export interface ProofOutput {
  container: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export type Verdict = 'same' | 'different' | 'partial' | 'failed';

export interface ProofResult {
  verdict: Verdict;
  /** For process listings: which other containers' main processes each container sees. */
  sees?: Record<string, string[]>;
}

/** Output as compared: NULs (from /proc files) as spaces, trailing blanks and blank lines dropped. */
export function normalizeText(output: string): string {
  return output
    .replace(/\0/g, ' ')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n');
}

/** The command lines in a `ps -o pid,args` listing, without the header and without the ps that printed it. */
export function processCommands(listing: string): string[] {
  const out: string[] = [];
  for (const line of normalizeText(listing).split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const args = m[2]!.trim();
    if (/^ps(\s|$)/.test(args)) continue;
    out.push(args);
  }
  return out;
}

/**
 * Judges the outputs. `text`: identical or not. `processes`: `mainCommands` gives each container's main command line
 * (command + args from the spec, as ps prints it); "same" when every container sees every other's main process (one
 * shared PID namespace), "different" when none sees another's.
 */
export function judge(
  outputs: readonly ProofOutput[],
  compare: Comparison,
  mainCommands: Readonly<Record<string, string>> = {},
): ProofResult {
  if (outputs.length < 2 || outputs.some((o) => o.exitCode !== 0)) return { verdict: 'failed' };
  if (compare === 'text') {
    const first = normalizeText(outputs[0]!.stdout);
    return { verdict: outputs.every((o) => normalizeText(o.stdout) === first) ? 'same' : 'different' };
  }
  const sees: Record<string, string[]> = {};
  let pairs = 0;
  let seen = 0;
  for (const o of outputs) {
    const commands = new Set(processCommands(o.stdout));
    sees[o.container] = [];
    for (const other of outputs) {
      if (other === o) continue;
      const main = mainCommands[other.container];
      if (!main) continue;
      pairs++;
      if (commands.has(main)) {
        seen++;
        sees[o.container]!.push(other.container);
      }
    }
  }
  if (pairs === 0) return { verdict: 'failed', sees };
  return { verdict: seen === pairs ? 'same' : seen === 0 ? 'different' : 'partial', sees };
}

/** A container's main command line as ps prints it: command then args, joined by spaces. */
export function mainCommandLine(container: { command?: unknown; args?: unknown }): string | undefined {
  const parts = [container.command, container.args].flatMap((p) =>
    Array.isArray(p) ? p.filter((s): s is string => typeof s === 'string') : [],
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}
