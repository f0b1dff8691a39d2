import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type SelfSigned = { certificate: string; privateKey: string };

/** A fresh self-signed certificate (P-256, one day) for a DNS name, made by the openssl CLI. */
export function selfSigned(name: string): SelfSigned {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`],
        ...['-addext', `subjectAltName=DNS:${name}`],
      ],
      { stdio: 'ignore' },
    );
    return { certificate: fs.readFileSync(cert, 'utf8'), privateKey: fs.readFileSync(key, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
