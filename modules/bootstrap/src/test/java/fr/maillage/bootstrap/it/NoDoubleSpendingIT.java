package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.CheckInWorld.paris;
import static fr.maillage.bootstrap.it.Inspect.code;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.application.visit.CheckInService;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.out.HeldMembershipPort;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No double spending, proven against PostgreSQL with many threads: the last entry of a card is consumed exactly
 * once whoever races for it (the member's QR code and the front desk at once), a balance never goes below zero, a
 * visit is closed and its blocks consumed once however many check-outs race, and the consumption statement itself
 * never hands out more entries than the card holds. Every assertion reads the database rows. (Over HTTP, a request
 * that cannot get one of the pool's 8 connections within 3 s on a loaded machine answers 503 having done nothing:
 * allowed, since the invariants are checked on the rows.)
 */
class NoDoubleSpendingIT extends EndToEndTest {

    static final int THREADS = 32;

    @Autowired
    DataSource dataSource;

    @Autowired
    CheckInService service;

    @Autowired
    HeldMembershipPort memberships;

    @Autowired
    UnitOfWorkPort unitOfWork;

    VisitFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new VisitFixtures(dataSource);
    }

    @Test
    void thirty_two_check_ins_at_once_by_qr_code_and_at_the_desk_on_the_last_entry_of_a_card_consume_it_once()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "spend");
        UUID card = w.hold(fixtures, w.memberId(), w.laSerreCard(1));
        String token = api.get(w.base() + "/places/" + w.laLocomotive() + "/check-in-code")
                .token(w.manager().token()).send().json().get("token").asString();
        String desk = w.base() + "/places/" + w.laLocomotive() + "/check-ins";
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Api.Call call = i % 2 == 0
                    ? api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}").token(w.member().token())
                    : api.post(desk, "{\"memberId\":\"" + w.memberId() + "\"}").token(w.manager().token());
            calls.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.send();
            });
        }

        List<Api.Reply> replies = concurrentlyAfter(start, calls);

        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Api.Reply::status,
                Collectors.counting()));
        // 409 for the losers; 503 (nothing done) for a request that waited more than the pool's 3 s for a connection
        // on a loaded machine: 32 requests share 8 connections.
        assertThat(statuses).as(replies.toString()).containsEntry(201, 1L);
        assertThat(statuses.keySet()).as(replies.toString()).isSubsetOf(201, 409, 503);
        assertThat(replies.stream().filter(r -> r.status() == 409).map(Inspect::code).distinct())
                .isSubsetOf("visit.already-open", "visit.already-open.concurrent", "check-in.no-membership");
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isZero();
        assertThat(fixtures.count(w.slug(), "select count(*) from visit where member_id = ?", w.memberId()))
                .isEqualTo(1);
        assertThat(fixtures.count(w.slug(), "select count(*) from visit where entries_consumed <> 1")).isZero();
        assertThat(fixtures.count(w.slug(), "select count(*) from usage_entry where membership_id = ?", card))
                .isEqualTo(1);
        assertThat(fixtures.count(w.slug(), "select coalesce(sum(entries), 0) from usage_entry")).isEqualTo(1);

        Api.Reply out = api.post(w.base() + "/me/visit/check-out", null).token(w.member().token()).send();
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        Api.Reply nothingLeft = api.post(desk, "{\"memberId\":\"" + w.memberId() + "\"}").token(w.manager().token())
                .send();
        assertThat(nothingLeft.status()).as(nothingLeft.toString()).isEqualTo(409);
        assertThat(code(nothingLeft)).isEqualTo("check-in.no-membership");
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isZero();
    }

    @Test
    void concurrent_consumptions_never_take_more_entries_than_the_card_holds() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "consume");
        NetworkId network = new NetworkId(fixtures.networkId(w.slug()));
        UUID five = w.hold(fixtures, w.memberId(), w.laSerreCard(5));
        UUID three = w.hold(fixtures, w.memberId(), w.laSerreCard(3));
        Instant now = Instant.now();

        List<Boolean> taken = race(i -> unitOfWork.inTenant(network, () -> memberships.consume(five, 1, now).isPresent()));
        assertThat(taken.stream().filter(t -> t).count()).as("all or nothing, one entry each").isEqualTo(5);
        assertThat(fixtures.entriesRemaining(w.slug(), five)).isZero();

        List<Integer> upTo = race(i -> unitOfWork.inTenant(network, () -> memberships.consumeUpTo(three, 2, now).taken()));
        assertThat(upTo.stream().mapToInt(Integer::intValue).sum()).as("up to two each, three in all").isEqualTo(3);
        assertThat(upTo).allSatisfy(n -> assertThat(n).isBetween(0, 2));
        assertThat(fixtures.entriesRemaining(w.slug(), three)).isZero();
        assertThat(fixtures.count(w.slug(), "select count(*) from membership where entries_remaining < 0")).isZero();
        assertThat(fixtures.count(w.slug(), "select version from membership where id = ?", five))
                .as("each consumption is a new version of the row").isEqualTo(5);
    }

    @Test
    void a_visit_checked_out_at_once_by_the_member_and_at_the_desk_is_closed_and_consumed_once() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "checkout");
        UUID card = w.sellLaSerreCard(api, w.memberId());
        LocalDate monday = CheckInWorld.nextWorkingMonday();
        VisitDetails in = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laLocomotive()),
                new DeskCheckInCommand.Raw(w.memberId().toString(), null), paris(monday, 9, 0));
        Instant out = paris(monday, 16, 0); // 7 hours: 3 blocks, 2 more at check-out

        List<String> results = race(i -> {
            try {
                VisitDetails closed = i % 2 == 0
                        ? service.checkOutMineAt(w.memberCaller(), w.network(), out)
                        : service.checkOutAtDeskAt(w.managerCaller(), w.network(), in.visit().id(), out);
                return "closed by " + closed.visit().closedBy();
            } catch (DomainException e) {
                return e.code();
            }
        });

        assertThat(results.stream().filter(r -> r.startsWith("closed")).count()).as(results.toString())
                .isEqualTo(1);
        assertThat(results.stream().filter(r -> !r.startsWith("closed")).distinct())
                .isSubsetOf("visit.none-open", "visit.already-closed");
        Map<String, Object> visit = fixtures.one(w.slug(), "select * from visit where id = ?", in.visit().id());
        assertThat(visit.get("entries_consumed")).isEqualTo(3);
        assertThat(visit.get("entries_short")).isEqualTo(0);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(7);
        assertThat(fixtures.count(w.slug(), "select sum(entries) from usage_entry where visit_id = ?",
                in.visit().id())).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    interface Attempt<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@value #THREADS} attempts released at once. */
    private static <T> List<T> race(Attempt<T> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            calls.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return attempt.run(index);
            });
        }
        return concurrentlyAfter(start, calls);
    }

    private static <T> List<T> concurrentlyAfter(CountDownLatch start, List<Callable<T>> calls) throws Exception {
        Thread opener = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            start.countDown();
        });
        List<T> results = concurrently(calls);
        opener.join();
        return results;
    }
}
