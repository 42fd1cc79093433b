-- Corp tag marks that WeCom refused: transient answers are tried again after retry_at, up to a
-- bound of attempts; the last answer is kept with WeCom's errcode (null: no answer at all).
alter table wecom_tag_mark
    add column attempts integer not null default 0,
    add column retry_at timestamptz,
    add column errcode  integer;
create index wecom_tag_mark_failed on wecom_tag_mark (tenant_id, id) where done_at is not null and error is not null;
