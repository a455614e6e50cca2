/**
 * What mail clients write when a user forwards a mail (MAIL-FACTS.md, "Forward wrappers"), as data.
 * Adding a client or a language is adding rows here, plus a fixture named after it.
 *
 * Every row names its `source`: the client's own localisation data where it is public (Thunderbird,
 * Thunderbird for Android), else a public parser's samples of real clients (crisp-oss/email-forward-parser,
 * MIT; alfonsrv/mail-parser-reply, MIT; closeio/quotequail, MIT). Only the strings are taken, no code.
 * A row whose source says `unconfirmed` was found nowhere; it is kept only where it cannot read the
 * forwarder's own words (a dashed line still needs a header block under it).
 *
 * Not found anywhere, so absent on purpose: the forward wrappers of Naver, Daum/Kakao and Yahoo! JAPAN,
 * and Gmail, Apple Mail and Yahoo in Korean, Japanese and Chinese. A Korean or Japanese forward whose
 * separator is unknown is still read when its header labels are (the bare `From:`…`Subject:` fallback).
 */

export type MailClient =
  | 'gmail'
  | 'outlook'
  | 'outlook-classic'
  | 'outlook-mac'
  | 'apple'
  | 'thunderbird'
  | 'thunderbird-android'
  | 'yahoo'
  | 'hubspot';

/**
 * Yahoo's text part runs the quoted header onto one line, each label glued to the previous value
 * (`From: A <a@b>To: x@ySent: …Subject: …`). Its labels after the first, in the order Yahoo writes them,
 * exactly as written (case matters: they are found inside values).
 */
export interface RunTogether {
  readonly labels: readonly string[];
  /** Labels Yahoo wrote without their colon in the samples (pt `Assunto`, pl `Dw`). */
  readonly bare?: readonly string[];
}

export interface ForwardMarker {
  readonly client: MailClient;
  readonly language: string;
  /** The marker as the client writes it, without its dashes; compared lowercased, spaces collapsed. */
  readonly phrase: string;
  /** Where the strings were taken from. */
  readonly source: string;
  /** Yahoo's labels, when this marker's header is run together on one line. */
  readonly runTogether?: RunTogether;
  /**
   * Dashes before the phrase, where clients share a phrase: Gmail and HubSpot write 10, Thunderbird 8,
   * Yahoo 5. Only used to tell them apart; any count still matches the phrase.
   */
  readonly leftDashes?: number;
}

/** Thunderbird desktop: separator in composeMsgs.properties, labels and "Original Message" in mime.properties. */
const TB_COMPOSE = (l: string): string =>
  `Thunderbird l10n: thunderbird-l10n/${l}/mail/chrome/messenger/messengercompose/composeMsgs.properties`;
const TB_MIME = (l: string): string =>
  `Thunderbird l10n: thunderbird-l10n/${l}/mail/chrome/messenger/mime.properties`;
/** Thunderbird for Android (K-9 Mail): `message_compose_quote_header_*` strings. */
const K9 = (l: string): string =>
  `Thunderbird for Android: thunderbird-android/legacy/ui/legacy/src/main/res/values${l ? `-${l}` : ''}/strings.xml`;
const CRISP = (sample: string): string => `crisp-oss/email-forward-parser (MIT) sample ${sample}`;
const MPR = (l: string): string =>
  `alfonsrv/mail-parser-reply (MIT) mailparser_reply/constants.py, ${l} (labels per language, not per client)`;
const QUOTEQUAIL = 'closeio/quotequail (MIT) quotequail/_patterns.py';

/**
 * Lines like `---------- Forwarded message ---------`: the phrase between the dashes. Thunderbird, Yahoo,
 * Gmail and HubSpot share phrases; `leftDashes` tells them apart, and the first row of a phrase is the
 * default for other dash counts.
 */
