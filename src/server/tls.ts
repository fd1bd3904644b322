/**
 * HTTPS for the hall network: the server's certificate, supplied (`--cert FILE --key FILE`, or DAIHOI_TLS_CERT and
 * DAIHOI_TLS_KEY) or generated on the first start into the data folder (`tls/cert.pem`, `tls/key.pem`, mode 0600)
 * and kept. A generated certificate is signed by itself: no authority vouches for it, so the desks compare its
 * SHA-256 fingerprint — printed at start, as a QR code in the console and on a sheet to print — with the one their
 * browser shows before they sign in.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

export interface HallCertificate {
  readonly cert: string;
  readonly key: string;
  /** "AB:CD:…", the SHA-256 of the certificate (what browsers show). */
  readonly fingerprint: string;
  /** Where it is: the files. */
  readonly certFile: string;
  readonly keyFile: string;
  /** Made by this start (the first one). */
  readonly generated: boolean;
}

export interface CertificateSource {
  /** The data folder (a generated certificate is kept in its `tls` folder). */
  readonly dataDir: string;
  /** A certificate and key of one's own (PEM files): both or neither. */
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
}

const YEARS_VALID = 5;

const readPem = async (path: string): Promise<string | null> => {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

/** The certificate's SHA-256 fingerprint, once it is read and its key is the key given. */
const fingerprintOf = (cert: string, key: string): Result<string, RuleError> => {
  try {
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      return err(ruleError('tls.key-mismatch', 'Khóa riêng không khớp với chứng chỉ TLS.', 'The private key does not match the TLS certificate.', 'key'));
    }
    return ok(x509.fingerprint256);
  } catch (e) {
    return err(ruleError('tls.certificate', `Chứng chỉ TLS không đọc được (${e instanceof Error ? e.message : String(e)}).`,
      `The TLS certificate cannot be read (${e instanceof Error ? e.message : String(e)}).`, 'cert'));
  }
};

/** The names a desk may use to reach the server: localhost, this machine's name and its IPv4 addresses. */
const hallNames = (): Array<{ type: 2; value: string } | { type: 7; ip: string }> => {
  const ips = Object.values(networkInterfaces()).flat().flatMap((i) => (i !== undefined && i.family === 'IPv4' ? [i.address] : []));
  return [
    { type: 2 as const, value: 'localhost' }, { type: 2 as const, value: hostname() },
    ...[...new Set(['127.0.0.1', ...ips])].map((ip) => ({ type: 7 as const, ip })),
  ];
};

const generate = async (certFile: string, keyFile: string): Promise<{ cert: string; key: string }> => {
  const { generate: make } = await import('selfsigned');
  const now = new Date();
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + YEARS_VALID);
  const pems = await make([{ name: 'commonName', value: `Đại Hội ${hostname()}` }, { name: 'organizationName', value: 'Đại Hội' }], {
    keySize: 2048, algorithm: 'sha256', notBeforeDate: now, notAfterDate: until,
    extensions: [
      { name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: hallNames() },
    ],
  });
  await mkdir(dirname(certFile), { recursive: true });
  await writeFile(keyFile, pems.private, { mode: 0o600 });
  await writeFile(certFile, pems.cert, { mode: 0o644 });
  return { cert: pems.cert, key: pems.private };
};

/** The certificate to serve: the one supplied, else the one kept in the data folder, else a new one kept there. */
export const hallCertificate = async (source: CertificateSource): Promise<Result<HallCertificate, RuleError>> => {
  const supplied = source.certFile !== undefined || source.keyFile !== undefined;
  if (supplied && (source.certFile === undefined || source.keyFile === undefined)) {
    return err(ruleError('tls.pair', 'Cần cả --cert TỆP và --key TỆP (chứng chỉ và khóa riêng).', 'Both --cert FILE and --key FILE are needed.', 'cert'));
  }
  const certFile = source.certFile ?? join(source.dataDir, 'tls', 'cert.pem');
  const keyFile = source.keyFile ?? join(source.dataDir, 'tls', 'key.pem');
  let cert = await readPem(certFile);
  let key = await readPem(keyFile);
  let generated = false;
  if (cert === null || key === null) {
    if (supplied) {
      return err(ruleError('tls.missing', `Không có tệp chứng chỉ hoặc khóa: ${cert === null ? certFile : keyFile}.`,
        `The certificate or key file is missing: ${cert === null ? certFile : keyFile}.`, cert === null ? 'cert' : 'key'));
    }
    ({ cert, key } = await generate(certFile, keyFile));
    generated = true;
  }
  const fingerprint = fingerprintOf(cert, key);
  if (!fingerprint.ok) return fingerprint;
  return ok({ cert, key, fingerprint: fingerprint.value, certFile, keyFile, generated });
};
