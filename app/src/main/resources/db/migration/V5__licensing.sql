-- Licensing applications (issue 5): the application, its statutory clock, and every event it took.

create table application (
    id                  bigserial   primary key,
    body_id             bigint      not null references body (id),
    authority_code      char(2)     not null,  -- who decides: 00 national, else the province's authority
    type                varchar(32) not null,
    procedure           varchar(32) not null,
    state               varchar(32) not null,
    field_codes         text        not null,  -- comma-separated BRIEF 2.1 field codes
    special_foods       boolean     not null default false,
    change_items        text        not null default '',
    certificate_number  char(12),              -- the certificate a renewal, change or extension concerns
    -- the authority's clock: the step running, when it began, the working days it stood still while
    -- the applicant was asked for something, and when it is due
    step                varchar(16),
    step_began_on       date,
    paused_working_days int         not null default 0,
    waiting_since       date,                  -- the applicant was asked on this day; the clock stands
    due_on              date,
    -- the due date falls in a year without holiday data: it cannot be computed until an
    -- administrator enters that year (WorkingDayCalendar alerts); the queue shows these first
    due_unknown         boolean     not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
-- The officers' queue: open applications of an authority, soonest due first.
create index application_queue_idx on application (authority_code, due_unknown desc, due_on)
    where due_on is not null or due_unknown;
create index application_body_idx on application (body_id, id desc);

-- Append-only: what happened to an application, by whom, on which day.
create table application_event (
    id             bigserial   primary key,
    application_id bigint      not null references application (id),
    event          varchar(32) not null,
    from_state     varchar(32) not null,
    to_state       varchar(32) not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    note           text        not null default ''
);
create index application_event_application_idx on application_event (application_id, id);
