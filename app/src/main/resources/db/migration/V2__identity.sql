-- Identity, access and audit: accounts, API keys and the hash-chained audit trail.

create table account (
    id             bigint generated always as identity primary key,
    username       text        not null,  -- stored lower-case; unique
    display_name   text        not null,
    password_hash  text,                  -- null for accounts that only sign in through OIDC
    roles          text[]      not null,
    jurisdiction   char(2),               -- CMA authority code of a regulator: 00 national, else a province
    body_id        bigint      references body (id),
    oidc_issuer    text,
    oidc_subject   text,
    enabled        boolean     not null default true,
    failed_logins  integer     not null default 0,
    locked_until   timestamptz,
    last_login_at  timestamptz,
    created_at     timestamptz not null,
    created_by     text        not null,
    constraint account_username_unique unique (username),
    constraint account_username_lower check (username = lower(username)),
    constraint account_oidc_unique unique (oidc_issuer, oidc_subject),
    constraint account_has_roles check (cardinality(roles) > 0)
);
create index account_body on account (body_id) where body_id is not null;

-- An API key is "ltk_<id>_<secret>"; only SHA-256 of the secret is kept (the secret has 256 bits
-- of entropy, so a slow password hash would add nothing but latency to every request).
create table api_key (
    id                    text        primary key,
    secret_sha256         bytea       not null,
    label                 text        not null,
    owner_kind            text        not null check (owner_kind in ('BODY', 'PARTNER')),
    body_id               bigint      references body (id),
    jurisdiction          char(2),    -- partner keys: where the partner may look (00 everywhere)
    permissions           text[]      not null,
    rate_limit_per_minute integer     check (rate_limit_per_minute > 0),
    created_at            timestamptz not null,
    created_by            text        not null,
    expires_at            timestamptz not null,
    revoked_at            timestamptz,
    revoked_by            text,
    last_used_at          timestamptz,
    last_used_from        text,
    constraint api_key_body_bound check ((owner_kind = 'BODY') = (body_id is not null))
);
create index api_key_body on api_key (body_id) where body_id is not null;

-- The audit trail. seq is gapless and assigned by the chainer under the lock on audit_head; each
-- row's hash covers the previous row's hash and every field of the row (docs/audit-trail.md gives
-- the encoding), so a changed, inserted or deleted row breaks the chain.
create table audit_entry (
    seq                bigint      primary key,
    occurred_at        timestamptz not null,
    actor_kind         text        not null,
    actor_id           text        not null,
    actor_name         text        not null,
    actor_roles        text        not null,
    actor_jurisdiction text,
    actor_body_id      bigint,
    action             text        not null,
    outcome            text        not null,
    target_type        text,
    target_id          text,
    target_authority   text,
    detail             text        not null,  -- canonical JSON, hashed byte for byte as stored
    request_id         text,
    client_address     text,
    prev_hash          bytea       not null,
    hash               bytea       not null
);
create index audit_entry_time on audit_entry (occurred_at);
create index audit_entry_actor on audit_entry (actor_id, seq);
create index audit_entry_target on audit_entry (target_type, target_id, seq);
create index audit_entry_action on audit_entry (action, seq);

-- Entries written by changing transactions wait here until the chainer (every few tens of
-- milliseconds) moves them into audit_entry in one batch, so that changes do not queue on the
-- chain head's lock and its commit.
create table audit_pending (
    id                 bigint      generated always as identity primary key,
    occurred_at        timestamptz not null,
    actor_kind         text        not null,
    actor_id           text        not null,
    actor_name         text        not null,
    actor_roles        text        not null,
    actor_jurisdiction text,
    actor_body_id      bigint,
    action             text        not null,
    outcome            text        not null,
    target_type        text,
    target_id          text,
    target_authority   text,
    detail             text        not null,
    request_id         text,
    client_address     text
);

create table audit_head (
    singleton boolean primary key default true check (singleton),
    seq       bigint  not null,
    hash      bytea   not null
);
insert into audit_head (singleton, seq, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

-- Append-only: the application never updates or deletes audit rows; the database refuses too.
-- (An owner can disable the trigger; the hash chain is what detects that.)
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only' using errcode = '42501';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
