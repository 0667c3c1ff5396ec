// A message in every language of the catalogue, made where a problem is found and shown
// in the language the terminal (or the report) chooses later. The English and Spanish
// catalogues of a module have one type, so a message missing in one language is a type
// error; `localize` turns the pair into functions that return both texts at once.
import type { Locale } from '../spec/schema.js';

export type Localized = { readonly [L in Locale]: string };

/** A message: plain text (a reason from a library, the same in every language) or localized. */
export type Text = string | Localized;

/** A catalogue: one function per message, from its details to its words. */
export type Catalogue = { readonly [key: string]: (...args: never[]) => string };

export type LocalizedCatalogue<C extends Catalogue> = {
  readonly [K in keyof C]: (...args: Parameters<C[K]>) => Localized;
};

/** The functions of a catalogue, each writing its message in every language. */
export function localize<C extends Catalogue>(catalogues: {
  readonly en: C;
  readonly es: NoInfer<C>;
}): LocalizedCatalogue<C> {
  const out: Record<string, (...args: never[]) => Localized> = {};
  for (const [key, en] of Object.entries(catalogues.en)) {
    const es = catalogues.es[key];
    if (es === undefined) throw new Error(`internal: no Spanish for message ${key}`);
    out[key] = (...args) => ({ en: en(...args), es: es(...args) });
  }
  return out as LocalizedCatalogue<C>;
}

/** The same words in every language: a reason a library gave, a name. */
export const untranslated = (text: string): Localized => ({ en: text, es: text });

export const textIn = (text: Text, locale: Locale): string => (typeof text === 'string' ? text : text[locale]);

export const localized = (text: Text): Localized => (typeof text === 'string' ? untranslated(text) : text);

/** Texts joined in each language: `join(' ', a, b)`. */
export const joinTexts = (separator: string, ...texts: Text[]): Localized => ({
  en: texts.map((t) => textIn(t, 'en')).join(separator),
  es: texts.map((t) => textIn(t, 'es')).join(separator),
});
