-- Attachments of a mass send as add_msg_template takes them (image, link, miniprogram).
alter table wecom_mass_send add column attachments jsonb not null default '[]';