// biome-ignore format: a table reads best one row a line
export const DASHED_MARKERS: readonly ForwardMarker[] = [
  // Gmail writes its separator in English in every UI language; only the From label is localised.
  { client: 'gmail', language: '*', phrase: 'Forwarded message', leftDashes: 10, source: CRISP('gmail_<de|es|fr|it|nl|pl|pt|pt_br|ru|…>_body.txt') },
  // The 10-dash localised separators once listed as Gmail's are HubSpot's in the samples.
  { client: 'hubspot', language: 'de', phrase: 'Weitergeleitete Nachricht', leftDashes: 10, source: CRISP('hubspot_de_body.txt') },
  { client: 'hubspot', language: 'fr', phrase: 'Message transféré', leftDashes: 10, source: CRISP('hubspot_fr_body.txt') },

  { client: 'thunderbird', language: 'en', phrase: 'Forwarded Message', leftDashes: 8, source: TB_COMPOSE('en-GB') },
  // Japanese Thunderbird keeps the English separator and labels.
  { client: 'thunderbird', language: 'ja', phrase: 'Forwarded Message', leftDashes: 8, source: TB_COMPOSE('ja') },
  { client: 'thunderbird', language: 'de', phrase: 'Weitergeleitete Nachricht', leftDashes: 8, source: TB_COMPOSE('de') },
  { client: 'thunderbird', language: 'fr', phrase: 'Message transféré', leftDashes: 8, source: TB_COMPOSE('fr') },
  { client: 'thunderbird', language: 'es', phrase: 'Mensaje reenviado', leftDashes: 8, source: TB_COMPOSE('es-ES') },
  { client: 'thunderbird', language: 'pt-BR', phrase: 'Mensagem encaminhada', leftDashes: 8, source: TB_COMPOSE('pt-BR') },
  { client: 'thunderbird', language: 'pt-PT', phrase: 'Mensagem reencaminhada', leftDashes: 8, source: TB_COMPOSE('pt-PT') },
  { client: 'thunderbird', language: 'it', phrase: 'Messaggio Inoltrato', leftDashes: 8, source: TB_COMPOSE('it') },
  { client: 'thunderbird', language: 'nl', phrase: 'Doorgestuurd bericht', leftDashes: 8, source: TB_COMPOSE('nl') },
  // Three dashes each side, not eight.
  { client: 'thunderbird', language: 'pl', phrase: 'Treść przekazanej wiadomości', leftDashes: 3, source: TB_COMPOSE('pl') },
  { client: 'thunderbird', language: 'ru', phrase: 'Перенаправленное сообщение', leftDashes: 8, source: TB_COMPOSE('ru') },
  { client: 'thunderbird', language: 'ko', phrase: '전달된 메시지', leftDashes: 8, source: TB_COMPOSE('ko') },
  { client: 'thunderbird', language: 'zh-CN', phrase: '转发的消息', leftDashes: 8, source: TB_COMPOSE('zh-CN') },
  { client: 'thunderbird', language: 'zh-TW', phrase: '轉寄郵件', leftDashes: 8, source: TB_COMPOSE('zh-TW') },
  { client: 'thunderbird', language: 'cs', phrase: 'Přeposlaná zpráva', leftDashes: 8, source: TB_COMPOSE('cs') },
  { client: 'thunderbird', language: 'da', phrase: 'Videresendt meddelelse', leftDashes: 8, source: TB_COMPOSE('da') },
  { client: 'thunderbird', language: 'fi', phrase: 'Välitetty viesti / Fwd.Msg', leftDashes: 8, source: TB_COMPOSE('fi') },
  { client: 'thunderbird', language: 'hr', phrase: 'Proslijeđena poruka', leftDashes: 8, source: TB_COMPOSE('hr') },
  { client: 'thunderbird', language: 'hu', phrase: 'Továbbított üzenet', leftDashes: 8, source: TB_COMPOSE('hu') },
  { client: 'thunderbird', language: 'nb', phrase: 'Videresendt melding', leftDashes: 8, source: TB_COMPOSE('nb-NO') },
  { client: 'thunderbird', language: 'sv', phrase: 'Vidarebefordrat meddelande', leftDashes: 8, source: TB_COMPOSE('sv-SE') },
  { client: 'thunderbird', language: 'tr', phrase: 'İletilen İleti', leftDashes: 8, source: TB_COMPOSE('tr') },
  { client: 'thunderbird', language: 'uk', phrase: 'Переслане повідомлення', leftDashes: 8, source: TB_COMPOSE('uk') },
  { client: 'thunderbird', language: 'ro', phrase: 'Mesaj redirecționat', leftDashes: 8, source: TB_COMPOSE('ro') },
  { client: 'thunderbird', language: 'sk', phrase: 'Preposlaná správa --- Forwarded Message', leftDashes: 8, source: TB_COMPOSE('sk') },
  { client: 'thunderbird', language: 'el', phrase: 'Προωθημένο μήνυμα', leftDashes: 8, source: TB_COMPOSE('el') },

  // Outlook classic's separator (5 dashes, no spaces) before Thunderbird's "Original Message" of the same words.
  { client: 'outlook-classic', language: 'en', phrase: 'Original Message', leftDashes: 5, source: QUOTEQUAIL },
  { client: 'outlook-classic', language: 'de', phrase: 'Ursprüngliche Nachricht', leftDashes: 5, source: QUOTEQUAIL },
  { client: 'outlook-classic', language: 'es', phrase: 'Mensaje original', leftDashes: 5, source: QUOTEQUAIL },
  { client: 'outlook-classic', language: 'da', phrase: 'Oprindelig meddelelse', leftDashes: 5, source: MPR('da') },
  { client: 'outlook-classic', language: 'fr', phrase: "Message d'origine", leftDashes: 5, source: 'unconfirmed: no public sample found' },

  // Thunderbird's "Original Message" (mime.properties 1041): forwards of Thunderbird before ~31, and of
  // locales without a forward string.
  { client: 'thunderbird', language: 'en', phrase: 'Original Message', leftDashes: 8, source: TB_MIME('en-GB') },
  { client: 'thunderbird', language: 'de', phrase: 'Original-Nachricht', leftDashes: 8, source: TB_MIME('de') },
  { client: 'thunderbird', language: 'es', phrase: 'Mensaje original', leftDashes: 8, source: TB_MIME('es-ES') },
  { client: 'thunderbird', language: 'fr', phrase: 'Message original', leftDashes: 8, source: TB_MIME('fr') },
  { client: 'thunderbird', language: 'pt', phrase: 'Mensagem original', leftDashes: 8, source: TB_MIME('pt-BR') },
  { client: 'thunderbird', language: 'it', phrase: 'Messaggio originale', leftDashes: 8, source: TB_MIME('it') },
  { client: 'thunderbird', language: 'nl', phrase: 'Oorspronkelijk bericht', leftDashes: 8, source: TB_MIME('nl') },
  { client: 'thunderbird', language: 'pl', phrase: 'Wiadomość oryginalna', leftDashes: 6, source: TB_MIME('pl') },
  { client: 'thunderbird', language: 'ru', phrase: 'Исходное сообщение', leftDashes: 8, source: TB_MIME('ru') },
  // Four spaces each side of the words in the Korean string.
  { client: 'thunderbird', language: 'ko', phrase: '원본 메시지', leftDashes: 8, source: TB_MIME('ko') },
  { client: 'thunderbird', language: 'zh-CN', phrase: '原始信息', leftDashes: 8, source: TB_MIME('zh-CN') },
  { client: 'thunderbird', language: 'zh-TW', phrase: '原始郵件', leftDashes: 7, source: TB_MIME('zh-TW') },

  // Thunderbird for Android says "Original Message" for forwards too (8 dashes; Russian 6; zh-TW without spaces).
  { client: 'thunderbird-android', language: 'de', phrase: 'Ursprüngliche Nachricht', leftDashes: 8, source: K9('de') },
  { client: 'thunderbird-android', language: 'es', phrase: 'correo original', leftDashes: 8, source: K9('es') },
  { client: 'thunderbird-android', language: 'fr', phrase: 'Courriel initial', leftDashes: 8, source: K9('fr') },
  { client: 'thunderbird-android', language: 'ja', phrase: '元メール', leftDashes: 8, source: K9('ja') },
  { client: 'thunderbird-android', language: 'nl', phrase: 'Origineel bericht', leftDashes: 8, source: K9('nl') },
  { client: 'thunderbird-android', language: 'zh-CN', phrase: '原始邮件', leftDashes: 8, source: K9('zh-rCN') },
  { client: 'thunderbird-android', language: 'zh-TW', phrase: '原始郵件', leftDashes: 8, source: K9('zh-rTW') },
  { client: 'thunderbird-android', language: 'pl', phrase: 'Wiadomość oryginalna', leftDashes: 8, source: K9('pl') },
  { client: 'thunderbird-android', language: 'ru', phrase: 'Исходное сообщение', leftDashes: 6, source: K9('ru') },
  // Same words and dashes as Thunderbird desktop's "Original Message" rows above, which they resolve to.
  { client: 'thunderbird-android', language: 'en', phrase: 'Original Message', leftDashes: 8, source: K9('') },
  { client: 'thunderbird-android', language: 'pt-BR', phrase: 'Mensagem original', leftDashes: 8, source: K9('pt-rBR') },
  { client: 'thunderbird-android', language: 'it', phrase: 'Messaggio originale', leftDashes: 8, source: K9('it') },
  { client: 'thunderbird-android', language: 'ko', phrase: '원본 메시지', leftDashes: 8, source: K9('ko') },

  // Yahoo: 5 dashes, and the header run together on the same line or the next.
  { client: 'yahoo', language: 'en', phrase: 'Forwarded Message', leftDashes: 5, source: CRISP('yahoo_en_body.txt'), runTogether: { labels: ['To', 'Cc', 'Sent', 'Date', 'Subject'] } },
  { client: 'yahoo', language: 'de', phrase: 'Weitergeleitete Nachricht', leftDashes: 5, source: CRISP('yahoo_de_body.txt'), runTogether: { labels: ['An', 'CC', 'Gesendet', 'Betreff'] } },
  { client: 'yahoo', language: 'es', phrase: 'Mensaje reenviado', leftDashes: 5, source: CRISP('yahoo_es_body.txt'), runTogether: { labels: ['Para', 'CC', 'Enviado', 'Asunto'] } },
  { client: 'yahoo', language: 'fr', phrase: 'Message transmis', leftDashes: 5, source: CRISP('yahoo_fr_body.txt'), runTogether: { labels: ['À', 'Cc', 'Envoyé', 'Objet'] } },
  { client: 'yahoo', language: 'pt-PT', phrase: 'Mensagem reencaminhada', leftDashes: 5, source: CRISP('yahoo_pt_body.txt'), runTogether: { labels: ['Para', 'Cc', 'Enviado', 'Assunto'], bare: ['Assunto'] } },
  { client: 'yahoo', language: 'pt-BR', phrase: 'Mensagem encaminhada', leftDashes: 5, source: CRISP('yahoo_pt_br_body.txt'), runTogether: { labels: ['Para', 'Cc', 'Enviado', 'Assunto'], bare: ['Assunto'] } },
  { client: 'yahoo', language: 'it', phrase: 'Messaggio inoltrato', leftDashes: 5, source: CRISP('yahoo_it_body.txt'), runTogether: { labels: ['A', 'Cc', 'Inviato', 'Oggetto'] } },
  { client: 'yahoo', language: 'nl', phrase: 'Doorgestuurd bericht', leftDashes: 5, source: CRISP('yahoo_nl_body.txt'), runTogether: { labels: ['Aan', 'Cc', 'Verzonden', 'Onderwerp'] } },
  { client: 'yahoo', language: 'pl', phrase: 'Przekazana wiadomość', leftDashes: 5, source: CRISP('yahoo_pl_body.txt'), runTogether: { labels: ['Do', 'Dw', 'Wysłano', 'Temat'], bare: ['Dw'] } },
  { client: 'yahoo', language: 'ru', phrase: 'Пересылаемое сообщение', leftDashes: 5, source: CRISP('yahoo_ru_body.txt'), runTogether: { labels: ['Кому', 'Копия', 'Отправлено', 'Тема'] } },
];

