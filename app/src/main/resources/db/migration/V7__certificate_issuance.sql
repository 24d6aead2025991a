-- Certificates issued by licensing decisions (issue 5): the per-authority serial of new CMA
-- numbers, and an append-only record of every change a decision made to a certificate.

-- The last serial (digits 9-12 of YY AA FF MM NNNN) each authority gave in each issue year. The
-- row lock serializes two decisions of one authority; the first of a year starts after the
-- highest serial already in the registry for that year and authority.
create table certificate_serial (
    authority_code char(2) not null,
    issue_year     int     not null,
    last_serial    int     not null check (last_serial between 1 and 9999),
    primary key (authority_code, issue_year)
);

-- Append-only: what a licensing decision did to a certificate (granted, renewed, scope extended
-- or withdrawn, body details changed, ended) and which application decided it.
create sequence certificate_change_seq increment by 50;
create table certificate_change (
    id             bigint      primary key,
    certificate_id bigint      not null references certificate (id),
    kind           varchar(24) not null
        check (kind in ('GRANTED', 'RENEWED', 'SCOPE_EXTENDED', 'SCOPE_WITHDRAWN', 'BODY_CHANGED', 'ENDED')),
    application_id bigint,
    changed_at     timestamptz not null,
    changed_by     text        not null,
    detail         text        not null
);
create index certificate_change_certificate_idx on certificate_change (certificate_id, id);
