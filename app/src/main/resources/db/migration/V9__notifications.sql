-- Notices to bodies (an inbox per body, read or unread per account, optionally by e-mail), and the
-- certificate expiry job's record of the renewal reminders it sent.

-- Where a body wants notices by e-mail (optional; the registry has no other address of a body).
alter table body add column contact_email text;

-- A notice to every account of one body. The text is a message key and its arguments, so that each
-- reader sees it in their own language. dedup_key makes a repeated notice (a retried job) a no-op.
create table notification (
    id             bigint      generated always as identity primary key,
    body_id        bigint      not null references body (id),
    kind           text        not null,  -- stable machine name, e.g. certificate.renewal.6m
    message_key    text        not null,
    args           text[]      not null default '{}',
    link           text,                  -- a path on the platform, e.g. /certificates/<number>
    dedup_key      text        not null,
    created_at     timestamptz not null,
    -- e-mail: the address at the time of the notice (null: none), when it went out, failed attempts
    email_to       text,
    emailed_at     timestamptz,
    email_attempts integer     not null default 0,
    email_error    text,
    constraint notification_dedup unique (body_id, dedup_key)
);
create index notification_body on notification (body_id, id desc);
create index notification_mail_pending on notification (id) where email_to is not null and emailed_at is null;

-- Read marks: one row per account that has read a notice.
create table notification_read (
    notification_id bigint      not null references notification (id) on delete cascade,
    account_id      bigint      not null references account (id),
    read_at         timestamptz not null,
    primary key (notification_id, account_id)
);

-- Renewal reminders sent by the expiry job: one per certificate, validity period and kind, whichever
-- node sends it (the unique key is the last guard against a double send).
create table certificate_reminder (
    certificate_id bigint      not null references certificate (id),
    valid_until    date        not null,
    kind           text        not null check (kind in ('EARLY', 'LAST')),  -- 6 and 3 months before, by default
    sent_at        timestamptz not null,
    primary key (certificate_id, valid_until, kind)
);

-- The daily job looks for live certificates by end of validity.
create index certificate_live_valid_until on certificate (valid_until, id) where status in ('VALID', 'SUSPENDED');
