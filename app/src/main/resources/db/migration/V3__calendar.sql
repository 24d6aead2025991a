-- Working-day calendar entered by administrators: a year's State Council notice (a new year, or a
-- correction of a shipped one). A year here replaces the shipped file of that year entirely.
create table calendar_year (
    year       integer     primary key check (year between 2000 and 2100),
    papers     text[]      not null,  -- where the notice was published
    entered_by text        not null,
    entered_at timestamptz not null
);

create table calendar_day (
    date       date    primary key,
    year       integer not null references calendar_year (year) on delete cascade,
    off_day    boolean not null,      -- true: holiday; false: weekend day that is a working day (调休)
    name       text    not null,
    constraint calendar_day_in_year check (extract(year from date) = year)
);
