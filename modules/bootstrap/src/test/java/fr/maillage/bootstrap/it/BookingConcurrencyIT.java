package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No two confirmed bookings of a resource overlap, whatever the timing: the database's exclusion constraint
 * {@code booking_no_overlap} decides, through the API under concurrency and for SQL that bypasses the application.
 */
class BookingConcurrencyIT extends EndToEndTest {

    static final int THREADS = 32;

    @Autowired
    DataSource dataSource;

    @Test
    void thirty_two_members_booking_overlapping_ranges_at_once_get_one_booking_and_thirty_one_409s()
            throws Exception {
        BookingsIT.Scene s = scene();
        // A first burst on another resource, none overlapping, so that the one measured does not pay the warm-up of a
        // fresh JVM (the pool waits at most 3 s for a connection).
        List<Callable<Api.Reply>> warmUp = new ArrayList<>();
        for (String range : List.of("08:00-08:30", "08:30-09:00", "09:00-09:30", "09:30-10:00", "10:00-10:30",
                "10:30-11:00", "11:00-11:30", "11:30-12:00")) {
            Api.Call call = api.post(s.book(s.tuvesRoom()), BookingsIT.booking(s.at(range.substring(0, 5)),
                    s.at(range.substring(6)))).token(s.camille().token());
            warmUp.add(call::send);
        }
        assertThat(concurrently(warmUp)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        // Every range holds 10:00-11:00: all overlap each other. Starts from 09:00 to 10:00, lengths 1:15 to 2:00.
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int quarter = i % 5;
            String start = s.at("09:00").replace("09:00", "%02d:%02d".formatted(9 + quarter / 4, quarter % 4 * 15));
            String end = s.at("11:00").replace("11:00", "%02d:%02d".formatted(11 + i % 2, 0));
            Person who = i % 2 == 0 ? s.camille() : s.dominique();
            Api.Call call = api.post(s.book(s.room()), BookingsIT.booking(start, end)).token(who.token());
            calls.add(() -> {
                together.await();
                return call.send();
            });
        }

        List<Api.Reply> replies = concurrently(calls);

        Map<Integer, Integer> statuses = new TreeMap<>();
        replies.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        assertThat(statuses).as(replies.toString()).containsExactly(Map.entry(201, 1), Map.entry(409, THREADS - 1));
        assertThat(replies).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(code(r)).isEqualTo("booking.overlap"));
        try (Connection c = tenant(s.slug())) {
            assertThat(count(c, "select count(*) from booking where resource_id = '" + s.room()
                    + "' and status = 'CONFIRMED'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from booking where resource_id = '" + s.room() + "'"))
                    .as("nothing half-written").isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void the_exclusion_constraint_refuses_an_overlapping_confirmed_row_even_written_in_sql() throws Exception {
        BookingsIT.Scene s = scene();
        Instant nine = OffsetDateTime.parse(s.day() + "T09:00:00+00:00").toInstant();
        try (Connection c = tenant(s.slug())) {
            insert(c, s, nine, nine.plus(Duration.ofHours(2)), "CONFIRMED");
            insert(c, s, nine.plus(Duration.ofHours(2)), nine.plus(Duration.ofHours(3)), "CONFIRMED"); // adjacent
            insert(c, s, nine.plus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2)), "CANCELLED"); // holds none
            c.commit();
            begin(c, s.slug());

            assertThatThrownBy(() -> insert(c, s, nine.plus(Duration.ofMinutes(90)),
                    nine.plus(Duration.ofMinutes(150)), "CONFIRMED"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23P01");
                        assertThat(e.getMessage()).contains("booking_no_overlap");
                    });
            c.rollback();
            begin(c, s.slug());

            UUID cancelled;
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select id from booking where "
                    + "resource_id = '" + s.room() + "' and status = 'CANCELLED'")) {
                r.next();
                cancelled = r.getObject(1, UUID.class);
            }
            c.commit();
            begin(c, s.slug());
            assertThatThrownBy(() -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("update booking set status = 'CONFIRMED', cancelled_at = null, "
                            + "cancelled_by = null where id = '" + cancelled + "'");
                }
            }).as("a cancelled booking cannot come back over a confirmed one")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23P01"));
            c.rollback();
            begin(c, s.slug());

            assertThatThrownBy(() -> insert(c, s, nine, nine, "CONFIRMED")).as("an empty range")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                            .contains("booking_ends_after_start"));
            c.rollback();
            begin(c, s.slug());
            assertThat(count(c, "select count(*) from booking where resource_id = '" + s.room() + "'")).isEqualTo(3);
            assertThat(count(c, "select count(*) from booking where resource_id = '" + s.room()
                    + "' and period = tstzrange('" + nine + "', '" + nine.plus(Duration.ofHours(2)) + "', '[)')"))
                    .as("period is the generated half-open range").isEqualTo(1);
            c.commit();
            begin(c, s.slug());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private BookingsIT.Scene scene() throws Exception {
        return BookingsIT.scene(this);
    }

    private void insert(Connection c, BookingsIT.Scene s, Instant start, Instant end, String status)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into booking (network_id, id, resource_id, place_id, member_id, starts_at, ends_at, status,
                    booked_by, cancelled_at, cancelled_by, created_at, updated_at)
                values (current_setting('app.tenant')::uuid, ?, ?, ?, ?, ?, ?, ?, 'sql', ?, ?, now(), now())""")) {
            boolean cancelled = status.equals("CANCELLED");
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, UUID.fromString(s.room()));
            st.setObject(3, UUID.fromString(s.laSerre()));
            st.setObject(4, UUID.fromString(s.camilleProfile().id()));
            st.setObject(5, start.atOffset(java.time.ZoneOffset.UTC));
            st.setObject(6, end.atOffset(java.time.ZoneOffset.UTC));
            st.setString(7, status);
            st.setObject(8, cancelled ? OffsetDateTime.now() : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            st.setString(9, cancelled ? "sql" : null);
            st.executeUpdate();
        }
    }

    /** A connection of the application's role, in a transaction of the network. */
    private Connection tenant(String slug) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        begin(c, slug);
        return c;
    }

    /** Starts a transaction of the network on {@code c} (the setting ends with the transaction). */
    private static void begin(Connection c, String slug) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select set_config('app.tenant', (select id::text from network where slug = ?), true)")) {
            s.setString(1, slug);
            s.execute();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
