-- A welcome row is written when its code is claimed and updated once with the outcome: room left
-- on each page lets that update stay on the page without touching the indexes (a HOT update).
alter table wecom_welcome set (fillfactor = 60);
