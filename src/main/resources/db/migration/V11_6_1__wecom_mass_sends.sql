-- Mass sends (群发) to customers or groups: one send per client request id, one WeCom task per
-- sending staff member, one row per recipient with its result as WeCom reports it.
create table wecom_mass_send (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    request_id  text        not null check (length(request_id) between 1 and 64),
    chat_type   text        not null check (chat_type in ('single', 'group')),
    content     text        not null,
    audience_id bigint,
    asked       integer     not null,
    recipients  integer     not null,
    excluded    jsonb       not null default '{}',
    created_by  text,
    created_at  timestamptz not null default now(),
    polled_at   timestamptz,
    unique (tenant_id, request_id)
);

create table wecom_mass_task (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null,
    send_id      bigint      not null references wecom_mass_send (id),
    sender       text        not null,
    part         integer     not null default 0, -- WeCom takes up to 10,000 customers per task
    status       text        not null check (status in ('planned', 'calling', 'created', 'failed', 'uncertain',
                                                         'sent', 'expired')),
    msgid        text,
    error        text,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz,
    unique (send_id, sender, part)
);
create index wecom_mass_task_open on wecom_mass_task (tenant_id) where status = 'created';

-- target: an external_userid for a send to customers, a chat id for a send to groups
create table wecom_mass_recipient (
    tenant_id  bigint      not null,
    send_id    bigint      not null,
    task_id    bigint      not null references wecom_mass_task (id),
    target     text        not null,
    person_id  bigint,
    status     text        not null check (status in ('pending', 'sent', 'not_sent', 'not_friend', 'limit_reached',
                                                      'failed')),
    planned_at timestamptz not null default now(),
    sent_at    timestamptz,
    primary key (send_id, target)
);
create index wecom_mass_recipient_target on wecom_mass_recipient (tenant_id, target, planned_at);
create index wecom_mass_recipient_task on wecom_mass_recipient (task_id);

-- Corp tags to put on or take off follow relations (mark_tag), queued in the transaction that
-- changed the siyu tag, sent in batches per relation.
create table wecom_tag_mark (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    userid          text        not null,
    external_userid text        not null,
    tag_id          text        not null,
    add             boolean     not null,
    queued_at       timestamptz not null default now(),
    done_at         timestamptz,
    error           text
);
create index wecom_tag_mark_pending on wecom_tag_mark (tenant_id, id) where done_at is null;

-- Message counts of customer groups per owner and day (groupchat/statistic).
create table wecom_group_stat (
    tenant_id      bigint      not null,
    owner          text        not null,
    day            date        not null,
    chat_total     integer     not null,
    chat_has_msg   integer     not null,
    new_chat_cnt   integer     not null,
    new_member_cnt integer     not null,
    member_total   integer     not null,
    member_has_msg integer     not null,
    msg_total      integer     not null,
    fetched_at     timestamptz not null default now(),
    primary key (tenant_id, owner, day)
);
