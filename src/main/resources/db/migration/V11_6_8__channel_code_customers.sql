-- The customers who came through each channel code, kept as they arrive: counting them no
-- longer reads every logged event's XML, and survives the event log's retention.
create table wecom_code_customer (
    tenant_id       bigint      not null,
    state           text        not null,
    external_userid text        not null,
    first_at        timestamptz not null,
    primary key (tenant_id, state, external_userid)
);

insert into wecom_code_customer (tenant_id, state, external_userid, first_at)
select tenant_id, state, (xpath('/xml/ExternalUserID/text()', payload::xml))[1]::text, min(received_at)
from wecom_event
where state is not null and (xpath('/xml/ExternalUserID/text()', payload::xml))[1] is not null
group by 1, 2, 3
on conflict do nothing;

insert into wecom_code_customer (tenant_id, state, external_userid, first_at)
select tenant_id, state, external_userid, min(coalesce(added_at, now()))
from wecom_follow
where state is not null
group by 1, 2, 3
on conflict do nothing;

-- nothing reads the event log by state any more
drop index wecom_event_state;
