-- WeCom channel. A tenant connects to one corp; secrets are encrypted with the personal-data
-- keyring. Identifiers of WeCom (external_userid, userid, chat_id) are pseudonymous and kept in
-- clear; names and remarks are personal data and encrypted.
create table wecom_corp (
    tenant_id        bigint primary key,
    corp_id          text        not null,
    agent_id         integer,
    token_enc        bytea       not null,
    aes_key_enc      bytea       not null,
    secret_enc       bytea,
    api_base         text        not null,
    calls_per_minute integer     not null default 2000,
    tags_stale       boolean     not null default true,
    updated_at       timestamptz not null default now()
);

-- Every accepted callback, once: WeCom's retries and replays hit the unique key.
create table wecom_event (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    dedup_key     text        not null,
    event         text,
    change_type   text,
    state         text,
    payload       text        not null,
    received_at   timestamptz not null default now(),
    processed_at  timestamptz,
    process_count integer     not null default 0,
    error         text,
    unique (tenant_id, dedup_key)
);
create index wecom_event_pending on wecom_event (id) where processed_at is null;
create index wecom_event_state on wecom_event (tenant_id, state) where state is not null;

create table wecom_staff (
    tenant_id  bigint      not null,
    userid     text        not null,
    name       text,
    store      text,
    is_guide   boolean     not null default true,
    left_at    timestamptz,
    synced_at  timestamptz not null default now(),
    primary key (tenant_id, userid)
);

create table wecom_contact (
    tenant_id         bigint      not null,
    external_userid   text        not null,
    name_enc          bytea,
    name_masked       text,
    contact_type      smallint,
    gender            smallint,
    has_unionid       boolean     not null default false,
    marketing_opt_out boolean     not null default false,
    opt_out_at        timestamptz,
    detail_at         timestamptz,
    created_at        timestamptz not null default now(),
    primary key (tenant_id, external_userid)
);
create index wecom_contact_stale on wecom_contact (tenant_id) where detail_at is null;

-- Who serves whom: one row per staff member and customer, deleted rows kept with the side that left.
create table wecom_follow (
    tenant_id       bigint      not null,
    userid          text        not null,
    external_userid text        not null,
    remark_enc      bytea,
    remark_masked   text,
    state           text,
    add_way         integer,
    tag_ids         text[]      not null default '{}',
    added_at        timestamptz,
    deleted_at      timestamptz,
    deleted_by      text check (deleted_by in ('staff', 'customer', 'transfer')),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, userid, external_userid)
);
create index wecom_follow_contact on wecom_follow (tenant_id, external_userid);
create index wecom_follow_state on wecom_follow (tenant_id, state);

-- Corp tags as WeCom has them; the seam to siyu's own tag catalog is tag_key.
create table wecom_corp_tag (
    tenant_id  bigint      not null,
    tag_id     text        not null,
    group_id   text        not null,
    group_name text        not null,
    name       text        not null,
    sort_order integer     not null default 0,
    tag_key    text,
    deleted_at timestamptz,
    synced_at  timestamptz not null default now(),
    primary key (tenant_id, tag_id)
);

create table wecom_channel_code (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null,
    state            text        not null check (length(state) <= 30),
    kind             text        not null check (kind in ('package_insert', 'sms', 'live', 'store', 'staff', 'other')),
    name             text        not null,
    userids          text[]      not null,
    config_id        text,
    qr_code          text,
    welcome_template text,
    gift_link        text,
    created_at       timestamptz not null default now(),
    unique (tenant_id, state)
);

-- Package-insert cards: a short code printed on each card, tied to an order, claimed by a friend.
create table wecom_card (
    tenant_id       bigint      not null,
    code            text        not null,
    channel_code_id bigint      not null,
    order_id        bigint      not null,
    claimed_by      text,
    claimed_at      timestamptz,
    primary key (tenant_id, code)
);

create table wecom_welcome (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    welcome_code    text,
    userid          text        not null,
    external_userid text        not null,
    state           text,
    event_at        timestamptz not null,
    status          text        not null check (status in ('sending', 'sent', 'failed', 'expired', 'missing_code', 'no_template', 'opted_out')),
    detail          text,
    sent_at         timestamptz,
    latency_ms      integer,
    created_at      timestamptz not null default now()
);
create unique index wecom_welcome_code on wecom_welcome (tenant_id, welcome_code) where welcome_code is not null;

create table wecom_transfer (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    kind            text        not null check (kind in ('onjob', 'resigned', 'group')),
    handover_userid text        not null,
    takeover_userid text        not null,
    target          text        not null,
    status          text        not null check (status in ('waiting', 'success', 'failed', 'refused', 'limit_exceeded')),
    errcode         integer,
    fail_reason     text,
    requested_at    timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index wecom_transfer_target on wecom_transfer (tenant_id, target);

create table wecom_assignment_rule (
    id        bigint generated always as identity primary key,
    tenant_id bigint  not null,
    priority  integer not null,
    kind      text    not null check (kind in ('existing', 'store', 'round_robin')),
    store     text,
    userids   text[]  not null default '{}',
    turn      bigint  not null default 0
);

create table wecom_group (
    tenant_id     bigint      not null,
    chat_id       text        not null,
    name          text,
    owner         text,
    member_target integer,
    stale         boolean     not null default true,
    created_at    timestamptz,
    dismissed_at  timestamptz,
    synced_at     timestamptz not null default now(),
    primary key (tenant_id, chat_id)
);

create table wecom_group_member (
    tenant_id   bigint      not null,
    chat_id     text        not null,
    member_id   text        not null,
    member_type smallint    not null,
    joined_at   timestamptz,
    join_scene  smallint,
    left_at     timestamptz,
    quit_scene  smallint,
    primary key (tenant_id, chat_id, member_id)
);
create index wecom_group_member_member on wecom_group_member (tenant_id, member_id);

-- Join, quit and other changes of a group, from callbacks: the history activity measures read.
create table wecom_group_change (
    id        bigint generated always as identity primary key,
    tenant_id bigint      not null,
    chat_id   text        not null,
    change    text        not null,
    scene     smallint,
    members   integer     not null default 0,
    at        timestamptz not null
);
create index wecom_group_change_chat on wecom_group_change (tenant_id, chat_id, at);
