// The plan's calls in order, as a reviewer (or the walkthrough) reads them.
import type { Plan, PlanStep } from './types';

/** The calls in order, as a reviewer (or the walkthrough) would read them. */
export function planSteps(p: Omit<Plan, 'steps'>): PlanStep[] {
  const steps: PlanStep[] = [];
  if (p.network) {
    steps.push({
      call: `GET /networks/${p.network.name}`,
      description: `Find the project network "${p.network.name}"`,
    });
    steps.push({ call: 'POST /networks/create', description: 'Create it if it is missing', body: p.network.body });
  }
  for (const image of p.images) {
    steps.push({
      call: `GET /images/${image.image}/json`,
      description: `Check image ${image.image} (imagePullPolicy ${image.pullPolicy})`,
    });
    if (image.pullPolicy !== 'Never') {
      steps.push({
        call: `POST /images/create?fromImage=${image.image}`,
        description: image.pullPolicy === 'Always' ? 'Pull it' : 'Pull it if it is missing',
      });
    }
  }
  for (const h of p.hostPaths)
    steps.push({ call: `(host) check ${h.path}`, description: `hostPath "${h.volume}" type ${h.type || '(none)'}` });
  for (const v of p.volumes)
    steps.push({ call: 'POST /volumes/create', description: `Volume "${v.volume}" (${v.kind})`, body: v.body });
  if (p.volumeHelper) {
    steps.push({
      call: `POST /containers/create?name=${p.volumeHelper.name}`,
      description: 'A helper (never started) that mounts the volumes',
      body: p.volumeHelper.body,
    });
    steps.push({
      call: `PUT /containers/${p.volumeHelper.name}/archive?path=/`,
      description: `Write ${p.volumeHelper.files.length} file(s), make emptyDirs writable for every user`,
    });
    steps.push({ call: `DELETE /containers/${p.volumeHelper.name}`, description: 'Remove the helper' });
  }
  steps.push({
    call: `POST /containers/create?name=${p.infra.name}`,
    description: 'Create the infra container',
    body: p.infra.body,
  });
  steps.push({
    call: `POST /containers/${p.infra.name}/start`,
    description: 'Start it: it owns the network, IPC and hostname',
  });
  for (const c of p.init) {
    steps.push({
      call: `POST /containers/create?name=${c.name}`,
      description: `Create ${c.role} container "${c.container}"`,
      body: c.body,
    });
    if (c.role === 'sidecar') {
      steps.push({
        call: `POST /containers/${c.name}/start`,
        description: `Start sidecar "${c.container}" and keep it running`,
      });
    } else {
      steps.push({
        call: `POST /containers/${c.name}/start`,
        description: `Run init container "${c.container}"`,
      });
      // not-running, registered after start, cannot miss a fast exit the way a late next-exit can.
      steps.push({
        call: `POST /containers/${c.name}/wait?condition=not-running`,
        description: 'Wait for it to exit; then inspect its exit code: non-zero stops the Pod',
      });
    }
  }
  for (const c of p.apps)
    steps.push({
      call: `POST /containers/create?name=${c.name}`,
      description: `Create app container "${c.container}"`,
      body: c.body,
    });
  for (const c of p.apps)
    steps.push({
      call: `POST /containers/${c.name}/start`,
      description: `Start "${c.container}" (in parallel with the other apps)`,
    });
  return steps;
}
