package fr.maillage.bootstrap.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Memberships written straight into the database (in the network's tenant transaction, under row-level security),
 * and the rows the check-in tests assert on. The sale of memberships has its own API (memberships); the check-in
 * tests need members holding cards, passes and subscriptions in known states (any number of entries left).
 */
final class VisitFixtures {

    private final DataSource dataSource;

    VisitFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A membership as sold: the offer's snapshot and its state. */
    record Holding(UUID offer, UUID seller, String kind, String name, long priceCents, String scope,
            @Nullable Integer entriesTotal, @Nullable Integer entriesRemaining, @Nullable Integer entryMinutes,
            LocalDate validFrom, LocalDate validUntil, List<UUID> chosenPlaces) {

        /** La Serre's card: 10 entries of 3 hours for 50 €, valid a year from today. */
        static Holding card(UUID offer, UUID seller, String scope, int remaining) {
            LocalDate today = LocalDate.now(SetupIT.PARIS);
            return new Holding(offer, seller, "CARD", "Carte 10 entrées", 5_000, scope, 10, remaining, 180,
                    today.minusDays(1), today.plusYears(1), List.of());
        }

        static Holding subscription(UUID offer, UUID seller, String scope) {
            LocalDate today = LocalDate.now(SetupIT.PARIS);
            return new Holding(offer, seller, "SUBSCRIPTION", "Abonnement mensuel", 8_000, scope, null, null, null,
                    today.minusDays(1), today.plusMonths(2), List.of());
        }

        Holding validUntil(LocalDate until) {
            return new Holding(offer, seller, kind, name, priceCents, scope, entriesTotal, entriesRemaining,
                    entryMinutes, validFrom, until, chosenPlaces);
        }
    }

    UUID networkId(String slug) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id from network where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no network " + slug);
                }
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An active membership of the member. */
    UUID hold(String slug, UUID member, Holding h) {
        UUID id = UUID.randomUUID();
        UUID network = networkId(slug);
        inTenant(slug, c -> {
            update(c, """
                    insert into membership (network_id, id, member_id, offer_id, operator_id, kind, status, offer_name,
                        price_cents, scope_type, billing, entries_total, entries_remaining, entry_minutes, validity,
                        valid_from, valid_until, amount_paid_cents, sold_at, sold_by, activated_at, created_at,
                        updated_at)
                    values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'fixture', now(), now(),
                        now())""",
                    network, id, member, h.offer(), h.seller(), h.kind(), h.name(), h.priceCents(), h.scope(),
                    h.kind().equals("SUBSCRIPTION") ? "MONTHLY" : null, h.entriesTotal(), h.entriesRemaining(),
                    h.entryMinutes(), h.kind().equals("CARD") ? "P1Y" : null, h.validFrom(), h.validUntil(),
                    h.priceCents());
            for (UUID place : h.chosenPlaces()) {
                update(c, "insert into membership_place (network_id, membership_id, place_id) values (?, ?, ?)",
                        network, id, place);
            }
            return null;
        });
        return id;
    }

    /** An open visit of the member at the place, without membership (as a desk check-in would leave it). */
    UUID openVisit(String slug, UUID place, UUID member) {
        UUID id = UUID.randomUUID();
        inTenant(slug, c -> update(c, """
                insert into visit (network_id, id, place_id, member_id, source, checked_in_at, checked_in_by,
                                   created_at, updated_at)
                values (?, ?, ?, ?, 'DESK', now(), 'fixture', now(), now())""", networkId(slug), id, place, member));
        return id;
    }

    /** A statement run in the network's transaction; the number of rows it changed. */
    int execute(String slug, String sql, Object... args) {
        return (Integer) inTenant(slug, c -> update(c, sql, args));
    }

    int entriesRemaining(String slug, UUID membership) {
        return ((Number) one(slug, "select entries_remaining from membership where id = ?", membership)
                .get("entries_remaining")).intValue();
    }

    /** The rows of a query run in the network's transaction (column names to values). */
    List<Map<String, Object>> rows(String slug, String sql, Object... args) {
        return inTenant(slug, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        });
    }

    Map<String, Object> one(String slug, String sql, Object... args) {
        List<Map<String, Object>> rows = rows(slug, sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException("one row expected, " + rows.size() + " found: " + sql);
        }
        return rows.getFirst();
    }

    long count(String slug, String sql, Object... args) {
        return ((Number) one(slug, sql, args).values().iterator().next()).longValue();
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTenant(String slug, Work<T> work) {
        UUID network = networkId(slug);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant', ?, true)")) {
                    s.setString(1, network.toString());
                    s.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, arg);
            }
        }
    }
}