/** Whole-line markers (Apple Mail), compared lowercased with ` :` normalised to `:`. */
// biome-ignore format: a table reads best one row a line
export const LINE_MARKERS: readonly ForwardMarker[] = [
  { client: 'apple', language: 'en', phrase: 'Begin forwarded message:', source: CRISP('apple_mail_en_body.txt') },
  { client: 'apple', language: 'fr', phrase: 'Début du message réexpédié :', source: CRISP('apple_mail_fr_body.txt') },
  { client: 'apple', language: 'fr', phrase: 'Début du message transféré :', source: `${CRISP('')} lib/parser.js "Apple Mail iOS (fr)"` },
  { client: 'apple', language: 'de', phrase: 'Anfang der weitergeleiteten Nachricht:', source: CRISP('apple_mail_de_body.txt') },
  { client: 'apple', language: 'de', phrase: 'Anfang der weitergeleiteten E-Mail:', source: QUOTEQUAIL },
  { client: 'apple', language: 'es', phrase: 'Inicio del mensaje reenviado:', source: CRISP('apple_mail_es_body.txt') },
  { client: 'apple', language: 'it', phrase: 'Inizio messaggio inoltrato:', source: CRISP('apple_mail_it_body.txt') },
  { client: 'apple', language: 'nl', phrase: 'Begin doorgestuurd bericht:', source: CRISP('apple_mail_nl_body.txt') },
  { client: 'apple', language: 'pt-PT', phrase: 'Início da mensagem reencaminhada:', source: CRISP('apple_mail_pt_body.txt') },
  { client: 'apple', language: 'pt-BR', phrase: 'Início da mensagem encaminhada:', source: CRISP('apple_mail_pt_br_body.txt') },
  { client: 'apple', language: 'pl', phrase: 'Początek przekazywanej wiadomości:', source: CRISP('apple_mail_pl_body.txt') },
  { client: 'apple', language: 'ru', phrase: 'Начало переадресованного сообщения:', source: CRISP('apple_mail_ru_body.txt') },
];

