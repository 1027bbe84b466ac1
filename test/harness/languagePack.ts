// Makes a fresh code-server run speak another display language offline, from a language-pack fixture
// (test/fixtures/language-pack-<language>) instead of a Marketplace download.
//
// How VS Code 1.100 / code-server 4.100 resolve the language:
// - The server renders the workbench page with a locale taken from `--locale`, else argv.json's "locale",
//   else the `vscode.nls.locale` cookie, else the browser's Accept-Language.
// - For a non-English locale it looks the language up (with fallback nl-BE -> nl) in
//   <user-data-dir>/languagepacks.json; with a usable entry it builds clp/<hash>.<lang>/<commit>/nls.messages.js,
//   which sets globalThis._VSCODE_NLS_LANGUAGE in the browser. Without one the page gets the English
//   messages and the workbench's language stays 'en', whatever `--locale` says.
// - The workbench starts the extension host with its own language, which becomes vscode.env.language and
//   selects package.nls.<lang>.json and l10n/bundle.l10n.<lang>.json.
// - languagepacks.json is written only by the language-pack service of a running server after an install
//   through that server (the UI); `code-server --install-extension` does not write it. So we install the
//   fixture by copying it into the extensions folder and write the index entry the same way VS Code would.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

interface Localization {
  languageId: string;
  languageName?: string;
  localizedLanguageName?: string;
  translations: { id: string; path: string }[];
}

interface PackManifest {
  publisher: string;
  name: string;
  version: string;
  contributes?: { localizations?: Localization[] };
}

/** One entry of languagepacks.json, in the shape VS Code's LanguagePacksCache writes. */
interface LanguagePackEntry {
  hash: string;
  extensions: { extensionIdentifier: { id: string }; version: string }[];
  translations: Record<string, string>;
  label?: string;
}

/** From out/test/harness; not imported from codeServer.ts, which imports this module. */
export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

/** True for locales that need no pack: VS Code's own strings and every extension's defaults are English. */
export function isEnglish(locale: string): boolean {
  return locale.toLowerCase().startsWith('en');
}

/** The fixture for a locale, trying the same fallbacks as VS Code (nl-be, then nl). */
export function languagePackFixture(locale: string): string | undefined {
  for (let tag = locale.toLowerCase(); tag; tag = tag.includes('-') ? tag.slice(0, tag.lastIndexOf('-')) : '') {
    const dir = path.join(FIXTURES, `language-pack-${tag}`);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

/**
 * Installs the language pack for `locale` into a run's (fresh) extensions and user-data folders.
 * Returns the installed folder, or undefined for English. Throws when no fixture covers the locale,
 * because a run that silently falls back to English would make a localization test meaningless.
 */
export function installLanguagePack(
  locale: string,
  dirs: { userData: string; extensions: string },
): string | undefined {
  if (isEnglish(locale)) return undefined;
  const fixture = languagePackFixture(locale);
  if (!fixture) {
    throw new Error(
      `No language pack fixture for locale '${locale}': add test/fixtures/language-pack-<language> (like language-pack-nl)`,
    );
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(fixture, 'package.json'), 'utf8')) as PackManifest;
  const localizations = manifest.contributes?.localizations ?? [];
  if (!localizations.length) throw new Error(`${fixture}/package.json contributes no localizations`);

  // A copy, not a link: the run folder then holds exactly what that run used.
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(dirs.extensions, `${id}-${manifest.version}`);
  fs.rmSync(installed, { recursive: true, force: true });
  fs.cpSync(fixture, installed, { recursive: true });

  const indexFile = path.join(dirs.userData, 'languagepacks.json');
  const index = fs.existsSync(indexFile)
    ? (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as Record<string, LanguagePackEntry>)
    : {};
  for (const l of localizations) {
    const translations: Record<string, string> = {};
    for (const t of l.translations) {
      const file = path.join(installed, t.path);
      if (!fs.existsSync(file)) throw new Error(`${fixture}: translations file ${t.path} is missing`);
      translations[t.id] = file;
    }
    // The server only uses a pack whose 'vscode' translations exist; the hash names its message cache.
    if (!translations.vscode)
      throw new Error(`${fixture}: the ${l.languageId} localization needs translations for id 'vscode'`);
    index[l.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations,
      label: l.localizedLanguageName ?? l.languageName,
    };
  }
  fs.writeFileSync(indexFile, JSON.stringify(index));
  return installed;
}
