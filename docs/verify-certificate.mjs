#!/usr/bin/env node
// Verifies a signed certificate of origin offline, with nothing but node:crypto.
//
//   node docs/verify-certificate.mjs certificate.json keys.json
//
// certificate.json: { "payload": "<signedPayload as issued>", "signature": "<base64url>", "keyId": "<kid>" }
//                   (the fields `signedPayload`, `signature` and `keyId` of a CertificateOfOrigin)
// keys.json:        the chamber's key set, GET /certificates/keys/<chamber slug>  ({ "keys": [ JWK … ] })
//
// Prints the certificate number and exits 0 when the signature checks; prints why and exits 1 when not.
// The payload is RFC 8785 canonical JSON: it is verified exactly as received, byte for byte.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [certificateFile, keysFile] = process.argv.slice(2);
if (!certificateFile || !keysFile) {
  console.error('usage: node verify-certificate.mjs certificate.json keys.json');
  process.exit(2);
}
const certificate = JSON.parse(readFileSync(certificateFile, 'utf8'));
const { keys } = JSON.parse(readFileSync(keysFile, 'utf8'));
const payload = certificate.payload ?? certificate.signedPayload;
const jwk = keys.find((k) => k.kid === certificate.keyId);
if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
  console.error(`NOT VERIFIED: no Ed25519 key ${certificate.keyId} in the key set`);
  process.exit(1);
}
const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
const authentic = verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(certificate.signature, 'base64url'));
if (!authentic) {
  console.error('NOT VERIFIED: the signature does not match the content (changed, or signed by another key)');
  process.exit(1);
}
const content = JSON.parse(payload);
console.log(`VERIFIED: ${content.number}, issued ${content.issuedAt} by ${content.issuingChamber.name}${jwk.retiredAt ? ' (key since retired; it still verifies what it signed)' : ''}`);
console.log('Its current status (revoked? superseded?) is online: GraphQL verifyCertificate, or the QR link.');
