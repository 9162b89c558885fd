import type { Locale } from "../core/types.js";
import { PERMISSION_LABELS, type PermissionName } from "../store/permissions.js";

/** Every string the FAQ feature says. Both languages have every key (the type checks it). */
const en = {
  notInGuild: "FAQ messages live in server channels: this command only works in a server.",
  permissionsTitle: "Missing permissions",
  memberMissing:
    "You need **Pin Messages** or **Manage Messages** in this channel to manage FAQ messages.",
  botMissing:
    "I can't do this in this channel: I am missing {perms}. Ask an admin to grant me these permissions here (channel settings → Permissions), then try again.",
  unknownTopicTitle: "Unknown topic",
  unknownTopic: "`{topic}` is not a FAQ topic. Pick one from the list.",
  postedTitle: "FAQ posted",
  updatedTitle: "FAQ updated in place",
  posted: "Posted **{title}** ({lang}) in {channel}.",
  updated:
    "A FAQ message for **{title}** ({lang}) already existed in {channel}, so I edited it in place instead of posting a duplicate.",
  recreated:
    "The previous FAQ message for this topic had been deleted by hand: I forgot it and posted a new one.",
  pinnedNow: "It is pinned.",
  notPinnedByChoice: "It is not pinned (you asked for `pin: false`).",
  keptPinState: "Its pin was left as it was.",
  versionLine: "Written from knowledge version `{version}`.",
  jump: "Jump to the message",
  pinFailedTitle: "Posted, but NOT pinned",
  pinFailed:
    "The message is posted and recorded as not pinned, but Discord refused the pin: {reason}",
  pinLimitReplace:
    "Press the button to unpin the oldest FAQ pin in this channel ({oldest}) and pin this one instead.",
  pinLimitNoFaq:
    "None of the pinned messages here is one of my FAQ messages: unpin one by hand, then run `/faq post` again.",
  pinRetry: "Fix it, then run `/faq post` again: it edits this message and pins it.",
  refusalUnknownMessage: "the message no longer exists (deleted by hand; Discord code 10008).",
  refusalUnknownChannel: "the channel no longer exists (Discord code 10003).",
  refusalPinLimit:
    "the channel already has the maximum number of pinned messages (50; Discord code 30003).",
  refusalMissingAccess:
    "I can't see this channel (Missing Access, Discord code 50001): give me View Channel here.",
  refusalMissingPermissions:
    "I lack a permission for this (Missing Permissions, Discord code 50013): I need View Channel, Send Messages, Embed Links and Pin Messages in this channel.",
  refusalOther: "Discord refused the request (code {code}, HTTP status {status}).",
  postFailedTitle: "Nothing was posted",
  postFailed: "I could not post the FAQ message: {reason} Nothing was posted or recorded.",
  editFailedTitle: "Nothing was changed",
  editFailed: "I could not update the existing FAQ message: {reason} It was left as it was.",
  unpinnedTitle: "FAQ unpinned",
  unpinned:
    "Unpinned **{title}** ({lang}) in {channel}. The message stays; `/faq post` pins it again.",
  noFaqHereTitle: "No FAQ message here",
  noFaqHere: "There is no FAQ message for **{title}** ({lang}) in this channel.",
  goneTitle: "FAQ message deleted",
  gone: "That FAQ message was deleted by hand, so I removed it from my records. `/faq post` posts a new one.",
  unpinFailedTitle: "Not unpinned",
  unpinFailed: "I could not unpin it: {reason}",
  listTitle: "FAQ messages in this server",
  listEmpty: "No FAQ messages yet. Post one with `/faq post`.",
  listOutdated: "⚠️ outdated",
  listNotPinned: "not pinned",
  listSummaryOutdated:
    "**{outdated} of {total}** are behind the current knowledge (`{version}`): `/faq refresh` updates them in place.",
  listSummaryCurrent: "All {total} are up to date with knowledge version `{version}`.",
  listMore: "…and {count} more.",
  listLine: "{channel} · **{title}** · {lang} · version `{version}` · [message]({link})",
  refreshTitle: "FAQ refresh",
  refreshNothing: "There are no FAQ messages in this server.",
  refreshUpdated: "Updated in place",
  refreshUpdatedLine: "{channel} · {title} ({lang}): `{from}` → `{to}`",
  refreshCurrent: "{count} already up to date with knowledge version `{version}`.",
  refreshNoneOutdated: "Nothing to update.",
  refreshDropped: "Deleted by hand (forgotten)",
  refreshUnpinned: "No longer pinned (recorded)",
  refreshFailed: "Could not update",
  refreshFailedLine: "{channel} · {title} ({lang}): {reason}",
  statsTitle: "FAQ stats, last {days} days",
  statsQuestions: "Questions",
  statsQuestionsValue: "{total} asked · {answered} answered · {unanswered} unanswered",
  statsPerTopic: "Questions per topic",
  statsUnanswered: "Most frequent unanswered questions",
  statsHelpfulness: "Helpfulness per topic (👍 / 👎)",
  statsNone: "None in this period.",
  statsNoTopic: "no topic",
  statsScope:
    "Only this server's questions and votes; questions are stored without user or channel, and direct messages are never counted here.",
  ownerOnlyTitle: "Owner only",
  ownerOnly: "Only the bot's owner can reload the knowledge.",
  ownerUnset:
    "Reloading from Discord is disabled: `OWNER_ID` is not set in the bot's configuration.",
  reloadUnavailable: "This bot was started without a reloadable knowledge folder.",
  reloadedTitle: "Knowledge reloaded",
  reloaded: "Now serving knowledge version `{version}` (was `{previous}`).",
  reloadChanged: "Answers that changed: {topics}.",
  reloadUnchanged: "No answer changed.",
  reloadOutdated:
    "{count} FAQ message(s) in this server are now outdated: `/faq list` shows them, `/faq refresh` updates them.",
  reloadFailedTitle: "Knowledge NOT reloaded",
  reloadFailed: "The new knowledge is invalid, so I kept serving version `{version}`.",
  reloadFile: "File",
  reloadField: "Field",
  reloadProblem: "Problem",
  answeredTitle: "Answered",
  answered: "I replied to the message.",
  emptyMessageTitle: "Nothing to answer",
  emptyMessage: "That message has no text I can answer (images, files and embeds are not read).",
  notAnsweredNote:
    "I could not match that message to a topic, so I posted nothing in the channel. Only you see this.",
  replaceButton: "Replace the oldest FAQ pin",
  replacedTitle: "Pin replaced",
  replaced: "Unpinned {old} and pinned {new}.",
  restoredOld: "I pinned {old} again, so the channel's pins are as they were.",
  staleButtonTitle: "Out of date",
  staleButton: "This button is out of date: the FAQ messages changed since. Run `/faq post` again.",
  dmUnavailable: "This works only in a server channel where I can post.",
  unknownSubcommandTitle: "Unknown command",
  unknownSubcommand:
    "`/faq {name}` does not exist (any more): your Discord client may show an old list of commands. Restart it and try again.",
};

