import { generateClinicKeys, ToolError } from '../api/index';
import { formatHelp, parseFlags, UsageError } from './args';
import type { Command } from './command';

const FLAGS = {
  out: { type: 'string', help: 'Folder for the key pair (created if missing; an existing key is never overwritten)' },
  json: { type: 'boolean', help: 'Print machine-readable JSON' },
} as const;

const USAGE = 'dbt-coach keys generate-clinic --out <folder> [--json]';
const SUMMARY =
  "Makes the clinic's Ed25519 signing key for model bundles (docs/clinic-guide.md).\n" +
  'Writes clinic-signing-key.pem (PKCS#8 PEM, readable only by you: keep it off the clinic machines)\n' +
  'and clinic-public-key.txt (base64, goes into the policy file as clinicPublicKeys).';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Make the clinic signing key for model bundles',
  async run(argv) {
    if (argv.includes('--help')) {
      console.log(formatHelp(USAGE, SUMMARY, FLAGS));
      return 0;
    }
    const { flags, rest } = parseFlags(argv, FLAGS);
    if (rest[0] !== 'generate-clinic' || rest.length > 1) throw new UsageError('Say generate-clinic');
    if (!flags.out) throw new UsageError("'keys generate-clinic' needs --out <folder>");
    try {
      const k = await generateClinicKeys(flags.out);
      if (flags.json) {
        console.log(JSON.stringify(k, null, 2));
        return 0;
      }
      console.log(
        [
          `Private key: ${k.privateKeyFile} (mode 0600; keep it safe and offline, never on a clinic machine)`,
          `Public key:  ${k.publicKey}`,
          `Fingerprint: ${k.fingerprint}`,
          '',
          'For the policy file:',
          `  "requireSignedModelBundles": true,`,
          `  "clinicPublicKeys": [{ "label": "Clinic bundles", "publicKey": "${k.publicKey}" }]`,
        ].join('\n'),
      );
      return 0;
    } catch (e) {
      if (!(e instanceof ToolError)) throw e;
      console.error(`${e.code}: ${e.message}`);
      return 1;
    }
  },
};
