// The simulated shell behind the stand-in's exec: a few busybox-like built-ins, enough for a terminal journey
// (prompt, echo of typed keys on a TTY, `stty size` after a resize, exit codes). It runs no real program.

export interface ShellContext {
  hostname: string;
  env: Record<string, string>;
  size: { cols: number; rows: number };
}

export interface ShellOutput {
  stdout: string;
  stderr: string;
  /** Set when the shell itself exits (`exit`). */
  exit?: number;
  status: number;
}

const FILES: Record<string, string> = { '/etc/hostname': '' };

/** Splits one command line into words, honouring single and double quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function expand(word: string, ctx: ShellContext): string {
  return word.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => (name === 'HOSTNAME' ? ctx.hostname : (ctx.env[name] ?? '')));
}

/** Runs one simple command (no pipes or redirects). */
export function runCommand(argv: string[], ctx: ShellContext): ShellOutput {
  const [cmd, ...args] = argv.map((w) => expand(w, ctx));
  const ok = (stdout: string): ShellOutput => ({ stdout, stderr: '', status: 0 });
  switch (cmd) {
    case undefined:
      return ok('');
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'hostname':
      return ok(`${ctx.hostname}\n`);
    case 'pwd':
      return ok('/\n');
    case 'whoami':
      return ok('root\n');
    case 'true':
    case ':':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', status: 1 };
    case 'uname':
      return ok(args.includes('-a') ? `Linux ${ctx.hostname} 6.1.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
    case 'env':
      return ok(Object.entries({ HOSTNAME: ctx.hostname, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...ctx.env }).map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'ls':
      return ok('bin   dev   etc   home  proc  root  sys   tmp   usr   var\n');
    case 'cat': {
      const out: string[] = [];
      for (const file of args) {
        if (file === '/etc/hostname') out.push(`${ctx.hostname}\n`);
        else if (file in FILES) out.push(FILES[file]!);
        else return { stdout: out.join(''), stderr: `cat: can't open '${file}': No such file or directory\n`, status: 1 };
      }
      return ok(out.join(''));
    }
    case 'stty':
      if (args[0] === 'size') return ok(`${ctx.size.rows} ${ctx.size.cols}\n`);
      return ok('');
    case 'exit': {
      const code = args[0] === undefined ? 0 : Number.parseInt(args[0], 10) & 255;
      return { stdout: '', stderr: '', status: code, exit: code };
    }
    default:
      return { stdout: '', stderr: `sh: ${cmd}: not found\n`, status: 127 };
  }
}

/** Runs a script (`a; b && c`), stopping at `exit`; returns the combined output and the last status. */
export function runScript(script: string, ctx: ShellContext): ShellOutput {
  let stdout = '';
  let stderr = '';
  let status = 0;
  for (const part of script.split(/;|\n/)) {
    const chain = part.split('&&');
    for (const piece of chain) {
      const r = runCommand(words(piece.trim()), ctx);
      stdout += r.stdout;
      stderr += r.stderr;
      status = r.status;
      if (r.exit !== undefined) return { stdout, stderr, status, exit: r.exit };
      if (status !== 0) break;
    }
  }
  return { stdout, stderr, status };
}

/** Whether argv starts an interactive shell (sh, /bin/sh, bash, ash) rather than one command. */
export function isShell(argv: readonly string[]): boolean {
  return argv.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash)$/.test(argv[0] ?? '');
}

/** argv for `sh -c SCRIPT`, or the command itself: what to run for a non-interactive exec. */
export function scriptOf(argv: readonly string[]): string | undefined {
  if (argv.length >= 3 && /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash)$/.test(argv[0]!) && argv[1] === '-c') return argv[2];
  return undefined;
}

export const KNOWN_PROGRAMS = new Set(['echo', 'hostname', 'pwd', 'whoami', 'true', 'false', 'uname', 'env', 'ls', 'cat', 'stty', 'sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', ':', 'exit']);
