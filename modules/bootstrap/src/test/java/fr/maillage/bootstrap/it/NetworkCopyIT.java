package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.CheckInService;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkArchivedException;
import fr.maillage.domain.place.PlaceId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access policy keeps a copy of the networks it met (no transaction of its own to find a network by slug); a
 * network archived meanwhile, here by SQL as another instance of the application would, is refused at the very next
 * request: the statement that opens the network's transaction reads its state and the copy is refreshed (ADR 0010).
 */
class NetworkCopyIT extends EndToEndTest {

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
    void a_network_archived_elsewhere_is_refused_at_once() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "copy");
        w.hold(fixtures, w.memberId(), w.passReseau(10));
        Caller animator = CheckInWorld.caller(w.animator(), w.slug());
        PlaceId place = new PlaceId(w.laLocomotive());
        DeskCheckInCommand.Raw desk = new DeskCheckInCommand.Raw(w.memberId().toString(), null);
        VisitDetails in = service.checkInAtDesk(animator, w.network(), place, desk);
        service.checkOutAtDesk(animator, w.network(), in.visit().id());

        assertThat(fixtures.execute(w.slug(), "update network set status = 'ARCHIVED', archived_at = now(),"
                + " version = version + 1 where id = ?", fixtures.networkId(w.slug()))).isEqualTo(1);

        assertThatThrownBy(() -> service.checkInAtDesk(animator, w.network(), place, desk))
                .isInstanceOf(NetworkArchivedException.class);
        assertThat(fixtures.count(w.slug(), "select count(*) from visit")).as("nothing written").isEqualTo(1);
    }
}
