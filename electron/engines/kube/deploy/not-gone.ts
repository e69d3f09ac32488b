// What an undeploy says when objects outlive its wait: each named once, and why a Pod can stay (its node must confirm).

/**
 * `left`: "Kind name" of every object still there, each once. A Pod stays Terminating until its node's kubelet confirms
 * it stopped, which a node that is down or unreachable never does; the API removes it at once only when asked with
 * grace 0.
 */
export function notGoneMessage(left: ReadonlySet<string>): string {
  const names = [...left];
  const pods = names.some((n) => n.startsWith('Pod '));
  return (
    `Still not gone after the grace period: ${names.join(', ')}.` +
    (pods
      ? " A Pod is gone once its node's kubelet confirms it stopped, which a node that is down or unreachable never" +
        ' does; undeploy again with --grace 0 to remove it from the API at once (as kubectl delete --grace-period=0' +
        ' --force).'
      : '')
  );
}
