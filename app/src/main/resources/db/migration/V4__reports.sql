-- The report registry kept as a transparency log (docs/log-format.md, docs/scale.md).
-- Nothing here is ever updated or deleted but the log head and the right-hand partial tiles.

-- One row per log entry: filings (kind 1) and revocations (kind 2). Appended in entry order by
-- the single log writer, which holds the log_head row lock; ranges of 2^28 entries per partition
-- so that old partitions are frozen, cheap to vacuum and movable to cheaper storage.
create table report_filing (
    entry_index   bigint   not null,
    body_id       bigint   not null,
    refers_to     bigint,              -- revocation: the filing revoked; filing: the one it replaces
    kind          smallint not null check (kind in (1, 2)),
    report_number text     not null,
    entry         bytea    not null    -- the log entry, byte for byte (docs/log-format.md)
) partition by range (entry_index);

create table report_filing_p0 partition of report_filing for values from (0) to (268435456);
create table report_filing_p1 partition of report_filing for values from (268435456) to (536870912);
create table report_filing_p2 partition of report_filing for values from (536870912) to (805306368);
create table report_filing_p3 partition of report_filing for values from (805306368) to (1073741824);
create table report_filing_p4 partition of report_filing for values from (1073741824) to (1342177280);
create table report_filing_p5 partition of report_filing for values from (1342177280) to (1610612736);
create table report_filing_p6 partition of report_filing for values from (1610612736) to (1879048192);
create table report_filing_p7 partition of report_filing for values from (1879048192) to (2147483648);

-- Entry order is insertion order, so a BRIN index finds a range of entries (tiles, bundles) for
-- almost no space.
create index report_filing_entry_brin on report_filing using brin (entry_index) with (pages_per_range = 16);
-- Status changes name their target; they are rare, so the partial index stays small.
create index report_filing_refers_to_idx on report_filing (refers_to) where refers_to is not null;

-- (report number, body) is unique among filings. PostgreSQL can only enforce uniqueness within
-- a partition unless the key holds the partition column; across partitions the log writer checks
-- under the head lock (ReportLogWriter). The index is also the public lookup by report number.
create unique index report_filing_p0_number on report_filing_p0 (report_number, body_id) where kind = 1;
create unique index report_filing_p1_number on report_filing_p1 (report_number, body_id) where kind = 1;
create unique index report_filing_p2_number on report_filing_p2 (report_number, body_id) where kind = 1;
create unique index report_filing_p3_number on report_filing_p3 (report_number, body_id) where kind = 1;
create unique index report_filing_p4_number on report_filing_p4 (report_number, body_id) where kind = 1;
create unique index report_filing_p5_number on report_filing_p5 (report_number, body_id) where kind = 1;
create unique index report_filing_p6_number on report_filing_p6 (report_number, body_id) where kind = 1;
create unique index report_filing_p7_number on report_filing_p7 (report_number, body_id) where kind = 1;

-- The tree as C2SP tlog-tiles: full tiles are written once; the right-hand partial tile of each
-- level is overwritten as it grows (a narrower partial is a prefix of it).
create table log_tile (
    level  smallint not null,
    idx    bigint   not null,
    width  smallint not null check (width between 1 and 256),
    data   bytea    not null,
    primary key (level, idx)
);
-- Hashes do not compress: skip the attempt.
alter table log_tile alter column data set storage external;

-- The tree's head: size and root after the last committed append. The log writer locks this row.
create table log_head (
    id         smallint    primary key check (id = 1),
    size       bigint      not null,
    root       bytea       not null,
    updated_at timestamptz not null
);
insert into log_head (id, size, root, updated_at)
values (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'), now());

-- Every signed checkpoint published, so that any earlier one can be shown consistent with a later.
create table log_checkpoint (
    size         bigint      primary key,
    root         bytea       not null,
    note         text        not null,
    published_at timestamptz not null
);

-- Refused filings, kept for the body's history and the risk module (no personal data).
create table report_rejection (
    id            bigserial   primary key,
    body_id       bigint      not null,
    rejected_at   timestamptz not null,
    report_number text        not null,
    certificate   text,
    code          text        not null
);
create index report_rejection_body_idx on report_rejection (body_id, rejected_at desc);
