import type { Locale } from '../../core/model/locale';
import { fold } from './normalize';

/**
 * Function words that carry no topic, per language (folded). FAQ retrieval drops them so that
 * "how do I vote?" and "how are results computed?" are not close just for sharing "how".
 * "Who" and "when" are kept: they decide the topic (who can vote, when voting ends).
 */
const LISTS: Record<Locale, string> = {
  en: `a an the of to in on at for and or but is are was were be been am do does did i me my you your we our it
    its this that these those there here can could would should will shall may might must have has had with
    about from by as so if then than please just also any some what how where which why get got`,
  el: `ο η το οι τα του της των τον την τη στο στη στην στον στα στους στις σε με και ή να θα δεν μη μην που πως
    πώς τι ένα ένας μια μία για από είναι ειμαι είσαι έχω εχει έχει μου σου μας σας τους της αυτό αυτή αυτός
    εγώ εσύ μπορώ μπορεί κάτι πολύ λίγο παρακαλώ πού`,
  bg: `и в във на за от до с със по при към а но или ли да не е са съм си сме сте беше бяха ще то той тя те
    ние вие аз ти ми ме му ѝ ни ви им го я ги се това тази този тези там тук как какво къде защо мога може
    моля много малко нещо`,
  cs: `a i o u v ve na do z ze s se k ke ke za pro po pod nad od ale nebo ani je jsou jsem jsi jsme jste byl
    byla bylo být bude budou to ten ta ty tu tam tady jak co kde proč který která které můj moje tvůj
    mi mě mu jí nás vás jim si sem můžu může mohu prosím moc trochu něco`,
};

const toSet = (text: string): ReadonlySet<string> =>
  new Set(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => fold(w)),
  );

export const STOPWORDS: Record<Locale, ReadonlySet<string>> = {
  en: toSet(LISTS.en),
  el: toSet(LISTS.el),
  bg: toSet(LISTS.bg),
  cs: toSet(LISTS.cs),
};
