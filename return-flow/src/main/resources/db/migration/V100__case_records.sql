-- The case return flow (办件回流): case records sent back by provincial vertical and self-built systems.
-- Numbered from 100 so that the catalogue's own scripts (V1, V2, …) never collide with these; the hub runs Flyway
-- with out-of-order allowed, so a later catalogue script still applies to a database already at V100.

-- The latest passed version of every case, one row per (source, case number).
create table case_record (
    source_id                  varchar        not null,
    case_number                varchar        not null,
    version_key                varchar        not null, -- v<version>, t<update time> or h<content hash>
    version_rank               bigint      not null, -- orders versions: the version, else the update time in ms
    source_version             bigint,
    source_updated_at          timestamptz,
    source_system              varchar        not null,
    item_code                  varchar        not null,
    item_name                  varchar,
    applicant_type             varchar,
    applicant_name             varchar,
    id_type                    varchar,
    id_number                  varchar,
    accepting_department_code  varchar,
    region_code                varchar,
    channel                    varchar,
    submitted_at               timestamptz,
    accepted_at                timestamptz,
    decided_at                 timestamptz,
    completed_at               timestamptz,
    delivered_at               timestamptz,
    committed_deadline_days    integer,
    legal_deadline_days        integer,
    status                     varchar        not null,
    result                     varchar,
    overdue_card               varchar, -- YELLOW (past the committed deadline) or RED (past the legal deadline)
    overdue_working_days       integer,
    first_received_at          timestamptz not null,
    received_at                timestamptz not null,
    primary key (source_id, case_number)
);
create index case_record_item on case_record (item_code, completed_at);
create index case_record_overdue on case_record (source_id, completed_at) where overdue_card is not null;

-- Every passed version ever received, once: a re-sent identical version is a duplicate and is not stored again.
create table case_record_version (
    id                         bigserial   primary key,
    source_id                  varchar        not null,
    case_number                varchar        not null,
    version_key                varchar        not null,
    version_rank               bigint      not null,
    accepting_department_code  varchar,
    completed_at               timestamptz,
    received_at                timestamptz not null,
    record                     jsonb       not null, -- the standard record as mapped
    raw                        text        not null, -- the record as the source sent it
    origin                     jsonb, -- channel, topic/partition/offset, file and line, batch index
    constraint case_record_version_once unique (source_id, case_number, version_key)
);
create index case_record_version_received on case_record_version (received_at, source_id);

-- Records that failed mapping or a quality rule, kept with the record as received and every reason. A later passing
-- record of the same case resolves the open failure; an open failure re-sent still failing is updated in place.
create table case_failure (
    id                         bigserial   primary key,
    source_id                  varchar        not null,
    case_number                varchar, -- null when the record could not even be read
    accepting_department_code  varchar,
    raw                        text        not null,
    reasons                    jsonb       not null, -- [{rule, field, zh, en}]
    mapped                     jsonb, -- what could be mapped, for the admin's eyes
    origin                     jsonb,
    attempts                   integer     not null default 1,
    first_received_at          timestamptz not null,
    received_at                timestamptz not null,
    resolved_at                timestamptz,
    resolved_by_version        varchar
);
create unique index case_failure_open on case_failure (source_id, case_number)
    where resolved_at is null and case_number is not null;
create index case_failure_source on case_failure (source_id, received_at desc);

-- Daily counters per source, accepting department and day (Asia/Shanghai) of arrival.
create table case_intake_day (
    source_id        varchar    not null,
    department_code  varchar    not null, -- '' when the record named none
    day              date    not null,
    received         bigint  not null default 0,
    passed           bigint  not null default 0,
    failed           bigint  not null default 0,
    duplicates       bigint  not null default 0,
    older_versions   bigint  not null default 0,
    overdue          bigint  not null default 0,
    primary key (source_id, day, department_code)
);

-- Daily failures per rule: one record failing two rules counts once under each.
create table case_rule_day (
    source_id        varchar    not null,
    day              date    not null,
    rule_code        varchar    not null,
    failures         bigint  not null default 0,
    primary key (source_id, day, rule_code)
);

-- The transactional outbox of passed versions for the provincial case centre (省级办件中心): written in the
-- transaction that stored the version, marked forwarded only on the centre's acknowledgement.
create table case_forward (
    id                         bigserial   primary key,
    source_id                  varchar        not null,
    case_number                varchar        not null,
    version_key                varchar        not null,
    accepting_department_code  varchar,
    payload                    jsonb       not null,
    created_at                 timestamptz not null default now(),
    attempts                   integer     not null default 0,
    next_attempt_at            timestamptz not null default now(),
    last_error                 text,
    forwarded_at               timestamptz,
    constraint case_forward_once unique (source_id, case_number, version_key)
);
create index case_forward_due on case_forward (next_attempt_at, id) where forwarded_at is null;

-- What sources declare they sent: a daily manifest of case numbers, or only a count.
create table case_manifest (
    id               bigserial   primary key,
    source_id        varchar        not null,
    day              date        not null,
    declared_count   integer     not null,
    listed           boolean     not null, -- true when the case numbers are listed
    received_at      timestamptz not null default now(),
    constraint case_manifest_once unique (source_id, day)
);

create table case_manifest_entry (
    manifest_id      bigint not null references case_manifest (id) on delete cascade,
    case_number      varchar   not null,
    primary key (manifest_id, case_number)
);

-- How far the database poller of a source has read: the watermark column's value and the key of the last row.
create table case_source_watermark (
    source_id        varchar        primary key,
    watermark        varchar        not null,
    last_key         varchar        not null,
    updated_at       timestamptz not null default now()
);