type FaqMessageKey = keyof typeof en;

const fr: Record<FaqMessageKey, string> = {
  notInGuild:
    "Les messages FAQ vivent dans les salons d'un serveur : cette commande ne marche que dans un serveur.",
  permissionsTitle: "Permissions manquantes",
  memberMissing:
    "Il vous faut **Épingler des messages** ou **Gérer les messages** dans ce salon pour gérer les messages FAQ.",
  botMissing:
    "Je ne peux pas le faire dans ce salon : il me manque {perms}. Demandez à un admin de m'accorder ces permissions ici (paramètres du salon → Permissions), puis réessayez.",
  unknownTopicTitle: "Sujet inconnu",
  unknownTopic: "`{topic}` n'est pas un sujet de FAQ. Choisissez-en un dans la liste.",
  postedTitle: "FAQ publiée",
  updatedTitle: "FAQ mise à jour sur place",
  posted: "**{title}** ({lang}) publiée dans {channel}.",
  updated:
    "Un message FAQ pour **{title}** ({lang}) existait déjà dans {channel} : je l'ai modifié sur place au lieu d'en publier un doublon.",
  recreated:
    "L'ancien message FAQ de ce sujet avait été supprimé à la main : je l'ai oublié et j'en ai publié un nouveau.",
  pinnedNow: "Il est épinglé.",
  notPinnedByChoice: "Il n'est pas épinglé (vous avez demandé `épingler: false`).",
  keptPinState: "Son épinglage n'a pas changé.",
  versionLine: "Rédigé d'après la version `{version}` des connaissances.",
  jump: "Aller au message",
  pinFailedTitle: "Publié, mais PAS épinglé",
  pinFailed:
    "Le message est publié et noté comme non épinglé, mais Discord a refusé l'épinglage : {reason}",
  pinLimitReplace:
    "Appuyez sur le bouton pour désépingler la plus ancienne FAQ épinglée de ce salon ({oldest}) et épingler celle-ci à la place.",
  pinLimitNoFaq:
    "Aucun des messages épinglés ici n'est un de mes messages FAQ : désépinglez-en un à la main, puis relancez `/faq post`.",
  pinRetry: "Corrigez-le, puis relancez `/faq post` : il modifiera ce message et l'épinglera.",
  refusalUnknownMessage: "le message n'existe plus (supprimé à la main ; code Discord 10008).",
  refusalUnknownChannel: "le salon n'existe plus (code Discord 10003).",
  refusalPinLimit:
    "le salon a déjà le nombre maximal de messages épinglés (50 ; code Discord 30003).",
  refusalMissingAccess:
    "je ne vois pas ce salon (Missing Access, code Discord 50001) : donnez-moi « Voir le salon » ici.",
  refusalMissingPermissions:
    "il me manque une permission (Missing Permissions, code Discord 50013) : il me faut « Voir le salon », « Envoyer des messages », « Intégrer des liens » et « Épingler des messages » dans ce salon.",
  refusalOther: "Discord a refusé la requête (code {code}, statut HTTP {status}).",
  postFailedTitle: "Rien n'a été publié",
  postFailed: "Je n'ai pas pu publier le message FAQ : {reason} Rien n'a été publié ni enregistré.",
  editFailedTitle: "Rien n'a changé",
  editFailed:
    "Je n'ai pas pu mettre à jour le message FAQ existant : {reason} Il est resté tel quel.",
  unpinnedTitle: "FAQ désépinglée",
  unpinned:
    "**{title}** ({lang}) désépinglée dans {channel}. Le message reste ; `/faq post` l'épingle à nouveau.",
  noFaqHereTitle: "Pas de message FAQ ici",
  noFaqHere: "Il n'y a pas de message FAQ pour **{title}** ({lang}) dans ce salon.",
  goneTitle: "Message FAQ supprimé",
  gone: "Ce message FAQ a été supprimé à la main, je l'ai donc retiré de mes enregistrements. `/faq post` en publie un nouveau.",
  unpinFailedTitle: "Pas désépinglé",
  unpinFailed: "Je n'ai pas pu le désépingler : {reason}",
  listTitle: "Messages FAQ de ce serveur",
  listEmpty: "Aucun message FAQ pour l'instant. Publiez-en un avec `/faq post`.",
  listOutdated: "⚠️ périmé",
  listNotPinned: "non épinglé",
  listSummaryOutdated:
    "**{outdated} sur {total}** sont en retard sur les connaissances actuelles (`{version}`) : `/faq refresh` les met à jour sur place.",
  listSummaryCurrent: "Les {total} sont à jour avec la version `{version}` des connaissances.",
  listMore: "…et {count} de plus.",
  listLine: "{channel} · **{title}** · {lang} · version `{version}` · [message]({link})",
  refreshTitle: "Actualisation des FAQ",
  refreshNothing: "Il n'y a aucun message FAQ dans ce serveur.",
  refreshUpdated: "Mis à jour sur place",
  refreshUpdatedLine: "{channel} · {title} ({lang}) : `{from}` → `{to}`",
  refreshCurrent: "{count} déjà à jour avec la version `{version}` des connaissances.",
  refreshNoneOutdated: "Rien à mettre à jour.",
  refreshDropped: "Supprimés à la main (oubliés)",
  refreshUnpinned: "Plus épinglés (noté)",
  refreshFailed: "Pas pu mettre à jour",
  refreshFailedLine: "{channel} · {title} ({lang}) : {reason}",
  statsTitle: "Statistiques FAQ, {days} derniers jours",
  statsQuestions: "Questions",
  statsQuestionsValue: "{total} posées · {answered} avec réponse · {unanswered} sans réponse",
  statsPerTopic: "Questions par sujet",
  statsUnanswered: "Questions sans réponse les plus fréquentes",
  statsHelpfulness: "Utilité par sujet (👍 / 👎)",
  statsNone: "Aucune sur cette période.",
  statsNoTopic: "sans sujet",
  statsScope:
    "Seulement les questions et votes de ce serveur ; les questions sont enregistrées sans utilisateur ni salon, et les messages privés n'y figurent jamais.",
  ownerOnlyTitle: "Réservé au propriétaire",
  ownerOnly: "Seul le propriétaire du bot peut recharger les connaissances.",
  ownerUnset:
    "Le rechargement depuis Discord est désactivé : `OWNER_ID` n'est pas défini dans la configuration du bot.",
  reloadUnavailable: "Ce bot a été démarré sans dossier de connaissances rechargeable.",
  reloadedTitle: "Connaissances rechargées",
  reloaded: "Version `{version}` des connaissances en service (avant : `{previous}`).",
  reloadChanged: "Réponses modifiées : {topics}.",
  reloadUnchanged: "Aucune réponse n'a changé.",
  reloadOutdated:
    "{count} message(s) FAQ de ce serveur sont désormais périmés : `/faq list` les montre, `/faq refresh` les met à jour.",
  reloadFailedTitle: "Connaissances NON rechargées",
  reloadFailed:
    "Les nouvelles connaissances sont invalides : je garde la version `{version}` en service.",
  reloadFile: "Fichier",
  reloadField: "Champ",
  reloadProblem: "Problème",
  answeredTitle: "Réponse envoyée",
  answered: "J'ai répondu au message.",
  emptyMessageTitle: "Rien à répondre",
  emptyMessage:
    "Ce message n'a pas de texte auquel je puisse répondre (images, fichiers et intégrations ne sont pas lus).",
  notAnsweredNote:
    "Je n'ai rattaché ce message à aucun sujet, je n'ai donc rien publié dans le salon. Vous seul voyez ceci.",
  replaceButton: "Remplacer la plus ancienne FAQ épinglée",
  replacedTitle: "Épinglage remplacé",
  replaced: "{old} désépinglé et {new} épinglé.",
  restoredOld: "J'ai réépinglé {old} : les épingles du salon sont comme avant.",
  staleButtonTitle: "Bouton périmé",
  staleButton: "Ce bouton est périmé : les messages FAQ ont changé depuis. Relancez `/faq post`.",
  dmUnavailable: "Cela ne marche que dans un salon de serveur où je peux écrire.",
  unknownSubcommandTitle: "Commande inconnue",
  unknownSubcommand:
    "`/faq {name}` n'existe pas (ou plus) : votre client Discord affiche peut-être une ancienne liste de commandes. Redémarrez-le et réessayez.",
};

