import type { Locale } from '../../../core/model/locale';
import { bg } from './bg';
import { cs } from './cs';
import { el } from './el';
import type { Catalog } from './en';
import { en } from './en';

export type { Catalog } from './en';

const CATALOGS: Record<Locale, Catalog> = { en, el, bg, cs };

export const catalog = (l: Locale): Catalog => CATALOGS[l];
