// Runs the kubectl on this machine (or $PODWRIGHT_KUBECTL) against a kubeconfig, for tests that check Podwright reads
// and talks to a cluster the way kubectl does. An argument vector, never a shell.
import { execFile } from 'node:child_process';

export const kubectlPath = process.env.PODWRIGHT_KUBECTL ?? 'kubectl';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectl(args: string[], kubeconfig: string, options: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(
      kubectlPath,
      args,
      { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: process.env.HOME ?? '/tmp' }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Why kubectl cannot run on this machine (not installed, or it fails to start), or undefined when it can. */
export function kubectlMissing(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(kubectlPath, ['version', '--client', '-o', 'json'], { timeout: 30_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve(undefined);
      const code = (error as { code?: unknown }).code;
      resolve(
        code === 'ENOENT'
          ? `kubectl is absent (${kubectlPath} not found; on Debian: apt-get install kubernetes-client)`
          : `${kubectlPath} version --client failed: ${String(stderr).trim() || error.message}`,
      );
    });
  });
}

function isCi(): boolean {
  const ci = process.env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * For test files that check Podwright side by side with kubectl: the reason to skip those checks when kubectl cannot
 * run here, or undefined when it can. Under CI a missing kubectl is a failure, never a skip.
 */
export async function requireKubectl(): Promise<string | undefined> {
  const reason = await kubectlMissing();
  if (reason && isCi()) throw new Error(`CI needs kubectl for these tests: ${reason}`);
  return reason;
}
