import { Schema } from 'mongoose';
import type { LocalizedText } from '../../../core/model/locale';
import { LOCALES } from '../../../core/model/locale';
import { SUBDOCUMENT_OPTIONS } from '../schema-options';

/** Text in several languages: one optional string per supported locale, nothing else. */
export const localizedTextSchema = new Schema<LocalizedText>(
  Object.fromEntries(LOCALES.map((locale) => [locale, { type: String }])),
  SUBDOCUMENT_OPTIONS,
);
