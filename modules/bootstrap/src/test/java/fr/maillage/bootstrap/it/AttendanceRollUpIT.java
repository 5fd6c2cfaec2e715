package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.CheckInWorld.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.CheckInService;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.bootstrap.it.EndToEndTest.Person;
import fr.maillage.domain.place.PlaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attendance roll-up ({@code attendance_day}, {@code attendance_month}, kept by triggers on {@code visit}) equals
 * the aggregate of the visits themselves after check-ins, check-outs, automatic closing, an open visit, a day when
 * clocks go forward and one when they go back, visits either side of a month boundary in network time, manual fixes
 * of visits by SQL and a change of the network's time zone.
 */
class AttendanceRollUpIT extends EndToEndTest {

    /** What the roll-up must hold, computed from the visits (open visits count no presence yet). */
    private static final String DIRECT = """
            select v.place_id, date_trunc('%1$s', v.checked_in_at at time zone n.time_zone)::date as period,
                   count(*) as visits, count(distinct v.member_id) as members,
                   coalesce(sum(case when v.checked_out_at is null then 0
                       else extract(epoch from v.checked_out_at - v.checked_in_at) end), 0)::bigint as seconds
              from visit v join network n on n.id = v.network_id
             group by 1, 2 order by 2, 1""";
    private static final String ROLLED_UP = """
            select place_id, %1$s as period, visits, members, seconds::bigint as seconds
              from attendance_%1$s order by 2, 1""";

    @Autowired
    DataSource dataSource;

    @Autowired
    CheckInService service;

    VisitFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new VisitFixtures(dataSource);
    }

    @Test
    void the_roll_up_always_equals_the_aggregate_of_the_visits() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "rollup");
        Person other = w.anotherMember(this, "Alex");
        UUID otherId = w.memberIdOf(api, other);
        for (UUID member : List.of(w.memberId(), otherId)) {
            w.hold(fixtures, member, w.passReseau(10));
            w.hold(fixtures, member, w.passReseau(10));
        }
        PlaceId laSerre = new PlaceId(w.laSerre());
        PlaceId lesTuves = new PlaceId(w.lesTuves());
        LocalDate monday = CheckInWorld.nextWorkingMonday();

        visit(w, w.memberId(), laSerre, paris(monday, 9, 30), paris(monday, 12, 0));
        visit(w, w.memberId(), laSerre, paris(monday, 14, 0), paris(monday, 15, 0));
        visit(w, otherId, laSerre, paris(monday, 10, 0), paris(monday, 11, 15));
        assertSame(w);

        // Clocks go forward on 28 March 2027 (02:00 → 03:00) and back on 31 October 2027 (03:00 → 02:00).
        visit(w, w.memberId(), lesTuves, paris(LocalDate.of(2027, 3, 28), 1, 30), paris(LocalDate.of(2027, 3, 28), 3, 30));
        visit(w, otherId, lesTuves, paris(LocalDate.of(2027, 10, 31), 0, 30), paris(LocalDate.of(2027, 10, 31), 4, 0));
        // Either side of midnight at the end of March (in Paris, 22:15 UTC on the 31st is already 1 April).
        visit(w, w.memberId(), lesTuves, paris(LocalDate.of(2027, 3, 31), 23, 30), paris(LocalDate.of(2027, 4, 1), 0, 10));
        visit(w, w.memberId(), lesTuves, paris(LocalDate.of(2027, 4, 1), 0, 15), paris(LocalDate.of(2027, 4, 1), 1, 0));
        assertSame(w);

        // Closed automatically at La Serre's closing time (17:00), and one left open.
        Caller animator = CheckInWorld.caller(w.animator(), w.slug());
        service.checkInAtDeskAt(animator, w.network(), laSerre,
                new DeskCheckInCommand.Raw(otherId.toString(), "Test"), paris(monday.plusDays(1), 13, 0));
        assertThat(service.closeDueVisitsOf(w.network(), paris(monday.plusDays(1), 17, 30))).isEqualTo(1);
        VisitDetails open = service.checkInAtDeskAt(animator, w.network(), laSerre,
                new DeskCheckInCommand.Raw(w.memberId().toString(), "Test"), paris(monday.plusDays(2), 9, 0));
        assertSame(w);

        // Manual fixes by SQL: a visit moved to another place and day, one checked in earlier, one removed is not
        // possible for the application role (no DELETE on visit), so only updates.
        fixtures.execute(w.slug(), "update visit set place_id = ?, checked_in_at = checked_in_at - interval '1 day',"
                + " checked_out_at = checked_out_at - interval '1 day' where checked_in_at = ?", w.lesTuves(),
                java.sql.Timestamp.from(paris(monday, 9, 30)));
        fixtures.execute(w.slug(), "update visit set checked_in_at = ? where id = ?",
                java.sql.Timestamp.from(paris(monday.plusDays(2), 8, 0)), open.visit().id());
        fixtures.execute(w.slug(), "update visit set checked_out_at = checked_in_at + interval '90 minutes',"
                + " closed_by = 'DESK' where id = ?", open.visit().id());
        assertSame(w);

        // A network that changes its time zone has its roll-up recomputed in the new one.
        fixtures.execute(w.slug(), "update network set time_zone = 'Indian/Reunion' where id = ?",
                fixtures.networkId(w.slug()));
        assertSame(w);
        fixtures.execute(w.slug(), "update network set time_zone = 'Europe/Paris' where id = ?",
                fixtures.networkId(w.slug()));
        assertSame(w);
        assertThat(fixtures.count(w.slug(), "select count(*) from attendance_month")).isPositive();
    }

    private void assertSame(CheckInWorld w) {
        for (String unit : List.of("day", "month")) {
            assertThat(fixtures.rows(w.slug(), ROLLED_UP.formatted(unit))).as("attendance_" + unit)
                    .isEqualTo(fixtures.rows(w.slug(), DIRECT.formatted(unit)));
        }
    }

    private void visit(CheckInWorld w, UUID member, PlaceId place, Instant in, Instant out) {
        Caller animator = CheckInWorld.caller(w.animator(), w.slug());
        VisitDetails visit = service.checkInAtDeskAt(animator, w.network(), place,
                new DeskCheckInCommand.Raw(member.toString(), "Test"), in);
        service.checkOutAtDeskAt(animator, w.network(), visit.visit().id(), out);
    }
}
