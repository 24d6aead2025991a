-- The public registry: bodies, their sites, certificates (12-digit CMA numbers) and capability scope.
-- Ids come from sequences (allocation 50) so that JPA can batch and the bulk loader can COPY.

create sequence body_seq increment by 50;
create sequence site_seq increment by 50;
create sequence certificate_seq increment by 50;
create sequence certificate_status_change_seq increment by 50;
create sequence scope_row_seq increment by 50;

create table body (
    id                   bigint       primary key,
    name                 text         not null,
    credit_code          char(18)     not null unique,
    legal_form           text         not null,
    legal_representative text         not null,
    division_code        char(6)      not null,  -- GB/T 2260 county or city level
    province_code        char(2)      not null,  -- GB/T 2260 province, first two digits of division_code
    address              text         not null,
    created_at           timestamptz  not null,
    version              bigint       not null default 0,
    constraint body_province_matches_division check (province_code = substr(division_code, 1, 2))
);
create index body_province_idx on body (province_code);

create table site (
    id            bigint  primary key,
    body_id       bigint  not null references body (id),
    name          text    not null,
    address       text    not null,
    division_code char(6) not null
);
create index site_body_idx on site (body_id);

create table certificate (
    id             bigint      primary key,
    number         char(12)    not null unique,
    body_id        bigint      not null references body (id),
    authority_code char(2)     not null,  -- 00 national, else the province's CMA authority code
    field_code     char(2)     not null,
    industry_code  char(2)     not null,
    issued_on      date        not null,
    valid_until    date        not null,
    status         varchar(16) not null
        check (status in ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED', 'EXPIRED')),
    version        bigint      not null default 0,
    constraint certificate_validity_after_issue check (valid_until > issued_on)
);
create index certificate_body_idx on certificate (body_id);

-- Append-only: every status change of a certificate, including the first (issuance).
create table certificate_status_change (
    id             bigint      primary key,
    certificate_id bigint      not null references certificate (id),
    from_status    varchar(16),
    to_status      varchar(16) not null,
    changed_at     timestamptz not null,
    changed_by     text        not null,
    reason         text        not null
);
create index certificate_status_change_certificate_idx on certificate_status_change (certificate_id, changed_at);

create table scope_row (
    id             bigint      primary key,
    certificate_id bigint      not null references certificate (id),
    site_id        bigint      references site (id),
    line_no        int         not null,
    field_code     char(2)     not null,
    object_name    text        not null,
    parameter_name text        not null,
    method_code    text        not null,  -- canonical "PREFIX NUMBER-YYYY"
    method_prefix  text        not null,
    method_number  text        not null,
    method_year    int         not null,
    method_title   text        not null,
    limitation     text,
    status         varchar(16) not null check (status in ('VALID', 'SUSPENDED', 'WITHDRAWN')),
    version        bigint      not null default 0
);
create index scope_row_certificate_idx on scope_row (certificate_id, line_no);
create index scope_row_method_code_idx on scope_row (method_code);

-- Spring Modulith event publication registry (transactional outbox), schema of Modulith 2.0.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);
