-- Every call through the gateway, stored in batches from Kafka topic hub.calls; call_id makes redelivery harmless.
create table call_log (
    id                 bigint generated always as identity primary key,
    call_id            uuid         not null,
    occurred_at        timestamptz  not null,
    consumer_system_id varchar(64)  not null,
    resource_code      varchar(48)  not null,
    operation          varchar(100) not null,
    grant_id           bigint,
    http_status        integer      not null,
    error_code         varchar(40),
    latency_ms         integer      not null,
    response_bytes     integer      not null,
    constraint call_log_call_id_key unique (call_id)
);
create index call_log_occurred_idx on call_log (occurred_at);
create index call_log_grant_idx on call_log (grant_id);
