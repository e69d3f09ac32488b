// Certificates for the stand-in's TLS, made fresh for each start with Debian's openssl (run with an argument vector,
// never a shell): a CA, the server's certificate for 127.0.0.1 and localhost, and a client certificate per user that
// signs in with one (CN = user name, O = groups, as the API server reads them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificates {
  dir: string;
  caFile: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clients: Record<string, { certFile: string; keyFile: string }>;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Makes a CA, a server certificate and one client certificate per name (with its groups). */
export function makeCertificates(clients: { name: string; groups?: string[] }[], dir = mkdtempSync(join(tmpdir(), 'podwright-standin-'))): Certificates {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=podwright-standin-ca'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver'], dir);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext'], dir);
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  const out: Certificates['clients'] = {};
  for (const client of clients) {
    const base = `client-${client.name.replace(/[^a-z0-9-]/gi, '_')}`;
    const subject = `/CN=${client.name}${(client.groups ?? []).map((g) => `/O=${g}`).join('')}`;
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subject], dir);
    openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${base}.crt`, '-days', '2', '-extfile', 'client.ext'], dir);
    out[client.name] = { certFile: join(dir, `${base}.crt`), keyFile: join(dir, `${base}.key`) };
  }
  return {
    dir,
    caFile: join(dir, 'ca.crt'),
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    serverCert: readFileSync(join(dir, 'server.crt'), 'utf8'),
    serverKey: readFileSync(join(dir, 'server.key'), 'utf8'),
    clients: out,
  };
}
