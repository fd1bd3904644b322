/**
 * What HTTPS in the hall adds around the server: plain HTTP answering only with a redirect to HTTPS (a desk that
 * types the address without https:// still ends up on the encrypted server, and no password travels in clear), and
 * the certificate's fingerprint for the desks — in the console as text and a QR code, and on a sheet to print
 * (PDF in the data folder).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { renderCertificateSheet } from '../documents/pdf/certificate-pdf.ts';
import { dataDirFromEnv } from '../store/db.ts';
import type { HallCertificate } from './tls.ts';

export const CERTIFICATE_SHEET = 'dau-van-tay-chung-chi.pdf';

/** The host the browser asked for (without its port), when it is a plain name or address; else the server's own. */
const askedHost = (req: IncomingMessage, fallback: string): string => {
  const host = (req.headers.host ?? '').replace(/:\d+$/u, '');
  return /^[A-Za-z0-9.-]{1,253}$/u.test(host) || /^\[[0-9A-Fa-f:.]{2,45}\]$/u.test(host) ? host : fallback;
};

/** Plain HTTP on `port` answering every request with 308 to the same path on HTTPS. */
export const startRedirect = (host: string, port: number, httpsPort: number): Promise<Server> => new Promise((resolve, reject) => {
  const fallback = host === '0.0.0.0' ? 'localhost' : host;
  const server = createServer((req, res) => {
    res.writeHead(308, { location: `https://${askedHost(req, fallback)}:${httpsPort}${req.url ?? '/'}`, 'content-length': '0', connection: 'close' });
    res.end();
  });
  server.once('error', reject);
  server.listen(port, host, () => resolve(server));
});

/** The addresses a desk can use: this host, or every IPv4 address of the machine when listening on all. */
const addresses = (host: string, port: number): string[] => {
  const hosts = host === '0.0.0.0'
    ? Object.values(networkInterfaces()).flat().flatMap((i) => (i !== undefined && i.family === 'IPv4' && !i.internal ? [i.address] : []))
    : [];
  return [...(hosts.length === 0 ? [host === '0.0.0.0' ? 'localhost' : host] : hosts)].map((h) => `https://${h}:${port}`);
};

/** The fingerprint as the console shows it (with a QR code), after writing the sheet for the desks. */
export const showCertificate = async (tls: HallCertificate, host: string, port: number): Promise<string> => {
  const dir = join(dataDirFromEnv(), 'tls');
  await mkdir(dir, { recursive: true });
  const sheet = join(dir, CERTIFICATE_SHEET);
  await writeFile(sheet, await renderCertificateSheet({ fingerprint: tls.fingerprint, addresses: addresses(host, port), date: new Date().toISOString().slice(0, 10) }));
  const qr = await QRCode.toString(`SHA256:${tls.fingerprint}`, { type: 'terminal', small: true });
  const made = tls.generated ? `Đã tạo chứng chỉ mới / new certificate: ${tls.certFile}\n` : `Chứng chỉ / certificate: ${tls.certFile}\n`;
  return `${made}Dấu vân tay SHA-256 / SHA-256 fingerprint: ${tls.fingerprint}\n${qr}`
    + `Tờ in cho các bàn làm việc / sheet to print for the desks: ${sheet}\n`;
};
