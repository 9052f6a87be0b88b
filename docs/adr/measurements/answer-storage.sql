-- Measurement behind ADR 0002 (answer storage): typed answer rows vs. one jsonb document per interview.
-- Same data in both shapes: 16,667 interviews x 60 answer values = 1,000,020 values, 7 districts, 8 quarters.
-- Run: psql -X -f docs/adr/measurements/answer-storage.sql  (in an empty scratch database)
\timing on
\set ON_ERROR_STOP on
select setseed(0.42);
drop table if exists t_answer, t_interview, j_interview cascade;

create table t_interview(id uuid primary key, district char(5) not null, conducted_on date not null, status smallint not null);
create table t_answer(interview_id uuid not null references t_interview(id), question text not null,
                      item text not null default '', code text, num numeric, txt text);

insert into t_interview
select gen_random_uuid(), (array['03255','03252','03257','03256','03251','03453','03460'])[1 + (g % 7)],
       date '2024-10-01' + (g % 730), case when g % 20 = 0 then 0 else 1 end
from generate_series(1, 16667) g;

-- 20 single choice (sc01..sc20), 5 multiple choice with 3 picks (mc1..mc5), a 10-row matrix (mx),
-- 10 numbers (nm01..nm10), 5 texts (tx1..tx5): 60 values per interview.
insert into t_answer(interview_id, question, code)
select i.id, 'sc' || lpad(q::text, 2, '0'), 'o' || (1 + floor(random() * 5))::int from t_interview i, generate_series(1, 20) q;
insert into t_answer(interview_id, question, code)
select i.id, 'mc' || q, 'o' || k from t_interview i, generate_series(1, 5) q, generate_series(1, 3) k;
insert into t_answer(interview_id, question, item, code)
select i.id, 'mx', 'r' || r, (array['now','y1_2','y3_5'])[1 + floor(random() * 3)::int] from t_interview i, generate_series(1, 10) r;
insert into t_answer(interview_id, question, num)
select i.id, 'nm' || lpad(q::text, 2, '0'), floor(random() * 250) from t_interview i, generate_series(1, 10) q;
insert into t_answer(interview_id, question, txt)
select i.id, 'tx' || q, md5(random()::text) from t_interview i, generate_series(1, 5) q;
create index t_answer_interview on t_answer(interview_id);

-- The same answers as one document per interview.
create table j_interview as
select i.id, i.district, i.conducted_on, i.status,
       (select jsonb_object_agg(q, v) from (
            select question q, case
                when question like 'mc%' then jsonb_agg(code)
                when question = 'mx' then jsonb_object_agg(item, code)
                when max(num) is not null then to_jsonb(max(num))
                else to_jsonb(max(coalesce(code, txt))) end v
            from t_answer a where a.interview_id = i.id group by question) x) answers
from t_interview i;
alter table j_interview add primary key (id);
vacuum analyze t_interview; vacuum analyze t_answer; vacuum analyze j_interview;

select count(*) as answer_values from t_answer;
select 'typed rows' as shape, pg_size_pretty(pg_total_relation_size('t_answer') + pg_total_relation_size('t_interview')) as size
union all
select 'jsonb', pg_size_pretty(pg_total_relation_size('j_interview'));

-- Q1: counts per district x question x matrix row x option for one quarter (what every report needs). Run twice, warm.
\echo Q1 typed rows
select count(*) from (
  select i.district, a.question, a.item, a.code, count(*)
  from t_answer a join t_interview i on i.id = a.interview_id
  where i.status = 1 and i.conducted_on >= '2026-07-01' and i.conducted_on < '2026-10-01' and a.code is not null
  group by 1, 2, 3, 4) c;
select count(*) from (
  select i.district, a.question, a.item, a.code, count(*)
  from t_answer a join t_interview i on i.id = a.interview_id
  where i.status = 1 and i.conducted_on >= '2026-07-01' and i.conducted_on < '2026-10-01' and a.code is not null
  group by 1, 2, 3, 4) c;
\echo Q1 jsonb
select count(*) from (
  select i.district, e.key, x.item, x.code, count(*)
  from j_interview i
  cross join lateral jsonb_each(i.answers) e
  cross join lateral (
      select '' as item, e.value #>> '{}' as code where jsonb_typeof(e.value) = 'string'
      union all select '', a from jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) a
      union all select k, v from jsonb_each_text(case when jsonb_typeof(e.value) = 'object' then e.value else '{}' end) m(k, v)) x
  where i.status = 1 and i.conducted_on >= '2026-07-01' and i.conducted_on < '2026-10-01' and e.key not like 'tx%'
  group by 1, 2, 3, 4) c;
select count(*) from (
  select i.district, e.key, x.item, x.code, count(*)
  from j_interview i
  cross join lateral jsonb_each(i.answers) e
  cross join lateral (
      select '' as item, e.value #>> '{}' as code where jsonb_typeof(e.value) = 'string'
      union all select '', a from jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) a
      union all select k, v from jsonb_each_text(case when jsonb_typeof(e.value) = 'object' then e.value else '{}' end) m(k, v)) x
  where i.status = 1 and i.conducted_on >= '2026-07-01' and i.conducted_on < '2026-10-01' and e.key not like 'tx%'
  group by 1, 2, 3, 4) c;

-- Q2: all quarters at once (the analyst export / trend view).
\echo Q2 typed rows, all 8 quarters
select count(*) from (
  select i.district, date_trunc('quarter', i.conducted_on), a.question, a.item, a.code, count(*)
  from t_answer a join t_interview i on i.id = a.interview_id where i.status = 1 and a.code is not null
  group by 1, 2, 3, 4, 5) c;
\echo Q2 jsonb, all 8 quarters
select count(*) from (
  select i.district, date_trunc('quarter', i.conducted_on), e.key, x.item, x.code, count(*)
  from j_interview i
  cross join lateral jsonb_each(i.answers) e
  cross join lateral (
      select '' as item, e.value #>> '{}' as code where jsonb_typeof(e.value) = 'string'
      union all select '', a from jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) a
      union all select k, v from jsonb_each_text(case when jsonb_typeof(e.value) = 'object' then e.value else '{}' end) m(k, v)) x
  where i.status = 1 and e.key not like 'tx%'
  group by 1, 2, 3, 4, 5) c;
