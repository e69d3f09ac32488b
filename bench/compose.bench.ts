// Compose import: every file of the Compose corpus (../shared/testdata/compose) read as a design, side files
// included, and a Compose project's worth of running containers mapped the same way. Goal: each file under a second.
import type { ContainerDetails } from '../shared/api/imports';
import { readComposeProject, readContainers } from '../shared/manifest/compose';
import { composeCorpus, readCorpusFile } from '../shared/manifest/compose/corpus.test-support';
import { detail, time, type Benchmark, type Metric } from './harness';

/** A container as inspect describes it, for the containers mapping. */
function container(i: number): ContainerDetails {
  return {
    id: i.toString(16).padStart(64, 'a'),
    name: `shop-svc${i}-1`,
    image: `registry.example/svc${i}:1`,
    running: true,
    config: {
      hostname: i.toString(16).padStart(12, 'a'),
      domainname: '',
      user: '',
      env: ['PATH=/bin', `INDEX=${i}`, 'MODE=prod'],
      cmd: ['serve', `--port=${8000 + i}`],
      entrypoint: null,
      workingDir: '/app',
      labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': `svc${i}` },
      exposedPorts: [`${8000 + i}/tcp`],
      tty: false,
      openStdin: false,
    },
    hostConfig: {
      networkMode: i % 2 === 1 ? `container:${(i - 1).toString(16).padStart(64, 'a')}` : 'shop_default',
      ipcMode: 'private',
      pidMode: '',
      portBindings: {},
      restartPolicy: { name: 'always', maximumRetryCount: 0 },
      privileged: false,
      readonlyRootfs: false,
      capAdd: [],
      capDrop: [],
      memory: 256 * 1024 * 1024,
      memoryReservation: 0,
      nanoCpus: 500_000_000,
      cpuQuota: 0,
      cpuPeriod: 0,
      shmSize: 64 * 1024 * 1024,
      sysctls: {},
      extraHosts: [],
      dns: [],
      dnsSearch: [],
      dnsOptions: [],
      tmpfs: {},
    },
    mounts: [{ type: 'volume', name: 'shop_data', source: '/var/lib/docker/volumes/shop_data/_data', destination: `/data/${i}`, rw: true }],
    networks: [],
  };
}

const bench: Benchmark = {
  id: 'compose',
  title: 'Compose import: the corpus files and running containers as designs',
  issue: 19,
  async run(ctx) {
    const metrics: Metric[] = [];
    let slowest = { path: '', median: 0 };
    let total = 0;
    for (const { path } of composeCorpus) {
      // Side files are read once, as the CLI reads them; the timing is the reader alone.
      const read = readCorpusFile(path);
      const source = { name: read.file, files: read.files, env: {}, compose: { directory: read.directory } };
      const t = await time(() => readComposeProject(read.text, source), 10, 2);
      total += t.median;
      if (t.median > slowest.median) slowest = { path, median: t.median };
      ctx.log(`${path}: ${t.median.toFixed(1)} ms (${read.read.pods.length} Pods)`);
    }
    metrics.push({
      name: `slowest of the ${composeCorpus.length} corpus files (${slowest.path})`,
      value: slowest.median,
      unit: 'ms',
      goal: { value: 1000, better: 'lower' },
    });
    metrics.push({ name: 'all corpus files, one after another', value: total, unit: 'ms' });
    const containers = Array.from({ length: 100 }, (_, i) => container(i));
    const mapped = await time(() => readContainers(containers), 10, 2);
    metrics.push({
      name: '100 running containers (50 Pods of two) into a design',
      value: mapped.median,
      unit: 'ms',
      detail: detail(mapped),
    });
    return metrics;
  },
};

export default bench;
