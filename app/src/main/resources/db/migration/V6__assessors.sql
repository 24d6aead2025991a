-- Assessors and assessment teams (issue 5): the pool the random team draw takes from, and each
-- draw recorded with its inputs so that anyone can replay it (RFC 3797).

create table assessor (
    id               bigserial primary key,
    account_username text unique,          -- the assessor's sign-in account, when there is one
    name             text      not null,
    field_codes      text      not null,   -- comma-separated BRIEF 2.1 field codes they may assess
    organisation     char(18),             -- credit code of the organisation they work for
    active           boolean   not null default true
);

-- Declared conflicts of interest: prior consulting for the body, recent employment, other.
create table assessor_conflict (
    assessor_id bigint      not null references assessor (id),
    body_id     bigint      not null references body (id),
    kind        varchar(16) not null check (kind in ('CONSULTING', 'EMPLOYMENT', 'OTHER')),
    declared_on date        not null,
    primary key (assessor_id, body_id, kind)
);

-- One draw per application, with everything needed to replay it.
create table assessment_team (
    application_id bigint      primary key references application (id),
    drawn_at       timestamptz not null,
    drawn_by       text        not null,
    sources        text        not null,  -- the public numbers, e.g. 9319/2.5.8.10.12
    draw_key       text        not null,  -- RFC 3797 key string of the sources
    pool           text        not null,  -- assessor ids in draw order, comma-separated
    team_size      int         not null,
    excluded       text        not null   -- id:REASON pairs, comma-separated
);

create table assessment_team_member (
    application_id bigint  not null references assessment_team (application_id),
    assessor_id    bigint  not null references assessor (id),
    leader         boolean not null,
    position       int     not null,      -- order drawn, from 0
    primary key (application_id, assessor_id)
);
create index assessment_team_member_assessor_idx on assessment_team_member (assessor_id);
