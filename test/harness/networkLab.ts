// The machine as an enterprise network looks to VS Code, for the network suite (test/host/network): two host names
// for the sandbox, a TLS-inspecting proxy's CA and the sandbox front's CA trusted through the system store, and
// HTTPS_PROXY / NO_PROXY in the environment. Nothing on the machine changes: code-server runs in a private mount
// namespace where a copy of /etc/hosts and of the CA bundle that VS Code reads on Linux are bind-mounted over the
// originals. The proxies themselves are started by the suite, on the ports chosen here.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** Reached through the proxies (VS Code never proxies localhost or 127.0.0.1). */
export const PROXIED_HOST = 'sandbox.azure-backup.test';
/** In NO_PROXY: reached directly. */
export const DIRECT_HOST = 'direct.azure-backup.test';
/** The bundle @vscode/proxy-agent reads first on Linux for http.systemCertificates. */
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** What the suite reads from the file named by AZB_NETWORK_LAB. */
export interface NetworkLab {
  dir: string;
  ports: { front: number; proxy: number; authProxy: number; inspectingProxy: number };
  proxyUser: string;
  proxyPassword: string;
  /** The sandbox front's certificate (for both host names) and key; its CA is the certificate itself. */
  frontCert: string;
  frontKey: string;
  /** mitmproxy's configuration folder, holding its CA (key and certificate). */
  inspectingConfDir: string;
  inspectingCaCert: string;
}

export interface PreparedLab {
  lab: NetworkLab;
  env: Record<string, string>;
  /** Command prefix that runs code-server inside the private mount namespace. */
  wrap: string[];
}

/** A new RSA key and a two-day self-signed CA certificate for it (extensions: the key usages, then `extra`). */
function selfSignedCa(
  keyFile: string,
  certFile: string,
  commonName: string,
  keyUsage: string,
  extra: string[] = [],
): void {
  const extensions = [...extra, 'basicConstraints=critical,CA:TRUE', `keyUsage=critical,${keyUsage}`];
  openssl([
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2'],
    ...['-subj', `/CN=${commonName}`],
    ...extensions.flatMap((e) => ['-addext', e]),
  ]);
}

export async function prepareNetworkLab(runDir: string): Promise<PreparedLab> {
  const dir = path.join(runDir, 'network');
  fs.mkdirSync(dir, { recursive: true });
  const frontKey = path.join(dir, 'front.key');
  const frontCert = path.join(dir, 'front.crt');
  selfSignedCa(frontKey, frontCert, 'Azure Backup test sandbox front', 'digitalSignature,keyEncipherment,keyCertSign', [
    `subjectAltName=DNS:${PROXIED_HOST},DNS:${DIRECT_HOST}`,
  ]);
  const inspectingConfDir = path.join(dir, 'mitmproxy');
  fs.mkdirSync(inspectingConfDir, { recursive: true });
  const caKey = path.join(dir, 'inspecting-ca.key');
  const inspectingCaCert = path.join(dir, 'inspecting-ca.crt');
  selfSignedCa(caKey, inspectingCaCert, 'Azure Backup test inspecting proxy CA', 'keyCertSign,cRLSign');
  fs.writeFileSync(
    path.join(inspectingConfDir, 'mitmproxy-ca.pem'),
    fs.readFileSync(caKey, 'utf8') + fs.readFileSync(inspectingCaCert, 'utf8'),
  );

  const bundle = path.join(dir, 'ca-certificates.crt');
  const system = fs.existsSync(SYSTEM_BUNDLE) ? fs.readFileSync(SYSTEM_BUNDLE, 'utf8') : '';
  const original = path.join(dir, 'original-ca-certificates.crt');
  fs.writeFileSync(original, system);
  fs.writeFileSync(
    bundle,
    `${system}\n${fs.readFileSync(frontCert, 'utf8')}\n${fs.readFileSync(inspectingCaCert, 'utf8')}`,
  );
  const hosts = path.join(dir, 'hosts');
  fs.writeFileSync(hosts, `${fs.readFileSync('/etc/hosts', 'utf8')}\n127.0.0.1 ${PROXIED_HOST} ${DIRECT_HOST}\n`);

  const [front, proxy, authProxy, inspectingProxy] = await freePorts(4);
  const lab: NetworkLab = {
    dir,
    ports: { front, proxy, authProxy, inspectingProxy },
    proxyUser: 'backuptester',
    proxyPassword: 's3cretpass',
    frontCert,
    frontKey,
    inspectingConfDir,
    inspectingCaCert,
  };
  const labFile = path.join(dir, 'lab.json');
  fs.writeFileSync(labFile, JSON.stringify(lab, null, 2));
  // A mount target must exist; on a machine without the bundle, VS Code would read none, and so does the lab.
  if (!fs.existsSync(SYSTEM_BUNDLE)) throw new Error(`${SYSTEM_BUNDLE} is missing: install ca-certificates`);
  const script =
    'mount --bind "$1" /etc/ssl/certs/ca-certificates.crt && mount --bind "$2" /etc/hosts && shift 2 && exec "$@"';
  const unshare = process.getuid?.() === 0 ? ['unshare', '--mount'] : ['unshare', '--map-root-user', '--mount'];
  return {
    lab,
    env: {
      AZB_NETWORK_LAB: labFile,
      HTTPS_PROXY: `http://127.0.0.1:${proxy}`,
      NO_PROXY: DIRECT_HOST,
      // Node's own trust must not see the lab's CAs, so that only VS Code's reading of the system store can trust
      // them: no extra CA file (empty is unset for Node), and OpenSSL's default file (for a Node built to use it)
      // the bundle as it was.
      NODE_EXTRA_CA_CERTS: '',
      SSL_CERT_FILE: original,
    },
    wrap: [...unshare, '--', 'sh', '-c', script, 'sh', bundle, hosts],
  };
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Ports free now on 127.0.0.1 (held open together, so that they differ). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
