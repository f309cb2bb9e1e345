-- Axon's event store tables (PostgresEventTableFactory's types, snake_case names): the source of truth.
-- global_index is the global sequence that tracking processors follow (gap-aware tokens).
create table if not exists domain_event_entry (
    global_index         bigserial    not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    primary key (global_index),
    unique (aggregate_identifier, sequence_number),
    unique (event_identifier)
);

create table if not exists snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number),
    unique (event_identifier)
);

-- Identifies this event store, so a read side built from another store (or a wiped one) is recognised
-- as stale and rebuilt.
create table store_identity (
    id         uuid        primary key default gen_random_uuid(),
    created_at timestamptz not null default now()
);
insert into store_identity default values;
