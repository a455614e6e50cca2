/**
 * What mail clients write when a user forwards a mail (MAIL-FACTS.md, "Forward wrappers"), as data.
 * Adding a client or a language is adding rows here, plus a fixture named after it.
 */

export type MailClient = 'gmail' | 'outlook' | 'outlook-classic' | 'apple' | 'thunderbird' | 'yahoo';

export interface ForwardMarker {
  readonly client: MailClient;
  readonly language: string;
  /** The marker line, lowercased, dashes and `>` quoting around it removed, `:` kept for Apple. */
  readonly phrase: string;
  /** Yahoo's text part runs the quoted header labels together on one line. */
  readonly runTogetherLabels?: boolean;
  /**
   * Dashes before the phrase, where clients share a phrase: Gmail writes 10, Thunderbird 8, Yahoo 5.
   * Only used to tell them apart (Yahoo's run-together labels); any count still matches the phrase.
   */
  readonly leftDashes?: number;
}

/**
 * Lines like `---------- Forwarded message ---------`: the phrase between the dashes. Gmail, Thunderbird
 * and Yahoo share phrases; `leftDashes` tells them apart, and the first row of a phrase is the default.
 */
export const DASHED_MARKERS: readonly ForwardMarker[] = [
  { client: 'gmail', language: 'en', phrase: 'forwarded message', leftDashes: 10 },
  { client: 'gmail', language: 'de', phrase: 'weitergeleitete nachricht', leftDashes: 10 },
  { client: 'gmail', language: 'fr', phrase: 'message transféré', leftDashes: 10 },
  { client: 'gmail', language: 'es', phrase: 'mensaje reenviado' },
  { client: 'gmail', language: 'it', phrase: 'messaggio inoltrato' },
  { client: 'gmail', language: 'nl', phrase: 'doorgestuurd bericht' },
  { client: 'gmail', language: 'pt', phrase: 'mensagem encaminhada' },
  { client: 'gmail', language: 'pl', phrase: 'wiadomość przekazana dalej' },
  { client: 'gmail', language: 'pl', phrase: 'przekazana wiadomość' },
  { client: 'gmail', language: 'ru', phrase: 'пересылаемое сообщение' },
  { client: 'gmail', language: 'ko', phrase: '전달된 메일' },
  { client: 'gmail', language: 'zh', phrase: '转发的邮件' },
  { client: 'gmail', language: 'ja', phrase: '転送されたメッセージ' },
  { client: 'thunderbird', language: 'en', phrase: 'forwarded message', leftDashes: 8 },
  { client: 'thunderbird', language: 'de', phrase: 'weitergeleitete nachricht', leftDashes: 8 },
  { client: 'thunderbird', language: 'fr', phrase: 'message transféré', leftDashes: 8 },
  { client: 'yahoo', language: 'en', phrase: 'forwarded message', leftDashes: 5, runTogetherLabels: true },
  { client: 'outlook-classic', language: 'en', phrase: 'original message' },
  { client: 'outlook-classic', language: 'de', phrase: 'ursprüngliche nachricht' },
  { client: 'outlook-classic', language: 'fr', phrase: "message d'origine" },
  { client: 'outlook-classic', language: 'es', phrase: 'mensaje original' },
];

/** Whole-line markers (Apple Mail), lowercased, with ` :` normalised to `:`. */
export const LINE_MARKERS: readonly ForwardMarker[] = [
  { client: 'apple', language: 'en', phrase: 'begin forwarded message:' },
  { client: 'apple', language: 'fr', phrase: 'début du message réexpédié:' },
  { client: 'apple', language: 'de', phrase: 'anfang der weitergeleiteten nachricht:' },
  { client: 'apple', language: 'es', phrase: 'inicio del mensaje reenviado:' },
  { client: 'apple', language: 'it', phrase: 'inizio messaggio inoltrato:' },
  { client: 'apple', language: 'nl', phrase: 'begin doorgestuurd bericht:' },
  { client: 'apple', language: 'pt', phrase: 'início da mensagem encaminhada:' },
  { client: 'apple', language: 'pl', phrase: 'początek przekazywanej wiadomości:' },
  { client: 'apple', language: 'ru', phrase: 'начало переадресованного сообщения:' },
];

/** Outlook (.com, 365, Windows, mobile) separates with a line of underscores (32 in practice). */
export const UNDERSCORE_MARKER: ForwardMarker = { client: 'outlook', language: '*', phrase: '_' };
export const MIN_UNDERSCORES = 20;

export type HeaderField = 'from' | 'date' | 'subject' | 'to' | 'cc' | 'other';

/**
 * Quoted header labels, lowercased, without the colon. Outlook writes `Sent:` for the date; German
 * Outlook `Gesendet:` (with an English date). Labels not in the table but shaped like one (`Reply-To:`)
 * still belong to the header block, as `other`.
 */
export const HEADER_LABELS: Readonly<Record<Exclude<HeaderField, 'other'>, readonly string[]>> = {
  from: [
    'from',
    'von',
    'de',
    'da',
    'van',
    'od',
    'от',
    'från',
    'fra',
    'lähettäjä',
    'kimden',
    'feladó',
    'odesílatel',
    'από',
    '发件人',
    '寄件者',
    '差出人',
    '보낸 사람',
    'remetente',
    'mittente',
    'expéditeur',
  ],
  date: [
    'date',
    'sent',
    'datum',
    'gesendet',
    'envoyé',
    'fecha',
    'enviado',
    'enviada',
    'data',
    'inviato',
    'verzonden',
    'wysłano',
    'wysłane',
    'дата',
    'отправлено',
    'skickat',
    'sendt',
    'tarih',
    'dátum',
    '日期',
    '发送时间',
    '日付',
    '送信日時',
    '날짜',
    '보낸 날짜',
    'envoyé le',
  ],
  subject: [
    'subject',
    'betreff',
    'objet',
    'asunto',
    'assunto',
    'oggetto',
    'onderwerp',
    'temat',
    'тема',
    'ämne',
    'emne',
    'aihe',
    'konu',
    'tárgy',
    'předmět',
    'θέμα',
    '主题',
    '主旨',
    '件名',
    '제목',
  ],
  to: [
    'to',
    'an',
    'à',
    'a',
    'para',
    'aan',
    'do',
    'кому',
    'till',
    'til',
    'vastaanottaja',
    'kime',
    'címzett',
    'komu',
    'προς',
    '收件人',
    '宛先',
    '받는 사람',
  ],
  cc: ['cc', 'kopie', 'copie', 'копия', '抄送', '참조'],
};

const LABEL_INDEX: ReadonlyMap<string, HeaderField> = new Map(
  Object.entries(HEADER_LABELS).flatMap(([field, labels]) =>
    labels.map((label): [string, HeaderField] => [label, field as HeaderField]),
  ),
);

/** The field a quoted header label names, or undefined when it is not a known label. */
export function headerFieldOf(label: string): HeaderField | undefined {
  return LABEL_INDEX.get(label);
}

/** Yahoo run-together labels are split at these (English Yahoo only: its localised forms are unknown). */
export const RUN_TOGETHER_LABELS: readonly string[] = ['To', 'Cc', 'Sent', 'Date', 'Subject'];

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
