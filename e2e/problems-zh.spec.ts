// Journey: in Simplified Chinese the Problems panel shows rule diagnostics, their quick fixes and explanations in
// Chinese (browser host, no Docker needed), and the fix still works.
import { expect, shot, test } from './fixtures';

test('shows the port clash problem and its fix in Chinese', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '示例', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: '示例' });
  await gallery.locator('.example strong').getByText('两个容器都用 80 端口', { exact: true }).click();
  await expect(gallery).toBeHidden();

  await page.getByRole('tab', { name: '问题' }).click();
  const problem = page.locator('li.problem[data-code="POD_PORT_CLASH"]');
  await expect(problem.locator('.problem-message')).toHaveText(
    'admin 和 web 都在 Pod 共享的网络命名空间中监听 80/TCP；后启动的那个会绑定失败',
  );
  const fix = problem.getByRole('button', { name: /^修复：/ });
  await expect(fix).toHaveText('修复：把 admin 改到端口 81（其进程也必须监听该端口）');
  await problem.getByRole('button', { name: '为什么？' }).click();
  await expect(problem.locator('.explanation')).toContainText('Pod 的所有容器共享一个网络命名空间');
  await expect(problem).not.toContainText('both listen');
  await shot(page, 'problems-zh-light.png');

  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await shot(page, 'problems-zh-dark.png');

  // The canvas badge and the YAML editor's marker carry the same Chinese text.
  const chinese = 'admin 和 web 都在 Pod 共享的网络命名空间中监听 80/TCP；后启动的那个会绑定失败';
  await expect(page.locator('.badge-error').first()).toHaveAttribute('title', chinese);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator(`[title="POD_PORT_CLASH: ${chinese}"]`).first()).toBeAttached();
  // Switching the language re-labels the markers without an edit.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.locator('[title^="POD_PORT_CLASH: admin and web both listen on 80/TCP"]').first()).toBeAttached();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator(`[title="POD_PORT_CLASH: ${chinese}"]`).first()).toBeAttached();
  await page.getByRole('tab', { name: '问题' }).click();

  await fix.click();
  await expect(page.locator('li.problem[data-code="POD_PORT_CLASH"]')).toHaveCount(0);
});
