-- What an application asks for in detail (issue 5): the scope applied for, the changes, the signed
-- commitment; its documents, the assessment's findings, and bars from false commitments.

alter table application
    add column industry_code             char(2)     not null default '34',
    -- CHANGE: the new values by item, e.g. {"NAME": "新名称"}; SITE_CHANGE: {"SITE_ADDRESS": ...}
    add column changes                   jsonb       not null default '{}',
    add column commitment_signed_at      timestamptz,
    add column commitment_signed_by      text,
    -- rectification of nonconformities: at most 30 working days from the request (BRIEF 1.4)
    add column rectification_due_on      date,
    add column issued_certificate_number char(12),
    -- how the team assesses: ON_SITE, REMOTE (video) or DOCUMENTS (document review)
    add column assessment_mode           varchar(16),
    -- alert raised once per overdue step and due date
    add column overdue_alerted_on        date;

-- The capability scope applied for (first licence, extension), in the order the body listed it.
create table application_scope (
    application_id bigint  not null references application (id),
    line_no        int     not null,
    field_code     char(2) not null,
    object_name    text    not null,
    parameter_name text    not null,
    method_code    text    not null,
    limitation     text,
    primary key (application_id, line_no)
);

-- Documents the body supplies; content addressed by SHA-256 and never changed after upload.
create table application_attachment (
    id             bigserial   primary key,
    application_id bigint      not null references application (id),
    kind           varchar(32) not null,
    filename       text        not null,
    content_type   text        not null,
    size           int         not null check (size > 0),
    sha256         char(64)    not null,
    content        bytea       not null,
    uploaded_at    timestamptz not null,
    uploaded_by    text        not null
);
create index application_attachment_application_idx on application_attachment (application_id, id);

-- The assessment team's findings; a nonconformity needs the body's rectification.
create table assessment_finding (
    id             bigserial   primary key,
    application_id bigint      not null references application (id),
    clause         text        not null,   -- the requirement, e.g. RB/T 214-2017 4.4.3
    description    text        not null,
    evidence       text        not null,
    nonconformity  boolean     not null,
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    response       text,
    responded_at   timestamptz,
    responded_by   text
);
create index assessment_finding_application_idx on assessment_finding (application_id, id);

-- A false commitment (BRIEF 1.7): no new application for 3 years, and never the commitment procedure again.
create table licensing_bar (
    body_id            bigint      not null references body (id),
    application_id     bigint      not null references application (id),
    barred_until       date        not null,
    commitment_barred  boolean     not null,
    reason             text        not null,
    recorded_at        timestamptz not null,
    primary key (body_id, application_id)
);

-- The officers' queue puts emergency extensions first after the unknown due dates (the seed document:
-- emergency scope extension, 緊急擴項, for urgent testing needs), then soonest due.
drop index application_queue_idx;
create index application_queue_idx on application
    (authority_code, due_unknown desc, (type = 'EMERGENCY_EXTENSION') desc, due_on, id)
    where due_on is not null or due_unknown;
