// The short phrases that rules embed in messages as params: Kubernetes validation phrases (`problem`, "must be no more
// than 63 characters") and the usual users of host ports (`user`), by catalogue id (`rules.fieldProblems.<id>`), so
// the UI can translate them too.
export const fieldProblems: Readonly<Record<string, string>> = {
  max15: 'must be no more than 15 characters',
  max63: 'must be no more than 63 characters',
  max253: 'must be no more than 253 characters',
  noDots: 'must not contain dots',
  dns1123Label:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  dns1123Subdomain:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  portNameChars: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  portNameHyphens: 'must not contain consecutive hyphens',
  portNameLetter: 'must contain at least one letter (a-z)',
  portNameEnds: 'must not begin or end with a hyphen',
  relativePath: 'must be a relative path',
  noDotDot: "must not contain '..'",
  notString: 'must be a string',
  portRange: 'must be between 1 and 65535, inclusive',
  qualifiedName:
    "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'",
  prefixEmpty: 'prefix part must be non-empty',
  prefixMax253: 'prefix part must be no more than 253 characters',
  prefixSubdomain:
    "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  nameEmpty: 'name part must be non-empty',
  nameMax63: 'name part must be no more than 63 characters',
  namePart:
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  noLeadingDotDot: "must not start with '..'",
  seccompProfile: 'must be a valid seccomp profile',
  dns1123SubdomainUnderscore: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
  // Programs that commonly hold a host port (HOST_PORT_ADVICE's `user` param).
  userSsh: 'SSH',
  userDns: 'DNS resolvers',
  userWeb: 'local web servers',
  userDocker: 'the Docker Engine API',
  userDockerTls: 'the Docker Engine API (TLS)',
  userDev: 'development servers',
  userMysql: 'MySQL',
  userDevRegistry: 'development servers and registries',
  userPostgres: 'PostgreSQL',
  userRedis: 'Redis',
  userApiServer: 'the Kubernetes API server',
  userDevProxy: 'development servers and proxies',
  userKubelet: 'the kubelet',
  labelValue:
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
};

const ids = new Map(Object.entries(fieldProblems).map(([id, text]) => [text, id]));

/** The catalogue id of a phrase, or undefined for text the table does not know (shown as it is). */
export function fieldProblemId(text: string): string | undefined {
  return ids.get(text);
}