/** Outlook (.com, 365, Windows, mobile) separates with a line of underscores (32 in practice). */
export const UNDERSCORE_MARKER: ForwardMarker = {
  client: 'outlook',
  language: '*',
  phrase: '_',
  source: CRISP('outlook_live_body.txt'),
};
export const MIN_UNDERSCORES = 20;

export type HeaderField = 'from' | 'date' | 'subject' | 'to' | 'cc' | 'other';

/** The quoted header labels one client writes in one language, as written, without the colon. */
export interface LabelSet {
  readonly client: MailClient | '*';
  readonly language: string;
  readonly source: string;
  readonly from: readonly string[];
  readonly date: readonly string[];
  readonly subject: readonly string[];
  readonly to: readonly string[];
  readonly cc: readonly string[];
}

const set = (
  client: LabelSet['client'],
  language: string,
  source: string,
  [from, date, subject, to, cc]: readonly [string, string, string, string, string],
): LabelSet => ({
  client,
  language,
  source,
  from: [from],
  date: [date],
  subject: [subject],
  to: [to],
  cc: [cc],
});

/**
 * Quoted header labels, by client and language. The colon is not part of the label: clients write
 * `Label:`, `Label :` (French, with a space or U+00A0) or `Label：` (Chinese), all read alike. Labels not
 * in the table but shaped like one (`Reply-To:`) still belong to the header block, as `other`.
 * Tuples are [from, date, subject, to, cc].
 */
