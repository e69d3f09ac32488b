// Kubernetes' name, port and env syntax (apimachinery's util/validation), transcribed as small predicates.

const dns1123LabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePartRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const portNameCharsRe = /^[-a-z0-9]+$/;
const portNameLetterRe = /[a-z]/;
const strictEnvNameRe = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const configMapKeyRe = /^[-._a-zA-Z0-9]+$/;

/** The reason a name fails, in Kubernetes' words, or undefined when it is valid. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (dns1123LabelRe.test(value)) return undefined;
  if (value.includes('.')) return 'must not contain dots';
  return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
}

export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (dns1123SubdomainRe.test(value)) return undefined;
  return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
}

export const isDNS1123Label = (value: string): boolean => dns1123LabelProblem(value) === undefined;
export const isDNS1123Subdomain = (value: string): boolean => dns1123SubdomainProblem(value) === undefined;

/** IANA_SVC_NAME (RFC 6335), as `IsValidPortName` checks it. */
export function portNameProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > 15) return 'must be no more than 15 characters';
  if (!portNameCharsRe.test(value)) return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
  if (value.includes('--')) return 'must not contain consecutive hyphens';
  if (!portNameLetterRe.test(value)) return 'must contain at least one letter (a-z)';
  if (value.startsWith('-') || value.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/**
 * `IsQualifiedName`: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. The first of
 * its reasons, in Kubernetes' words (without the regex), or undefined when the value is valid.
 */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2)
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'";
  const name = parts.at(-1) ?? '';
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253) return 'prefix part must be no more than 253 characters';
    if (!dns1123SubdomainRe.test(prefix))
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!qualifiedNamePartRe.test(name))
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

export const isQualifiedName = (value: string): boolean => qualifiedNameProblem(value) === undefined;

const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `IsValidLabelValue`: empty, or at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!labelValueRe.test(value))
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

/** 1.34 (RelaxedEnvironmentVariableValidation GA): any printable ASCII except `=`. */
export function isRelaxedEnvVarName(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126 || c === 61) return false;
  }
  return true;
}

/** The pre-1.32 rule, kept to explain why a name would fail on an older cluster. */
export function isStrictEnvVarName(value: string): boolean {
  return strictEnvNameRe.test(value) && value !== '.' && value !== '..' && !value.startsWith('..');
}

export function isConfigMapKey(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    configMapKeyRe.test(value) &&
    value !== '.' &&
    value !== '..' &&
    !value.startsWith('..')
  );
}

export function isValidPortNum(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * A relative path with no `..` element (`validateLocalDescendingPath` + `validatePathNoBacksteps`). The API server
 * runs on Linux, where `filepath.ToSlash` leaves a backslash alone, so `a\\..\\b` is one harmless name.
 */
export function localPathProblem(value: string): string | undefined {
  if (value.startsWith('/')) return 'must be a relative path';
  if (hasBackstep(value)) return "must not contain '..'";
  return undefined;
}

/** `validatePathNoBacksteps`: a `..` element between slashes. */
export function hasBackstep(value: string): boolean {
  return value.split('/').includes('..');
}
