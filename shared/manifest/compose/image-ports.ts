// The ports well-known images listen on (their Dockerfile's EXPOSE), for services that declare none: in Compose every
// service is reachable by name on any port, but a Kubernetes Service must name its ports.

const KNOWN: Readonly<Record<string, readonly number[]>> = {
  postgres: [5432],
  'postgis/postgis': [5432],
  mysql: [3306],
  mariadb: [3306],
  mongo: [27017],
  redis: [6379],
  'valkey/valkey': [6379],
  memcached: [11211],
  rabbitmq: [5672],
  'docker.elastic.co/elasticsearch/elasticsearch': [9200, 9300],
  elasticsearch: [9200, 9300],
  'docker.elastic.co/kibana/kibana': [5601],
  'docker.elastic.co/logstash/logstash': [5044, 9600],
  nginx: [80],
  httpd: [80],
  wordpress: [80],
  zookeeper: [2181],
  cassandra: [9042],
  influxdb: [8086],
  'grafana/grafana': [3000],
  'prom/prometheus': [9090],
  'mcr.microsoft.com/mssql/server': [1433],
  'clickhouse/clickhouse-server': [8123, 9000],
  nats: [4222],
  adminer: [8080],
  consul: [8500],
};

/** The repository of an image reference: no registry `docker.io/library/`, no tag, no digest. */
export function imageRepository(image: string): string {
  let repo = image.split('@')[0]!;
  const lastSlash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > lastSlash) repo = repo.slice(0, colon);
  return repo.replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
}

/** The ports a well-known image listens on, or [] when the image is not one of them. */
export function knownImagePorts(image: string | undefined): readonly number[] {
  return image ? (KNOWN[imageRepository(image)] ?? []) : [];
}
