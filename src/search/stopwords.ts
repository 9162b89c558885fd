/**
 * Stop words, accent-folded (they are compared after folding). Both lists are
 * applied to every text because questions mix languages ("comment opt out").
 * Words that carry meaning here stay OUT of these lists on purpose: "out",
 * "off" (opt out, turn off), "long" (how long), "data", "temps", "new".
 */

export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if of to in on at by for with about from into onto over under as
  is are was were be been being am do does did doing done have has had having
  i me my mine myself you your yours yourself he him his she her hers it its itself
  we us our ours they them their theirs this that these those there here
  what whats which who whom whose when where why how
  can could would should will shall may might must
  not no nor so than then too very just also any all some such own same other others only
  s t d ll m re ve don doesn didn isn aren wasn weren won wouldn shouldn couldn cant
  get gets got let lets please tell know want wants need needs like much many really
  hi hello hey thanks thank yes ok okay im ive id youre
  say says said saying mean means meant exactly actually anyone someone something anything
  thing things stuff happen happens happened now still today currently`
    .split(/\s+/)
    .filter(Boolean),
);

export const FR_STOP_WORDS: ReadonlySet<string> = new Set(
  `le la les l un une des du de d au aux et ou mais donc ni car que qu qui quoi dont
  ce cet cette ces ca cela ceci c je j tu il elle on nous vous ils elles
  me m te se lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos
  en y a dans par pour sur sous avec sans chez entre vers
  est sont etre ete suis es sommes etes etait etaient sera seront serait
  ai as avons avez ont avoir eu fait faire fais
  ne pas plus moins tres trop aussi
  comment pourquoi quand quel quelle quels quelles combien
  peut peux peuvent pouvoir puis puisse veux veut voudrais vouloir dois doit
  si tout tous toute toutes meme comme alors ainsi deja encore
  dit dire disent exactement vraiment chose choses quelqu quelque quelques truc
  arrive passe maintenant actuellement aujourd hui bonjour salut merci svp oui non`
    .split(/\s+/)
    .filter(Boolean),
);

/** Elided French articles/pronouns glued to the next word by an apostrophe. */
export const FR_ELISIONS: ReadonlySet<string> = new Set([
  "l",
  "d",
  "j",
  "m",
  "n",
  "s",
  "t",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
]);
