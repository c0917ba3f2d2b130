#!/usr/bin/env node
// Verifies a signed log checkpoint offline, with nothing but node:crypto.
//
//   node docs/verify-log-checkpoint.mjs checkpoint.json keys.json
//
// checkpoint.json: the document the tenant kept: the `document` of a LogCheckpoint (portal: Audit log,
//                  Checkpoints, Download; GraphQL `logCheckpoints`), or the `data` of an `audit.checkpoint`
//                  webhook: { "payload": "<canonical JSON as signed>", "keyId": "<kid>", "signature": "<base64url>", … }
// keys.json:       the platform's attestation keys, GET /platform/attestation-keys ({ "keys": [ JWK … ] })
//
// Prints what the checkpoint states and exits 0 when the signature checks; prints why and exits 1 when not.
// Only the payload counts (RFC 8785 canonical JSON, verified byte for byte as received); the fields beside
// it are for reading. A checkpoint proves that the log had reached `sequence`, whose record's chained hash
// was `headHash`: a log that now ends before it, or holds another record there, was cut short or rewritten.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [checkpointFile, keysFile] = process.argv.slice(2);
if (!checkpointFile || !keysFile) {
  console.error('usage: node verify-log-checkpoint.mjs checkpoint.json keys.json');
  process.exit(2);
}
const checkpoint = JSON.parse(readFileSync(checkpointFile, 'utf8'));
const { keys } = JSON.parse(readFileSync(keysFile, 'utf8'));
const jwk = (keys ?? []).find((k) => k.kid === checkpoint.keyId);
if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
  console.error(`NOT VERIFIED: no Ed25519 key ${checkpoint.keyId} in the key set`);
  process.exit(1);
}
if (typeof checkpoint.payload !== 'string' || typeof checkpoint.signature !== 'string') {
  console.error('NOT VERIFIED: not a log checkpoint (no payload or signature)');
  process.exit(1);
}
const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
const authentic = verify(null, Buffer.from(checkpoint.payload, 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
if (!authentic) {
  console.error('NOT VERIFIED: the signature does not match the payload (changed, or signed by another key)');
  process.exit(1);
}
const facts = JSON.parse(checkpoint.payload);
if (facts.format !== 'chancery.log-checkpoint/1') {
  console.error(`NOT VERIFIED: signed, but not a log checkpoint (${facts.format})`);
  process.exit(1);
}
const chain = `${facts.chain === 'AUDIT' ? 'audit log' : 'personal-data access log'} of ${facts.tenantId === null ? 'the platform' : `tenant ${facts.tenantId}`}`;
console.log(`VERIFIED: the ${chain} had reached entry ${facts.sequence} (hash ${facts.headHash}) at ${facts.checkpointedAt}`);
