-- The resource directory (政务数据资源目录): departments, service items, catalogue entries with their
-- versions and history, mounted resources, and the outbox of catalogue events.
-- Statements between "[jooq ignore start/stop]" are PostgreSQL-only (full-text search, partial indexes):
-- the jOOQ code generator's DDL parser skips them; PostgreSQL runs them.

create table department (
    code        varchar(18)  not null primary key,  -- unified social credit code (统一社会信用代码)
    name        varchar(200) not null,
    region_code char(6)      not null,               -- GB/T 2260 (行政区划代码)
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table service_item (
    item_code       varchar(64)  not null primary key,  -- 事项编码
    name            varchar(300) not null,
    category        varchar(24)  not null,
    department_code varchar(18)  not null references department (code),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint service_item_category_check check (category in ('ADMINISTRATIVE_POWER', 'PUBLIC_SERVICE'))
);
create index service_item_department_idx on service_item (department_code);

-- Last sequence number handed out per classification prefix: resource codes are prefix/000001, prefix/000002...
create table resource_code_sequence (
    prefix     varchar(40) not null primary key,
    last_value integer     not null
);

-- One row per catalogue entry; its content lives in catalog_entry_version. The columns here describe the
-- version a reader sees (the published one, or the newest before the first publication) and drive search.
create table catalog_entry (
    id                  bigint generated always as identity primary key,
    resource_code       varchar(48)  not null,
    department_code     varchar(18)  not null references department (code),
    classification_code varchar(40)  not null,
    name                varchar(300) not null,
    share_type          varchar(16)  not null,
    status              varchar(16)  not null,
    published_version   integer,
    working_version     integer,
    latest_version      integer      not null,
    lock_version        integer      not null default 0,
    search_name         text         not null default '',
    search_abstract     text         not null default '',
    search_items        text         not null default '',
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    constraint catalog_entry_resource_code_key unique (resource_code)
);
create index catalog_entry_department_idx on catalog_entry (department_code);
create index catalog_entry_status_idx on catalog_entry (status);

create table catalog_entry_version (
    entry_id               bigint       not null references catalog_entry (id),
    version_no             integer      not null,
    status                 varchar(16)  not null,
    resource_category      varchar(16)  not null,
    classification_code    varchar(40)  not null,
    name                   varchar(300) not null,
    abstract_text          text         not null,
    format                 varchar(16)  not null,
    share_type             varchar(16)  not null,
    share_conditions       text,
    legal_basis            text,
    share_mode             varchar(16),           -- none for NOT_SHARED entries
    open_type              varchar(24)  not null,
    open_conditions        text,
    update_cycle           varchar(16)  not null,
    publish_date           date,
    data_items             jsonb        not null,
    related_item_codes     jsonb        not null,
    related_resource_codes jsonb        not null,
    created_by             varchar(100) not null,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    submitted_by           varchar(100),
    submitted_at           timestamptz,
    reviewed_by            varchar(100),
    reviewed_at            timestamptz,
    review_reason          text,
    primary key (entry_id, version_no)
);

-- Which service items the published version of each entry covers; rewritten on publication and retirement.
create table entry_item_link (
    entry_id  bigint      not null references catalog_entry (id),
    item_code varchar(64) not null,
    primary key (entry_id, item_code)
);
create index entry_item_link_item_idx on entry_item_link (item_code);

create table catalog_entry_history (
    id          bigint generated always as identity primary key,
    entry_id    bigint       not null references catalog_entry (id),
    version_no  integer      not null,
    action      varchar(24)  not null,
    from_status varchar(16),
    to_status   varchar(16),
    actor       varchar(100) not null,
    occurred_at timestamptz  not null default now(),
    reason      text,
    changes     jsonb
);
create index catalog_entry_history_entry_idx on catalog_entry_history (entry_id);

create table mounted_resource (
    id                bigint generated always as identity primary key,
    entry_id          bigint       not null references catalog_entry (id),
    kind              varchar(8)   not null,
    connector_id      varchar(100),
    operation         varchar(100),
    datasource_id     varchar(100),
    table_name        varchar(200),
    column_mapping    jsonb,
    location          varchar(500),
    file_pattern      varchar(200),
    health            varchar(8)   not null default 'UNKNOWN',
    health_detail     text,
    health_checked_at timestamptz,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null default now(),
    constraint mounted_resource_kind_check check (kind in ('API', 'TABLE', 'FILE')),
    constraint mounted_resource_health_check check (health in ('UNKNOWN', 'UP', 'DOWN'))
);
create index mounted_resource_entry_idx on mounted_resource (entry_id);

-- Catalogue events are written here in the same transaction as the change, then relayed to Kafka.
create table catalog_event_outbox (
    id            bigint generated always as identity primary key,
    event_type    varchar(32)  not null,
    entry_id      bigint,
    resource_code varchar(48),
    payload       jsonb        not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz
);

/* [jooq ignore start] */
-- Chinese full-text search: the application writes space-separated unigrams and bigrams into the
-- search_* columns (PostgreSQL has no Chinese word splitter). name_vector finds name matches, which rank first;
-- search_vector finds matches anywhere. Hits are ordered by name length, then id: the (name_length, id) indexes
-- let a broad term stop after one page instead of ranking every match. The status-first variants serve consumers
-- (published only) and status filters, whose rows are not spread evenly over time or name length.
alter table catalog_entry add column search_vector tsvector generated always as (
    to_tsvector('simple', search_name) || to_tsvector('simple', search_abstract) || to_tsvector('simple', search_items)) stored;
alter table catalog_entry add column name_vector tsvector generated always as (to_tsvector('simple', search_name)) stored;
alter table catalog_entry add column name_length integer generated always as (char_length(name)) stored;
create index catalog_entry_search_idx on catalog_entry using gin (search_vector);
create index catalog_entry_name_search_idx on catalog_entry using gin (name_vector);
create index catalog_entry_name_order_idx on catalog_entry (name_length, id);
create index catalog_entry_status_name_order_idx on catalog_entry (status, name_length, id);
create index catalog_entry_recent_idx on catalog_entry (updated_at desc, id desc);
create index catalog_entry_status_recent_idx on catalog_entry (status, updated_at desc, id desc);
create index catalog_entry_classification_idx on catalog_entry (classification_code varchar_pattern_ops);
create index catalog_event_outbox_pending_idx on catalog_event_outbox (id) where published_at is null;
/* [jooq ignore stop] */