// biome-ignore format: a table reads best one row a line
export const LABEL_SETS: readonly LabelSet[] = [
  // Gmail localises only From; Date, Subject, To and Cc stay English.
  set('gmail', '*', CRISP('gmail_en_body.txt'), ['From', 'Date', 'Subject', 'To', 'Cc']),
  {
    client: 'gmail',
    language: '*',
    source: CRISP('gmail_<locale>_body.txt and lib/parser.js original_from'),
    from: ['Von', 'De', 'Da', 'Van', 'Od', 'От', 'Fra', 'Från', 'Lähettäjä', 'Šalje', 'Feladó', 'Saatja', 'De la', 'Gönderen', 'Від'],
    date: [],
    subject: [],
    to: [],
    cc: [],
  },

  // Thunderbird desktop: mime.properties keys 1009 From, 1007 Date, 1000 Subject, 1012 To, 1013 CC.
  set('thunderbird', 'en', TB_MIME('en-GB'), ['From', 'Date', 'Subject', 'To', 'CC']),
  set('thunderbird', 'de', TB_MIME('de'), ['Von', 'Datum', 'Betreff', 'An', 'Kopie (CC)']),
  set('thunderbird', 'es-ES', TB_MIME('es-ES'), ['De', 'Fecha', 'Asunto', 'Para', 'CC']),
  set('thunderbird', 'es-AR', TB_MIME('es-AR'), ['De', 'Fecha', 'Asunto', 'A', 'CC']),
  // Each French label ends in U+00A0: `Sujet\u00a0: …`.
  set('thunderbird', 'fr', TB_MIME('fr'), ['De', 'Date', 'Sujet', 'Pour', 'Copie à']),
  set('thunderbird', 'pt', TB_MIME('pt-BR, pt-PT'), ['De', 'Data', 'Assunto', 'Para', 'CC']),
  set('thunderbird', 'it', TB_MIME('it'), ['Mittente', 'Data', 'Oggetto', 'A', 'CC']),
  set('thunderbird', 'nl', TB_MIME('nl'), ['Van', 'Datum', 'Onderwerp', 'Aan', 'CC']),
  set('thunderbird', 'pl', TB_MIME('pl'), ['Nadawca', 'Data', 'Temat', 'Adresat', 'Kopia']),
  set('thunderbird', 'ru', TB_MIME('ru'), ['От', 'Дата', 'Тема', 'Кому', 'Копия']),
  set('thunderbird', 'ko', TB_MIME('ko'), ['보낸 사람', '날짜', '제목', '받는 사람', '참조']),
  set('thunderbird', 'zh-CN', TB_MIME('zh-CN'), ['发件人', '日期', '主题', '收件人', '抄送']),
  set('thunderbird', 'zh-TW', TB_MIME('zh-TW'), ['從', '日期', '主旨', '到', '副本']),
  set('thunderbird', 'cs', TB_MIME('cs'), ['Od', 'Datum', 'Předmět', 'Komu', 'Kopie']),
  set('thunderbird', 'da', TB_MIME('da'), ['Fra', 'Dato', 'Emne', 'Til', 'Kopi til (CC)']),
  set('thunderbird', 'fi', TB_MIME('fi'), ['Lähettäjä', 'Päiväys', 'Aihe', 'Vastaanottaja', 'CC']),
  set('thunderbird', 'hr', TB_MIME('hr'), ['Šalje', 'Datum', 'Naslov', 'Prima', 'CC']),
  set('thunderbird', 'hu', TB_MIME('hu'), ['Feladó', 'Dátum', 'Tárgy', 'Címzett', 'CC']),
  set('thunderbird', 'nb', TB_MIME('nb-NO'), ['Fra', 'Dato', 'Emne', 'Til', 'CC']),
  set('thunderbird', 'sv', TB_MIME('sv-SE'), ['Från', 'Datum', 'Ämne', 'Till', 'Kopia']),
  set('thunderbird', 'tr', TB_MIME('tr'), ['Kimden', 'Tarih', 'Konu', 'Kime', 'CC']),
  set('thunderbird', 'uk', TB_MIME('uk'), ['Від', 'Дата', 'Тема', 'Кому', 'CC']),
  set('thunderbird', 'ro', TB_MIME('ro'), ['de la', 'Dată', 'Subiect', 'Către', 'CC']),
  set('thunderbird', 'sk', TB_MIME('sk'), ['Od', 'Dátum', 'Predmet', 'Pre', 'Kópia']),
  set('thunderbird', 'el', TB_MIME('el'), ['Από', 'Ημερομηνία', 'Θέμα', 'Προς', 'Κοιν.']),

  // Thunderbird for Android: order From, Sent, To, Cc, Subject; the colon is part of the string (full
  // width in Chinese), which the label reading accepts either way.
  set('thunderbird-android', 'en', K9(''), ['From', 'Sent', 'Subject', 'To', 'Cc']),
  set('thunderbird-android', 'de', K9('de'), ['Von', 'Gesendet', 'Betreff', 'An', 'CC']),
  set('thunderbird-android', 'es', K9('es'), ['De', 'Enviado', 'Asunto', 'Para', 'Cc']),
  set('thunderbird-android', 'fr', K9('fr'), ['De', 'Envoyé', 'Objet', 'À', 'Cc']),
  set('thunderbird-android', 'pt', K9('pt-rBR, pt-rPT'), ['De', 'Enviado', 'Assunto', 'Para', 'Cc']),
  set('thunderbird-android', 'ko', K9('ko'), ['보낸 사람', '보낸 날짜', '제목', '받는 사람', '참조']),
  set('thunderbird-android', 'ja', K9('ja'), ['差出人', '送信日', '件名', '宛先', 'Cc']),
  set('thunderbird-android', 'it', K9('it'), ['Da', 'Inviato il', 'Oggetto', 'A', 'Cc']),
  set('thunderbird-android', 'nl', K9('nl'), ['Van', 'Verzonden', 'Onderwerp', 'Aan', 'Cc']),
  set('thunderbird-android', 'pl', K9('pl'), ['Od', 'Wysłane', 'Temat', 'Do', 'DW']),
  set('thunderbird-android', 'ru', K9('ru'), ['От', 'Отправлено', 'Тема', 'Кому', 'Копия']),
  set('thunderbird-android', 'zh-CN', K9('zh-rCN'), ['发件人', '发送时间', '主题', '收件人', '抄送']),
  set('thunderbird-android', 'zh-TW', K9('zh-rTW'), ['寄件者', '寄送日期', '主旨', '收件者', '副本']),

  // Apple Mail: every label localised; order From, Subject, Date, To, Cc.
  set('apple', 'en', CRISP('apple_mail_en_body.txt'), ['From', 'Date', 'Subject', 'To', 'Cc']),
  set('apple', 'de', CRISP('apple_mail_de_body.txt'), ['Von', 'Datum', 'Betreff', 'An', 'Kopie']),
  set('apple', 'es', CRISP('apple_mail_es_body.txt'), ['De', 'Fecha', 'Asunto', 'Para', 'Cc']),
  set('apple', 'fr', CRISP('apple_mail_fr_body.txt'), ['De', 'Date', 'Objet', 'À', 'Cc']),
  set('apple', 'pt', CRISP('apple_mail_pt_body.txt, apple_mail_pt_br_body.txt'), ['De', 'Data', 'Assunto', 'Para', 'Cc']),
  set('apple', 'it', CRISP('apple_mail_it_body.txt'), ['Da', 'Data', 'Oggetto', 'A', 'Cc']),
  set('apple', 'nl', CRISP('apple_mail_nl_body.txt'), ['Van', 'Datum', 'Onderwerp', 'Aan', 'Kopie']),
  set('apple', 'pl', CRISP('apple_mail_pl_body.txt'), ['Od', 'Data', 'Temat', 'Do', 'Dw']),
  set('apple', 'ru', CRISP('apple_mail_ru_body.txt'), ['Отправитель', 'Дата', 'Тема', 'Кому', 'Копия']),

  // Outlook for Mac ("New Outlook 2019" in the samples): no separator, `Date`, order From, Date, To, Cc, Subject.
  set('outlook-mac', 'de', CRISP('new_outlook_2019_de_body.txt'), ['Von', 'Datum', 'Betreff', 'An', 'Cc']),
  set('outlook-mac', 'es', CRISP('new_outlook_2019_es_body.txt'), ['De', 'Fecha', 'Asunto', 'Para', 'CC']),
  set('outlook-mac', 'fr', CRISP('new_outlook_2019_fr_body.txt'), ['De', 'Date', 'Objet', 'À', 'Cc']),
  set('outlook-mac', 'pt', CRISP('new_outlook_2019_pt_body.txt'), ['De', 'Data', 'Assunto', 'Para', 'CC']),
  set('outlook-mac', 'it', CRISP('new_outlook_2019_it_body.txt'), ['Da', 'Data', 'Oggetto', 'A', 'Cc']),
  set('outlook-mac', 'nl', CRISP('new_outlook_2019_nl_body.txt'), ['Van', 'Datum', 'Onderwerp', 'Aan', 'CC']),
  set('outlook-mac', 'pl', CRISP('new_outlook_2019_pl_body.txt'), ['Od', 'Data', 'Temat', 'Do', 'DW']),
  set('outlook-mac', 'ru', CRISP('new_outlook_2019_ru_body.txt'), ['От', 'Дата', 'Тема', 'Кому', 'Копия']),

  // Outlook web/365 and desktop: `Sent` for the date (web: English labels in every UI language).
  set('outlook', '*', CRISP('outlook_live_body.txt, outlook_2013_en_body.txt'), ['From', 'Sent', 'Subject', 'To', 'Cc']),
  set('outlook-classic', 'de', MPR('de'), ['Von', 'Gesendet', 'Betreff', 'An', 'Cc']),
  set('outlook-classic', 'es', MPR('es'), ['De', 'Enviado', 'Asunto', 'Para', 'CC']),
  set('outlook-classic', 'es', QUOTEQUAIL, ['De', 'Enviado el', 'Asunto', 'Para', 'CC']),
  set('outlook-classic', 'fr', MPR('fr'), ['De', 'Envoyé', 'Objet', 'À', 'Cc']),
  set('outlook-classic', 'it', MPR('it'), ['Da', 'Inviato', 'Oggetto', 'A', 'Cc']),
  set('outlook-classic', 'nl', MPR('nl'), ['Van', 'Verzonden', 'Onderwerp', 'Aan', 'Cc']),
  set('outlook-classic', 'pl', MPR('pl'), ['Od', 'Wysłano', 'Temat', 'Do', 'DW']),
  set('outlook-classic', 'ko', MPR('ko'), ['보낸 사람', '보낸 날짜', '제목', '받는 사람', '참조']),
  // mail-parser-reply's Korean pattern also allows the From label without its space.
  set('outlook-classic', 'ko', MPR('ko'), ['보낸사람', '보낸 날짜', '제목', '받는 사람', '참조']),
  set('outlook-classic', 'zh', MPR('zh'), ['发件人', '发送时间', '主题', '收件人', '抄送']),

  // Yahoo (the run-together split points are on its markers).
  set('yahoo', 'de', CRISP('yahoo_de_body.txt'), ['Von', 'Gesendet', 'Betreff', 'An', 'CC']),
  set('yahoo', 'es', CRISP('yahoo_es_body.txt'), ['De', 'Enviado', 'Asunto', 'Para', 'CC']),
  set('yahoo', 'fr', CRISP('yahoo_fr_body.txt'), ['De', 'Envoyé', 'Objet', 'À', 'Cc']),
  set('yahoo', 'it', CRISP('yahoo_it_body.txt'), ['Da', 'Inviato', 'Oggetto', 'A', 'Cc']),
  set('yahoo', 'nl', CRISP('yahoo_nl_body.txt'), ['Van', 'Verzonden', 'Onderwerp', 'Aan', 'Cc']),
  set('yahoo', 'pl', CRISP('yahoo_pl_body.txt'), ['Od', 'Wysłano', 'Temat', 'Do', 'Dw']),
  set('yahoo', 'ru', CRISP('yahoo_ru_body.txt'), ['От', 'Отправлено', 'Тема', 'Кому', 'Копия']),

  // Listed before sources were checked and found in none; kept because a label alone reads nothing (a
  // block still needs a From or Subject, and the sender must be AliExpress), but unconfirmed.
  {
    client: '*',
    language: '*',
    source: 'unconfirmed: no public sample found',
    from: ['odesílatel', 'remetente', 'expéditeur'],
    date: ['enviada', 'skickat', 'sendt', 'envoyé le', '日付', '送信日時'],
    subject: [],
    to: [],
    cc: ['copie'],
  },
];

