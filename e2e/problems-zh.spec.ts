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
  const chinese = 'web 和 admin 都在 Pod 共享的网络命名空间中监听 80/TCP；第二个绑定的会失败（通常是较晚启动的 admin）';
  await expect(problem.locator('.problem-message')).toHaveText(chinese);
  // First the clashing port (admin, listed second) moves; moving web instead is the second fix.
  const fixes = problem.getByRole('button', { name: /^修复：/ });
  await expect(fixes).toHaveText([
    '修复：把 admin 改到端口 81（其进程也必须监听该端口）',
    '修复：把 web 改到端口 81（其进程也必须监听该端口）',
  ]);
  await problem.getByRole('button', { name: '为什么？' }).click();
  await expect(problem.locator('.explanation')).toContainText('Pod 运行时会失败');
  await expect(problem.locator('.explanation')).toContainText('API 服务器接受该 Pod，只给出警告');
  await expect(problem).not.toContainText('both listen');
  await shot(page, 'problems-zh-light.png');

  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await shot(page, 'problems-zh-dark.png');

  // The canvas badge and the YAML editor's marker carry the same Chinese text.
  await expect(page.locator('.badge-error').first()).toHaveAttribute('title', chinese);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator(`[title="POD_PORT_CLASH: ${chinese}"]`).first()).toBeAttached();
  // Switching the language re-labels the markers without an edit.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.locator('[title^="POD_PORT_CLASH: web and admin both listen on 80/TCP"]').first()).toBeAttached();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator(`[title="POD_PORT_CLASH: ${chinese}"]`).first()).toBeAttached();
  await page.getByRole('tab', { name: '问题' }).click();

  // The second fix moves web instead; admin keeps 80.
  await fixes.nth(1).click();
  await expect(page.locator('li.problem[data-code="POD_PORT_CLASH"]')).toHaveCount(0);
  await expect(page.getByTestId('node-container:web').getByTestId('port-badge')).toHaveText('81');
  await expect(page.getByTestId('node-container:admin').getByTestId('port-badge')).toHaveText('80');
});
