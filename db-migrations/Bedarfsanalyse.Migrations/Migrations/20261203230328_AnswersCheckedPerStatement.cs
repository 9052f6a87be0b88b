using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bedarfsanalyse.Migrations.Migrations
{
    /// <summary>
    /// The foreign key from answers to interviews checked every inserted answer row on its own (an interview's ~60 rows
    /// cost ~60 lookups, 18 % of PostgreSQL's CPU in the interview benchmark). Triggers now keep the same guarantees
    /// once per statement (docs/adr/0024-interview-api-speed.md, second amendment). The EF model keeps the relationship
    /// (it orders inserts and serves Include); only the database constraint goes.
    /// </summary>
    public partial class AnswersCheckedPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                alter table answers drop constraint fk_answers_interviews_interview_id;

                -- As the foreign key did: the interviews of the new rows are locked (for key share), so a delete of one
                -- of them running at the same time waits for this transaction and then deletes these rows as well; an
                -- interview that does not exist (or was deleted meanwhile) refuses the whole statement. One index probe
                -- per interview (a statement writes one): a join with the transition table was planned as a hash join
                -- over all interviews.
                create function answers_refer_to_interviews() returns trigger language plpgsql as $$
                declare
                    interview uuid;
                begin
                    for interview in select distinct n.interview_id from new_answers n loop
                        perform 1 from interviews i where i.id = interview for key share of i;
                        if not found then
                            raise foreign_key_violation using
                                message = 'insert or update on table "answers" violates foreign key constraint "fk_answers_interviews_interview_id"',
                                detail = format('Key (interview_id)=(%s) is not present in table "interviews".', interview),
                                table = 'answers', constraint = 'fk_answers_interviews_interview_id';
                        end if;
                    end loop;
                    return null;
                end $$;
                create trigger answers_interview_exists after insert on answers
                    referencing new table as new_answers for each statement execute function answers_refer_to_interviews();

                -- on delete cascade; by the answers' primary key (interview_id first), whatever the planner guesses about
                -- the transition table.
                create function delete_answers_of_interviews() returns trigger language plpgsql as $$
                begin
                    delete from answers a where a.interview_id = any (array(select o.id from old_interviews o));
                    return null;
                end $$;
                create trigger interviews_delete_answers after delete on interviews
                    referencing old table as old_interviews for each statement execute function delete_answers_of_interviews();

                -- A delete, not a truncate: a truncate that names both tables (the test reset) has answers in use.
                create function empty_answers() returns trigger language plpgsql as $$
                begin
                    delete from answers;
                    return null;
                end $$;
                create trigger interviews_empty_answers after truncate on interviews
                    for each statement execute function empty_answers();

                -- Neither side of the link moves: an answer stays with its interview, an interview keeps its id.
                create function refuse_interview_link_change() returns trigger language plpgsql as $$
                begin
                    raise foreign_key_violation using
                        message = 'an answer stays with its interview: interviews.id and answers.interview_id do not change',
                        table = tg_table_name, constraint = 'fk_answers_interviews_interview_id';
                end $$;
                create trigger answers_interview_id_fixed before update of interview_id on answers
                    for each row when (new.interview_id is distinct from old.interview_id) execute function refuse_interview_link_change();
                create trigger interviews_id_fixed before update of id on interviews
                    for each row when (new.id is distinct from old.id) execute function refuse_interview_link_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger interviews_id_fixed on interviews;
                drop trigger answers_interview_id_fixed on answers;
                drop function refuse_interview_link_change();
                drop trigger interviews_empty_answers on interviews;
                drop function empty_answers();
                drop trigger interviews_delete_answers on interviews;
                drop function delete_answers_of_interviews();
                drop trigger answers_interview_exists on answers;
                drop function answers_refer_to_interviews();
                alter table answers add constraint fk_answers_interviews_interview_id
                    foreign key (interview_id) references interviews (id) on delete cascade;
                """);
        }
    }
}
