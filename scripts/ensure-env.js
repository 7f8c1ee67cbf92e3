#!/usr/bin/env node
// First run: write a .env with freshly generated secrets when none exists.
// The .env is never committed; .env.example documents every variable.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const secret = () => crypto.randomBytes(24).toString('base64');

function envText() {
  return [
    '# Written by scripts/ensure-env.js on first run. Never commit this file.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'STRAPI_TELEMETRY_DISABLED=true',
    'PMO_CURRENCY=EUR',
    '',
  ].join('\n');
}

function ensureEnv(appDir = path.join(__dirname, '..')) {
  const file = path.join(appDir, '.env');
  if (fs.existsSync(file)) return false;
  fs.writeFileSync(file, envText(), { mode: 0o600 });
  return true;
}

module.exports = { ensureEnv };

if (require.main === module) {
  if (ensureEnv()) console.log('Wrote .env with freshly generated secrets.');
}
