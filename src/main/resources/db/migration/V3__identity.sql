-- The identity graph: buyer accounts on platforms, the identifiers they show, the persons (One IDs)
-- they belong to, and the evidence of every link. tenant_id is the identity scope: the brand, or
-- its group when the group shares One ID.
create table person (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    created_at  timestamptz not null default now(),
    merged_into bigint
);
create index person_tenant on person (tenant_id) where merged_into is null;

create table account (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    platform    text        not null,
    account_key text        not null,
    person_id   bigint,
    first_seen  timestamptz not null default now(),
    unique (tenant_id, platform, account_key)
);
create index account_person on account (person_id);

create table identifier (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null,
    kind           text        not null,
    value_hash     bytea       not null,
    value_enc      bytea,
    masked         text,
    strong         boolean     not null,
    account_count  integer     not null default 0, -- accounts sharing it, counted when it was quarantined
    quarantined_at timestamptz,
    unique (tenant_id, kind, value_hash)
);

create table account_identifier (
    account_id    bigint      not null,
    identifier_id bigint      not null,
    tenant_id     bigint      not null,
    first_seen    timestamptz not null default now(),
    primary key (account_id, identifier_id)
);
create index account_identifier_identifier on account_identifier (identifier_id);

-- Why an account belongs to its person: the rule, the identifier that agreed, who made the link.
create table identity_link (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    account_id    bigint      not null,
    person_id     bigint      not null,
    rule          text        not null,
    identifier_id bigint,
    linked_with   bigint,
    made_by       text        not null,
    created_at    timestamptz not null default now(),
    ended_at      timestamptz
);
create index identity_link_account on identity_link (account_id) where ended_at is null;
create index identity_link_person on identity_link (person_id);

create table person_merge (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    survivor_id bigint      not null,
    merged_id   bigint      not null,
    reason      text        not null,
    made_by     text        not null,
    created_at  timestamptz not null default now()
);
