-- Shared interfaces, part 1: consuming systems apply for published entries (共享申请) and receive grants (授权).

-- A system that consumes shared data through the hub; client_id is its OAuth2 client (the token's azp).
create table consumer_system (
    id              varchar(64)  not null primary key,
    name            varchar(200) not null,
    department_code varchar(18)  references department (code),
    client_id       varchar(100) not null,
    created_at      timestamptz  not null default now(),
    constraint consumer_system_client_id_key unique (client_id)
);

create table share_request (
    id                    bigint generated always as identity primary key,
    entry_id              bigint       not null references catalog_entry (id),
    entry_version         integer      not null,
    consumer_system_id    varchar(64)  not null references consumer_system (id),
    purpose               text         not null,
    legal_basis           text,
    requested_items       jsonb        not null,
    unmasked_items        jsonb        not null,
    expected_daily_volume integer,
    status                varchar(16)  not null,
    requested_by          varchar(100) not null,
    requested_at          timestamptz  not null default now(),
    decided_by            varchar(100),
    decided_at            timestamptz,
    decision_reason       text,
    constraint share_request_status_check check (status in ('PENDING', 'APPROVED', 'REJECTED', 'REFUSED'))
);
create index share_request_entry_idx on share_request (entry_id);
create index share_request_consumer_idx on share_request (consumer_system_id);

create table share_grant (
    id                 bigint generated always as identity primary key,
    share_request_id   bigint       not null references share_request (id),
    entry_id           bigint       not null references catalog_entry (id),
    consumer_system_id varchar(64)  not null references consumer_system (id),
    granted_items      jsonb        not null,
    unmasked_items     jsonb        not null,
    valid_from         timestamptz  not null,
    valid_until        timestamptz  not null,
    calls_per_day      integer      not null,
    calls_per_second   integer      not null,
    status             varchar(16)  not null,
    granted_by         varchar(100) not null,
    granted_at         timestamptz  not null default now(),
    revoked_by         varchar(100),
    revoked_at         timestamptz,
    revoke_reason      text,
    constraint share_grant_status_check check (status in ('ACTIVE', 'REVOKED')),
    constraint share_grant_quota_check check (calls_per_day > 0 and calls_per_second > 0),
    constraint share_grant_validity_check check (valid_until > valid_from)
);
create index share_grant_consumer_entry_idx on share_grant (consumer_system_id, entry_id);

-- Every step of requests and grants: who, when, what, why.
create table share_history (
    id               bigint generated always as identity primary key,
    share_request_id bigint       not null references share_request (id),
    share_grant_id   bigint references share_grant (id),
    action           varchar(24)  not null,
    actor            varchar(100) not null,
    occurred_at      timestamptz  not null default now(),
    reason           text,
    details          jsonb
);
create index share_history_request_idx on share_history (share_request_id);

/* [jooq ignore start] */
-- at most one pending request and one active grant per consuming system and entry, whatever the concurrency
create unique index share_request_one_pending_idx on share_request (entry_id, consumer_system_id) where status = 'PENDING';
create unique index share_grant_one_active_idx on share_grant (entry_id, consumer_system_id) where status = 'ACTIVE';
/* [jooq ignore stop] */