export type { FaqMessageKey };

const MESSAGES: Record<Locale, Record<FaqMessageKey, string>> = { en, fr };

/** A FAQ string with `{name}` placeholders filled from `vars`. */
export function ft(
  locale: Locale,
  key: FaqMessageKey,
  vars: Record<string, string | number> = {},
): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Permission names as each language's Discord client shows them. */
const PERMISSION_NAMES: Record<Locale, Record<PermissionName, string>> = {
  // English: exactly what Discord's client shows.
  en: PERMISSION_LABELS,
  fr: {
    Administrator: "Administrateur",
    ViewChannel: "Voir le salon",
    SendMessages: "Envoyer des messages",
    ManageMessages: "Gérer les messages",
    EmbedLinks: "Intégrer des liens",
    ReadMessageHistory: "Voir les anciens messages",
    SendMessagesInThreads: "Envoyer des messages dans les fils",
    PinMessages: "Épingler des messages",
  },
};

/** "**Embed Links** and **Pin Messages**", in the reader's language. */
export function permissionList(locale: Locale, names: readonly PermissionName[]): string {
  const labels = names.map((name) => `**${PERMISSION_NAMES[locale][name] ?? name}**`);
  if (labels.length <= 1) return labels.join("");
  const and = locale === "fr" ? " et " : " and ";
  return `${labels.slice(0, -1).join(", ")}${and}${labels[labels.length - 1]}`;
}

export function languageName(locale: Locale, lang: Locale): string {
  const names = { fr: { fr: "français", en: "anglais" }, en: { fr: "French", en: "English" } };
  return names[locale][lang];
}
