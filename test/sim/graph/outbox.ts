/**
 * Mail the service sends on the user's behalf. Graph has no way to create or update a meeting
 * without mailing its attendees (M-POST, I-ATT, MGD#6637), and deleting an organised meeting
 * mails cancellations (M-DEL): tests assert the sync engine never causes any.
 */
export type MailKind = 'invitation' | 'update' | 'cancellation';
/** Who caused the mail: the API (the client under test) or the user in Outlook on the web. */
export type Actor = 'api' | 'user' | 'seed';

export interface MailRecord {
  readonly at: number;
  readonly kind: MailKind;
  readonly actor: Actor;
  /** Immutable id of the single event or series master. */
  readonly eventId: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  /** Original start of the occurrence, when the mail is about one occurrence. */
  readonly occurrence?: string;
}

export interface MailCounters {
  invitationsSent: number;
  updatesSent: number;
  cancellationsSent: number;
}

const COUNTER_OF: Readonly<Record<MailKind, keyof MailCounters>> = {
  invitation: 'invitationsSent',
  update: 'updatesSent',
  cancellation: 'cancellationsSent',
};

export class Outbox {
  readonly mails: MailRecord[] = [];

  constructor(private readonly counters: MailCounters) {}

  /** Records a mail to each recipient; counters count only what the API caused (one per recipient). */
  send(mail: MailRecord): void {
    if (mail.recipients.length === 0 || mail.actor === 'seed') return;
    this.mails.push(mail);
    if (mail.actor === 'api') this.counters[COUNTER_OF[mail.kind]] += mail.recipients.length;
  }

  /** One line per mail, for test failure messages and the demo summary. */
  describe(): string[] {
    return this.mails.map(
      (m) => `${m.kind} (${m.actor}) "${m.subject}"${m.occurrence ? ` @${m.occurrence}` : ''} → ${m.recipients.join(', ')}`,
    );
  }
}
