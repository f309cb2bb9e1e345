-- Tamper-evident hash chain over the event store (docs/audit.md).
--
-- Every event appended to domain_event_entry is chained, inside the appending transaction, by a trigger:
--
--   hash(0)   = 32 zero bytes (genesis)
--   hash(n)   = SHA-256( hash(n-1) || canonical(event n) ),  n = chain_seq = 1, 2, 3, ...
--   canonical = field(event_identifier) || field(aggregate_identifier)
--               || field(sequence_number as decimal text, e.g. "0", "12")
--               || field(type) || field(payload_type) || field(payload_revision) || field(time_stamp)
--               || field(payload) || field(meta_data)
--   field(x)  = length of x in bytes as a 4-byte big-endian signed integer (int4send), then the bytes of x;
--               a null x is the length -1 (ff ff ff ff) and no bytes
--   text columns are encoded as UTF-8; payload and meta_data are the stored bytea, unchanged
--
-- The same layout is the Java constant org.districtops.eventchain.EventChainFormat.LAYOUT, and
-- EventChainVerifier recomputes every hash from it. A rolled-back append leaves no chain row.

-- One row per chained event. No foreign key to domain_event_entry: deleting an event must stay possible to
-- detect (the verifier reports MISSING_EVENT), not be blocked by a constraint that could simply be dropped.
create table event_chain (
    chain_seq        bigint       primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null,
    prev_hash        bytea        not null,
    hash             bytea        not null,
    chained_at       timestamptz  not null default now()
);

-- The end of the chain. Its row lock serialises appends: each appending transaction holds it until it commits.
create table event_chain_head (
    id        int    primary key check (id = 1),
    chain_seq bigint not null,
    hash      bytea  not null
);
insert into event_chain_head (id, chain_seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- The head as it was at moments in time (dop.audit.checkpoint-interval), published at /public/audit/checkpoints.
-- A copy kept elsewhere makes a rewrite of the whole chain detectable (CHECKPOINT_MISMATCH).
create table event_chain_checkpoint (
    chain_seq bigint      primary key,
    hash      bytea       not null,
    taken_at  timestamptz not null default now()
);

-- field(x) for bytes
create function event_chain_field(value bytea) returns bytea
    language sql immutable as
$$
select case when value is null then int4send(-1) else int4send(length(value)) || value end
$$;

-- field(x) for text: its UTF-8 bytes (length() of the bytes, not of the characters)
create function event_chain_text(value text) returns bytea
    language sql stable as
$$
select event_chain_field(convert_to(value, 'UTF8'))
$$;

create function event_chain_canonical(e domain_event_entry) returns bytea
    language sql stable as
$$
select event_chain_text(e.event_identifier)
    || event_chain_text(e.aggregate_identifier)
    || event_chain_text(e.sequence_number::text)
    || event_chain_text(e.type)
    || event_chain_text(e.payload_type)
    || event_chain_text(e.payload_revision)
    || event_chain_text(e.time_stamp)
    || event_chain_field(e.payload)
    || event_chain_field(e.meta_data)
$$;

-- Appends one event to the chain: lock the head, hash, insert the chain row, move the head.
create function event_chain_link(e domain_event_entry) returns void
    language plpgsql as
$$
declare
    head_seq  bigint;
    head_hash bytea;
    new_hash  bytea;
begin
    select chain_seq, hash into head_seq, head_hash from event_chain_head where id = 1 for update;
    new_hash := sha256(head_hash || event_chain_canonical(e));
    insert into event_chain (chain_seq, global_index, event_identifier, prev_hash, hash)
    values (head_seq + 1, e.global_index, e.event_identifier, head_hash, new_hash);
    update event_chain_head set chain_seq = head_seq + 1, hash = new_hash where id = 1;
end
$$;

create function event_chain_append() returns trigger
    language plpgsql as
$$
begin
    perform event_chain_link(new);
    return null;
end
$$;

-- Takes the head lock before the row is inserted. Without it, a transaction could insert an event (taking its
-- unique (aggregate_identifier, sequence_number) entry) and then wait for the head, while the head's holder waits
-- on that unique entry: a deadlock (40P01) instead of the duplicate-key error (23505) that Axon turns into a
-- ConcurrencyException and the API into 409. Locking first also makes chain order follow global_index order.
create function event_chain_lock_head() returns trigger
    language plpgsql as
$$
begin
    perform 1 from event_chain_head where id = 1 for update;
    return null;
end
$$;

create trigger event_chain_lock
    before insert on domain_event_entry
    for each statement execute function event_chain_lock_head();

create trigger event_chain_append
    after insert on domain_event_entry
    for each row execute function event_chain_append();

-- Chain the events written before this migration, in the order they were appended.
do
$$
declare
    e domain_event_entry;
begin
    for e in select * from domain_event_entry order by global_index
        loop
            perform event_chain_link(e);
        end loop;
end
$$;
