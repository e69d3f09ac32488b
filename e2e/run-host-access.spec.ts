// Journey: Run of a Pod that hands this computer to a container (a hostPath into /proc, the host-access family) asks
// first, naming what the Pod would reach; Cancel starts nothing, the answer runs it, and it does not ask again.
import { test, expect, shot, typeYaml, engineJourneys, openWithEngine } from './fixtures';
import { podContainers, unique } from './docker';

const engine = engineJourneys('host-access journeys', 120_000);

test('Run asks before giving a Pod access to this computer; Cancel starts nothing', async ({ page }) => {
  const name = unique('run-host-access');
  engine.created.push(name);
  await openWithEngine(page, engine.url);
  await typeYaml(
    page,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  terminationGracePeriodSeconds: 1',
      '  containers:',
      '    - name: app',
      '      image: busybox:1.36',
      "      command: ['sleep', '3600']",
      '      volumeMounts:',
      '        - name: proc',
      '          mountPath: /host/proc',
      '          readOnly: true',
      '  volumes:',
      '    - name: proc',
      '      hostPath:',
      '        path: /proc',
      '    - name: scratch',
      '      emptyDir: {}',
      '',
    ].join('\n'),
  );
  await expect(page.getByTestId('node-volume:proc')).toBeVisible();

  await page.getByTestId('run-start').click();
  const question = page.getByRole('dialog', { name: 'Give this Pod access to your computer?' });
  await expect(question).toBeVisible();
  // What it reaches, in words, apart from the Pod's ordinary warnings beneath.
  const reason = question.locator('.host-access-reasons [data-code="HOST_PATH_SENSITIVE"]');
  await expect(reason).toContainText('spec.volumes[0].hostPath.path');
  await expect(reason).toContainText(
    `hostPath "/proc" gives its containers the host's kernel settings and the details of every process (/proc)`,
  );
  await expect(question.locator('[data-code="VOLUME_UNUSED"]')).toBeVisible();
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByLabel('Theme').selectOption('dark');
  await shot(page, 'run-host-access-dark-en.png');
  await page.getByLabel('Language').selectOption('zh-CN');
  const questionZh = page.getByRole('dialog', { name: '允许此 Pod 访问您的电脑？' });
  await expect(questionZh.locator('[data-code="HOST_PATH_SENSITIVE"]')).toContainText('主机的内核设置');
  await shot(page, 'run-host-access-dark-zh.png');
  await page.getByLabel('语言').selectOption('en');

  // Cancel (Enter on the focused button) starts nothing, and the next Run asks again.
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  expect(await podContainers(name)).toBe('');
  await page.getByTestId('run-start').click();
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  expect(await podContainers(name)).toBe('');

  // Given the access, it runs; a restart asks no more.
  await page.getByTestId('run-start').click();
  await question.getByRole('button', { name: 'Run with access to this computer' }).click();
  await expect(page.getByTestId('node-container:app').getByTestId('run-status')).toHaveAttribute(
    'data-run-state',
    'running',
    { timeout: 30_000 },
  );
  expect((await podContainers(name)).split('\n').filter(Boolean)).toHaveLength(2); // infra, app
  await page.getByTestId('run-restart').click();
  await expect(question).toBeHidden();
  await expect(page.getByTestId('run-start')).toBeEnabled({ timeout: 40_000 });
});