const FIELDS = ['from', 'date', 'subject', 'to', 'cc'] as const;

/** Label → field, every label lowercased with its spaces collapsed (as `labelOf` normalises a line's). */
const LABEL_INDEX: ReadonlyMap<string, HeaderField> = new Map(
  LABEL_SETS.flatMap((s) =>
    FIELDS.flatMap((field) => s[field].map((label): [string, HeaderField] => [normaliseLabel(label), field])),
  ),
);

export function normaliseLabel(label: string): string {
  return label
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every label of a field, normalised (for tests and docs). */
export function labelsOf(field: Exclude<HeaderField, 'other'>): string[] {
  return [...LABEL_INDEX].filter(([, f]) => f === field).map(([label]) => label);
}

/** The field a quoted header label (normalised) names, or undefined when it is not a known label. */
export function headerFieldOf(label: string): HeaderField | undefined {
  return LABEL_INDEX.get(label);
}

/**
 * HTML elements that hold the forwarded part. `headerEnd` says how to skip the quoted header block that
 * starts it: the element with that class/id is the header (Gmail, Outlook, Thunderbird), or `subject`:
 * cut after the element holding the quoted subject (Apple, Yahoo).
 */
export interface HtmlContainer {
  readonly client: MailClient;
  /** Lowercased text that starts the container's opening tag, found with indexOf. */
  readonly needle: string;
  readonly headerEnd:
    | { readonly kind: 'element'; readonly needle: string; readonly tag: string }
    | { readonly kind: 'subject' };
}

export const HTML_CONTAINERS: readonly HtmlContainer[] = [
  {
    client: 'gmail',
    needle: 'class="gmail_quote',
    headerEnd: { kind: 'element', needle: 'class="gmail_attr', tag: 'div' },
  },
  {
    client: 'outlook',
    needle: 'id="divrplyfwdmsg"',
    headerEnd: { kind: 'element', needle: 'id="divrplyfwdmsg"', tag: 'div' },
  },
  {
    client: 'thunderbird',
    needle: 'class="moz-forward-container"',
    headerEnd: { kind: 'element', needle: 'class="moz-email-headers-table"', tag: 'table' },
  },
  { client: 'yahoo', needle: 'class="yahoo_quoted"', headerEnd: { kind: 'subject' } },
  { client: 'apple', needle: 'type="cite"', headerEnd: { kind: 'subject' } },
];
